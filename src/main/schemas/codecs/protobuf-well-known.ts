import protobuf from 'protobufjs';
import { SchemaMismatch } from './codec';

/**
 * Proto3's JSON mapping for the well-known types protobufjs leaves as plain messages:
 * Timestamp as RFC 3339 text, Duration as "1.5s", and the wrappers (Int64Value, StringValue…)
 * as their bare value. Decoding writes these forms; encoding takes them back (jsonToWellKnown).
 */
const WRAPPERS = ['DoubleValue', 'FloatValue', 'Int64Value', 'UInt64Value', 'Int32Value', 'UInt32Value', 'BoolValue', 'StringValue', 'BytesValue'].map((n) => `.google.protobuf.${n}`);

type Wrapper = protobuf.IWrapper & { toObject(this: protobuf.Type, m: protobuf.Message, o?: protobuf.IConversionOptions): unknown };

/** protobufjs binds both halves; the JSON forms are turned into objects before fromObject (jsonToWellKnown). */
function fromObject(this: protobuf.Type, object: { [k: string]: unknown }): protobuf.Message {
  return this.fromObject(object);
}

let installed = false;
export function installWellKnownJson(): void {
  if (installed) return;
  installed = true;
  const wrappers = protobuf.wrappers as Record<string, Wrapper>;
  wrappers['.google.protobuf.Timestamp'] = {
    fromObject,
    toObject(message, options) {
      if (!options?.json) return this.toObject(message, options);
      const m = message as unknown as { seconds: number | { toString(): string }; nanos: number };
      const iso = new Date(Number(m.seconds.toString()) * 1000).toISOString().replace('.000Z', 'Z');
      const nanos = m.nanos ? `.${String(m.nanos).padStart(9, '0').replace(/0+$/, '')}` : '';
      return iso.replace('Z', `${nanos}Z`);
    },
  } as Wrapper;
  wrappers['.google.protobuf.Duration'] = {
    fromObject,
    toObject(message, options) {
      if (!options?.json) return this.toObject(message, options);
      const m = message as unknown as { seconds: number | { toString(): string }; nanos: number };
      const seconds = BigInt(m.seconds.toString());
      const negative = seconds < 0n || m.nanos < 0;
      const whole = (seconds < 0n ? -seconds : seconds).toString();
      const nanos = m.nanos ? `.${String(Math.abs(m.nanos)).padStart(9, '0').replace(/0+$/, '')}` : '';
      return `${negative ? '-' : ''}${whole}${nanos}s`;
    },
  } as Wrapper;
  for (const name of WRAPPERS) {
    wrappers[name] = {
      fromObject,
      toObject(message, options) {
        const plain = this.toObject(message, options) as { value?: unknown };
        return options?.json ? plain.value : plain;
      },
    } as Wrapper;
  }
}

/** A well-known type's JSON form as the object protobufjs' fromObject takes; undefined when it is not one. */
export function jsonToWellKnown(fullName: string, value: unknown, path: string): unknown {
  if (fullName === '.google.protobuf.Timestamp' && typeof value === 'string') {
    const m = /^(.*?)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(value);
    const whole = m ? Date.parse(`${m[1]}${m[3]}`) : NaN;
    if (!m || Number.isNaN(whole)) throw new SchemaMismatch(path, `expected an RFC 3339 timestamp such as 2026-11-20T10:00:00Z, got ${JSON.stringify(value)}`);
    return { seconds: Math.floor(whole / 1000), nanos: Number((m[2] ?? '').padEnd(9, '0')) };
  }
  if (fullName === '.google.protobuf.Duration' && typeof value === 'string') {
    const m = /^(-)?(\d+)(?:\.(\d{1,9}))?s$/.exec(value);
    if (!m) throw new SchemaMismatch(path, `expected a duration such as 1.5s, got ${JSON.stringify(value)}`);
    const sign = m[1] ? -1 : 1;
    return { seconds: sign * Number(m[2]), nanos: sign * Number((m[3] ?? '').padEnd(9, '0')) };
  }
  if (WRAPPERS.includes(fullName) && (typeof value !== 'object' || value === null)) return { value };
  return undefined;
}

/** The skeleton value of a well-known type, in its JSON form; undefined when it is not one. */
export function wellKnownSkeleton(fullName: string): unknown {
  if (fullName === '.google.protobuf.Timestamp') return new Date(0).toISOString();
  if (fullName === '.google.protobuf.Duration') return '0s';
  if (WRAPPERS.includes(fullName)) return null;
  return undefined;
}
