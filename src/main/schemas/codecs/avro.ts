import avro from 'avsc';
import { NumberText, toJsonText } from '../json-text';
import type { SchemaCodec } from './codec';
import { avroSkeleton, avroValueFromJson, SchemaMismatch } from './avro-from-json';
import { parseExactJson } from '../exact-json';

/** int64 as BigInt: avsc's default long is a JS number, which rounds beyond 2^53. */
const ExactLong = avro.types.LongType.__with({
  fromBuffer: (buf: Buffer) => buf.readBigInt64LE(),
  toBuffer: (n: bigint) => {
    const buf = Buffer.alloc(8);
    buf.writeBigInt64LE(BigInt(n));
    return buf;
  },
  fromJSON: (x: unknown) => BigInt(x as string),
  toJSON: (n: bigint) => Number(n),
  isValid: (n: unknown) => typeof n === 'bigint',
  compare: (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0),
});

/** decimal(precision, scale) over bytes or fixed: the exact digits, as a JSON number. */
class DecimalType extends avro.types.LogicalType {
  private readonly scale: number;
  constructor(schema: avro.Schema, opts?: unknown) {
    super(schema, opts);
    this.scale = Number((schema as { scale?: number }).scale ?? 0);
  }
  protected override _fromValue(buf: Buffer): NumberText {
    let n = 0n;
    for (const b of buf) n = (n << 8n) | BigInt(b);
    if (buf.length > 0 && buf[0]! & 0x80) n -= 1n << BigInt(buf.length * 8);
    const negative = n < 0n;
    let digits = (negative ? -n : n).toString().padStart(this.scale + 1, '0');
    if (this.scale > 0) digits = `${digits.slice(0, -this.scale)}.${digits.slice(-this.scale)}`;
    return new NumberText(negative ? `-${digits}` : digits);
  }
  protected override _toValue(value: unknown): Buffer {
    if (Buffer.isBuffer(value)) return value;
    const text = typeof value === 'number' || typeof value === 'bigint' ? value.toString() : String(value);
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
    if (!m) throw new Error(`${text} is not a decimal number`);
    const fraction = m[3] ?? '';
    if (fraction.length > this.scale) throw new Error(`${text} has more than ${this.scale} decimal places`);
    let n = BigInt(m[2]! + fraction.padEnd(this.scale, '0'));
    if (m[1]) n = -n;
    return twosComplement(n);
  }
  protected override _resolve(type: avro.Type): ((x: unknown) => unknown) | undefined {
    return avro.Type.isType(type, 'logical:decimal') ? (x) => x : undefined;
  }
}

/** Timestamps and dates as ISO text, which people read; the number stays one Raw view away. */
function isoLogical(toIso: (v: bigint | number) => string, fromIso: (v: unknown) => unknown) {
  return class extends avro.types.LogicalType {
    protected override _fromValue(v: bigint | number): string {
      return toIso(v);
    }
    protected override _toValue(value: unknown): unknown {
      const v = fromIso(value);
      // avsc builds a logical type's underlying long as its stock (number) long, not ours.
      return typeof v === 'bigint' && this.underlyingType.typeName === 'long' ? Number(v) : v;
    }
  };
}

const micros = (v: bigint | number) => {
  const us = BigInt(v);
  const ms = us / 1000n - (us % 1000n < 0n ? 1n : 0n);
  const rest = String(((us % 1000n) + 1000n) % 1000n).padStart(3, '0');
  return new Date(Number(ms)).toISOString().replace('Z', `${rest}Z`);
};

/** ISO text (what decoding shows) or the underlying number, back to epoch units. */
const epoch = (perMs: bigint) => (v: unknown): bigint => {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  if (typeof v !== 'string') throw new Error(`expected a timestamp as ISO text or a number, got ${String(v)}`);
  const m = /^(.*?)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)?$/.exec(v);
  // Without a zone (local timestamps) the fields are read as UTC, as decoding writes them.
  const whole = Date.parse(`${m?.[1] ?? v}${m?.[3] ?? 'Z'}`);
  if (!m || Number.isNaN(whole)) throw new Error(`${v} is not an ISO date-time`);
  const fraction = (m[2] ?? '').padEnd(9, '0');
  return BigInt(whole) * perMs + (BigInt(fraction) * perMs) / 1_000_000n;
};
const days = (v: unknown): number => {
  if (typeof v === 'number') return v;
  const ms = typeof v === 'string' ? Date.parse(`${v}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms)) throw new Error(`${String(v)} is not a date (YYYY-MM-DD)`);
  return ms / 86_400_000;
};

const LOGICAL_TYPES = {
  decimal: DecimalType,
  'timestamp-millis': isoLogical((v) => new Date(Number(v)).toISOString(), epoch(1n)),
  'timestamp-micros': isoLogical(micros, epoch(1000n)),
  'local-timestamp-millis': isoLogical((v) => new Date(Number(v)).toISOString().replace('Z', ''), epoch(1n)),
  'local-timestamp-micros': isoLogical((v) => micros(v).replace('Z', ''), epoch(1000n)),
  date: isoLogical((v) => new Date(Number(v) * 86_400_000).toISOString().slice(0, 10), days),
};

/** The shortest big-endian two's complement bytes of n (Avro's decimal encoding). */
function twosComplement(n: bigint): Buffer {
  const bytes: number[] = [];
  let v = n;
  for (;;) {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
    const sign = bytes[0]! & 0x80;
    if ((v === 0n && !sign) || (v === -1n && sign)) break;
  }
  return Buffer.from(bytes);
}

/**
 * Compiles an Avro writer schema, with the schemas it references (named types defined in other
 * subjects) compiled first into the same registry of names.
 */
export function avroCodec(schema: string, references: string[] = []): SchemaCodec {
  const registry: Record<string, avro.Type> = { long: ExactLong as unknown as avro.Type };
  const options = { registry, logicalTypes: LOGICAL_TYPES, wrapUnions: false, omitRecordMethods: true } as const;
  for (const ref of references) avro.Type.forSchema(JSON.parse(ref) as avro.Schema, options);
  const type = avro.Type.forSchema(JSON.parse(schema) as avro.Schema, options);
  return {
    type: 'AVRO',
    decode(body) {
      const { value, offset } = type.decode(body, 0);
      if (offset < 0) throw new Error(`the Avro value is cut short (${body.length} bytes do not hold a whole ${type.name ?? type.typeName})`);
      const trailing = body.length - offset;
      return { json: toJsonText(value), ...(trailing > 0 ? { invalid: `${trailing} bytes after the Avro value` } : {}) };
    },
    encode(json) {
      const value = avroValueFromJson(type as never, parseExactJson(json));
      try {
        return type.toBuffer(value);
      } catch (error) {
        let where = '';
        type.isValid(value, { errorHook: (path: string[]) => void (where ||= path.join('.')) });
        throw new SchemaMismatch(where, (error as Error).message.includes('BigInt') ? 'does not fit the schema' : (error as Error).message);
      }
    },
    skeleton() {
      return JSON.stringify(avroSkeleton(type as never), null, 2);
    },
  };
}
