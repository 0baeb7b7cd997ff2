/**
 * The shape of Kafka's own message definitions (clients/src/main/resources/common/message/*.json),
 * as the generator writes them into ./generated: one generic codec (./codec.ts) reads and
 * writes every version of every API from these, so flexible versions, tagged fields, nullable
 * fields and compact arrays are handled in one place instead of once per request.
 */

/** Inclusive version range; `Infinity`-like open ranges ("3+") are written with MAX_VERSION. */
export type VersionRange = readonly [number, number];
export const MAX_VERSION = 0x7fff;

export type PrimitiveType = 'bool' | 'int8' | 'int16' | 'uint16' | 'int32' | 'int64' | 'float64' | 'string' | 'bytes' | 'records' | 'uuid';

export interface FieldSpec {
  /** camelCase of Kafka's field name: the property in the request/response objects. */
  readonly name: string;
  /** A primitive, or 'struct' with `fields`. */
  readonly type: PrimitiveType | 'struct';
  readonly array?: true;
  readonly versions: VersionRange;
  readonly nullableVersions?: VersionRange;
  /** Tagged fields live in the tagged-fields section of flexible versions, written only when not default. */
  readonly tag?: number;
  readonly taggedVersions?: VersionRange;
  /** Kafka's default, already parsed (int64 as bigint); absent means the type's zero value. */
  readonly default?: boolean | number | bigint | string | null;
  /** A version that lacks the field may silently drop a non-default value only when the field is ignorable. */
  readonly ignorable?: true;
  readonly fields?: readonly FieldSpec[];
}

export interface MessageSpec {
  readonly name: string;
  readonly validVersions: VersionRange;
  /** First flexible version, or null when no version is flexible. */
  readonly flexibleFrom: number | null;
  readonly fields: readonly FieldSpec[];
}

/** One API: its key and both directions; `Req`/`Res` are the generated TypeScript shapes. */
export interface ApiSpec<Req, Res> {
  readonly apiKey: number;
  readonly name: string;
  readonly request: MessageSpec;
  readonly response: MessageSpec;
  /** Phantom members that carry the types; never set. */
  readonly __types?: { request: Req; response: Res };
}

export const inRange = (v: number, r: VersionRange | undefined): boolean => r !== undefined && v >= r[0] && v <= r[1];
