import type { InternalBroker } from '../internals';
import { CompactReader } from './compact-wire';

export interface FlexibleRequest<T> {
  apiKey: number;
  apiVersion: number;
  apiName: string;
  /** The request body after the header, in the compact format. */
  body: Buffer;
  parse(reader: CompactReader): T;
}

/**
 * Sends a flexible-version request over a broker's kafkajs connection. kafkajs writes request
 * header v1 (api key, version, correlation id, client id); header v2 is the same plus a
 * tagged-fields section, so one 0x00 byte before the body makes it a valid v2 header. The
 * response header v1 likewise is the correlation id (which kafkajs consumes) plus tagged
 * fields, skipped here before the body is parsed.
 */
export async function sendFlexible<T>(broker: InternalBroker, request: FlexibleRequest<T>): Promise<T> {
  const payload = Buffer.concat([Buffer.from([0]), request.body]);
  const pool = (broker as unknown as { connectionPool: { send<R>(args: { request: unknown; response: unknown }): Promise<R> } }).connectionPool;
  return pool.send<T>({
    request: { apiKey: request.apiKey, apiVersion: request.apiVersion, apiName: request.apiName, encode: async () => ({ buf: payload, buffer: payload }) },
    response: { decode: async (raw: Buffer) => raw, parse: async (raw: Buffer) => parseFlexibleResponse(raw, request.parse) },
  });
}

/** Skips the response header's tagged fields, then parses the body. */
export function parseFlexibleResponse<T>(raw: Buffer, parse: (reader: CompactReader) => T): T {
  const reader = new CompactReader(raw);
  reader.skipTags();
  return parse(reader);
}

/** The highest version of an API both we and the broker speak, or null when none is shared. */
export function sharedVersion(broker: InternalBroker, apiKey: number, ours: { min: number; max: number }): number | null {
  const theirs = (broker as unknown as { versions?: Record<number, { minVersion: number; maxVersion: number }> | null }).versions?.[apiKey];
  if (!theirs) return null;
  const v = Math.min(ours.max, theirs.maxVersion);
  return v >= Math.max(ours.min, theirs.minVersion) ? v : null;
}
