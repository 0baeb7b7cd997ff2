import avro from 'avsc';
import { NumberText, toJsonText } from '../json-text';
import type { SchemaCodec } from './codec';

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
  protected override _toValue(): Buffer {
    throw new Error('encoding decimals is not supported yet');
  }
  protected override _resolve(type: avro.Type): ((x: unknown) => unknown) | undefined {
    return avro.Type.isType(type, 'logical:decimal') ? (x) => x : undefined;
  }
}

/** Timestamps and dates as ISO text, which people read; the number stays one Raw view away. */
function isoLogical(toIso: (v: bigint | number) => string) {
  return class extends avro.types.LogicalType {
    protected override _fromValue(v: bigint | number): string {
      return toIso(v);
    }
    protected override _toValue(): never {
      throw new Error('encoding this logical type is not supported yet');
    }
  };
}

const micros = (v: bigint | number) => {
  const us = BigInt(v);
  const ms = us / 1000n - (us % 1000n < 0n ? 1n : 0n);
  const rest = String(((us % 1000n) + 1000n) % 1000n).padStart(3, '0');
  return new Date(Number(ms)).toISOString().replace('Z', `${rest}Z`);
};

const LOGICAL_TYPES = {
  decimal: DecimalType,
  'timestamp-millis': isoLogical((v) => new Date(Number(v)).toISOString()),
  'timestamp-micros': isoLogical(micros),
  'local-timestamp-millis': isoLogical((v) => new Date(Number(v)).toISOString().replace('Z', '')),
  'local-timestamp-micros': isoLogical((v) => micros(v).replace('Z', '')),
  date: isoLogical((v) => new Date(Number(v) * 86_400_000).toISOString().slice(0, 10)),
};

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
  };
}
