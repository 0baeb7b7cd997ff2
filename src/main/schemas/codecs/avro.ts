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
  const options = avroOptions();
  for (const ref of references) avro.Type.forSchema(JSON.parse(ref) as avro.Schema, options);
  return avroTypeCodec(avro.Type.forSchema(JSON.parse(schema) as avro.Schema, options));
}

/**
 * What every Avro type here is compiled with: exact longs, logical types as people read them,
 * plain (unwrapped) unions, and one registry of named types shared by the schemas compiled with it.
 */
export function avroOptions(registry: Record<string, avro.Type> = {}) {
  registry.long ??= ExactLong as unknown as avro.Type;
  return { registry, logicalTypes: LOGICAL_TYPES, wrapUnions: false, omitRecordMethods: true } as const;
}

/** A codec for one compiled Avro type (the body is the bare Avro binary, no framing). */
export function avroTypeCodec(type: avro.Type): SchemaCodec {
  const readJson = jsonReader(type);
  return {
    type: 'AVRO',
    decode(body) {
      let json: string;
      let offset: number;
      try {
        ({ json, offset } = readJson(body));
      } catch (error) {
        if (error === CUT_SHORT) throw new Error(`the Avro value is cut short (${body.length} bytes do not hold a whole ${type.name ?? type.typeName})`, { cause: error });
        throw error;
      }
      const trailing = body.length - offset;
      return { json, ...(trailing > 0 ? { invalid: `${trailing} bytes after the Avro value` } : {}) };
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

/** Thrown by a reader that would read past the end of the body (what avsc reports as offset -1). */
const CUT_SHORT = new Error('cut short');

/** The avsc type tree as this file builds it (avsc's typings leave most of it out). */
interface AnyType {
  typeName: string;
  name?: string;
  fields?: { name: string; type: AnyType }[];
  itemsType?: AnyType;
  valuesType?: AnyType;
  types?: AnyType[];
  symbols?: string[];
  size?: number;
  decode(buf: Buffer, pos: number): { value: unknown; offset: number };
}

/**
 * What the generated reader runs on: the body being read (buf, pos, end) and the output buffer
 * (out, o) the JSON is written into as UTF-8, turned into one string per value at the end.
 */
const RUNTIME = `
let buf = Buffer.alloc(0), pos = 0, end = 0, out = Buffer.allocUnsafe(65536), o = 0;
function ensure(n) { if (o + n > out.length) grow(n); }
function grow(n) { const bigger = Buffer.allocUnsafe(Math.max(out.length * 2, o + n)); out.copy(bigger, 0, 0, o); out = bigger; }
function writeText(text) { ensure(text.length * 3); o += out.utf8Write(text, o); }
function writeBytes(bytes) { const n = bytes.length; ensure(n); const target = out, at = o; for (let i = 0; i < n; i++) target[at + i] = bytes[i]; o = at + n; }
// A varint as a number, as avsc reads int (and lengths, counts, indexes): float arithmetic past 28 bits.
function readNumber() {
  if (pos >= end) throw CUT;
  let b = buf[pos++];
  if (b < 0x80) return b & 1 ? -((b + 1) / 2) : b / 2;
  let n = b & 0x7f, k = 128;
  do { if (pos >= end) throw CUT; b = buf[pos++]; n += (b & 0x7f) * k; k *= 128; } while (b & 0x80);
  return n % 2 ? -(n + 1) / 2 : n / 2;
}
function readCount() { let n = readNumber(); if (n < 0) { n = -n; readNumber(); } return n; }
function readLength() { const n = readNumber(); if (n < 0 || pos + n > end) throw CUT; return n; }
// A safe integer's digits (exact: each step divides a multiple of 10).
function writeInteger(value) {
  ensure(24);
  const target = out;
  let n = value, w = o;
  if (n < 0) { target[w++] = 0x2d; n = -n; }
  if (n < 10) { target[w++] = 0x30 + n; o = w; return; }
  const start = w;
  while (n > 0) { const digit = n % 10; target[w++] = 0x30 + digit; n = (n - digit) / 10; }
  for (let i = start, j = w - 1; i < j; i++, j--) { const t = target[i]; target[i] = target[j]; target[j] = t; }
  o = w;
}
// An int64 as its exact digits (what ExactLong's BigInt prints): up to 7 bytes (49 bits) a double is
// exact; longer, BigInt wrapped to 64 bits as avsc does.
function writeLong() {
  const start = pos;
  const n = readNumber();
  if (pos - start <= 7) return writeInteger(n);
  let big = 0n;
  for (let p = pos - 1; p >= start; p--) big = (big << 7n) | BigInt(buf[p] & 0x7f);
  big = BigInt.asUintN(64, big);
  writeText(((big >> 1n) ^ -(big & 1n)).toString());
}
function writeFloat(n) { writeText(Number.isFinite(n) ? String(n) : '"' + String(n) + '"'); }
// buf[start, start + n) as a JSON string: copied when nothing needs escaping (UTF-8 stays UTF-8).
function writeUtf8String(start, n) {
  ensure(n + 2);
  const source = buf, target = out;
  let w = o;
  target[w++] = 0x22;
  for (let i = start, stop = start + n; i < stop; i++) {
    const c = source[i];
    if (c < 0x20 || c === 0x22 || c === 0x5c) { writeText(JSON.stringify(source.utf8Slice(start, start + n))); return; }
    target[w++] = c;
  }
  target[w++] = 0x22;
  o = w;
}
`;

/**
 * A decoder from Avro binary straight to the JSON text toJsonText would make of avsc's decoded
 * value (the same text, byte for byte), without building the value first. Like avsc's own
 * readers, it is JavaScript generated for the writer schema (one function per record and map
 * type, everything else inline), writing the JSON as UTF-8 into one output buffer. Strings are
 * copied byte for byte (JSON.stringify only for those that need escapes); logical types and
 * anything unusual are decoded by avsc itself and written with toJsonText. Reads past the end of
 * the body throw CUT_SHORT.
 */
function jsonReader(root: avro.Type): (body: Buffer) => { json: string; offset: number } {
  const constants: unknown[] = [];
  const constant = (value: unknown) => `k[${constants.push(value) - 1}]`;
  const functions: string[] = [];
  const named = new Map<AnyType, string>();
  let seq = 0;

  /** Statements writing these bytes: inline when short. */
  const token = (text: string): string => {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length > 24) return `writeBytes(${constant(bytes)});`;
    return `{ ensure(${bytes.length}); const t = out, w = o; ${[...bytes].map((b, i) => `t[w + ${i}] = ${b};`).join(' ')} o = w + ${bytes.length}; }`;
  };

  /** The least number of bytes a value of this type takes (0 for null and empty records). */
  const minBytes = (type: AnyType, seen = new Set<AnyType>()): number => {
    if (type.typeName === 'null') return 0;
    if (type.typeName === 'fixed') return type.size ?? 0;
    if (type.typeName === 'record' || type.typeName === 'error') {
      if (seen.has(type)) return 1;
      seen.add(type);
      return (type.fields ?? []).reduce((sum, f) => sum + minBytes(f.type, seen), 0);
    }
    return 1;
  };

  /** A function for a record or map type (named types may be recursive: named before compiled). */
  const fn = (type: AnyType, body: (name: string) => string): string => {
    const known = named.get(type);
    if (known) return `${known}();`;
    const name = `f${seq++}`;
    named.set(type, name);
    functions.push(`function ${name}() {\n${body(name)}\n}`);
    return `${name}();`;
  };

  /** Statements reading one value of the type and writing its JSON. */
  const emit = (type: AnyType): string => {
    const id = seq++;
    switch (type.typeName) {
      case 'null':
        return token('null');
      case 'boolean':
        return `if (pos >= end) throw CUT; if (buf[pos++]) { ${token('true')} } else { ${token('false')} }`;
      case 'int':
        return 'writeInteger(readNumber());';
      case 'abstract:long':
        if (type === (ExactLong as unknown)) return 'writeLong();';
        break;
      case 'float':
        return 'if (pos + 4 > end) throw CUT; writeFloat(buf.readFloatLE(pos)); pos += 4;';
      case 'double':
        return 'if (pos + 8 > end) throw CUT; writeFloat(buf.readDoubleLE(pos)); pos += 8;';
      case 'string':
        return `{ const n${id} = readLength(); const s${id} = pos; pos += n${id}; writeUtf8String(s${id}, n${id}); }`;
      case 'bytes':
        return `{ const n${id} = readLength(); const s${id} = pos; pos += n${id}; writeText(JSON.stringify(buf.latin1Slice(s${id}, pos))); }`;
      case 'fixed':
        return `{ if (pos + ${type.size ?? 0} > end) throw CUT; const s${id} = pos; pos += ${type.size ?? 0}; writeText(JSON.stringify(buf.latin1Slice(s${id}, pos))); }`;
      case 'enum': {
        const symbols = constant((type.symbols ?? []).map((s) => Buffer.from(JSON.stringify(s), 'utf8')));
        return `{ const i${id} = readNumber(); const s${id} = ${symbols}[i${id}]; if (s${id} === undefined) throw new Error(${constant(`invalid ${type.name} enum index: `)} + i${id}); writeBytes(s${id}); }`;
      }
      case 'union:unwrapped': {
        const branches = (type.types ?? []).map((t, i) => `case ${i}: { ${emit(t)} break; }`).join('\n');
        return `{ const i${id} = readNumber(); switch (i${id}) {\n${branches}\ndefault: throw new Error('invalid union index: ' + i${id}); } }`;
      }
      case 'record':
      case 'error':
        return fn(type, () => {
          const fields = type.fields ?? [];
          if (fields.length === 0) return token('{}');
          return `${fields.map((f, i) => `${token(`${i === 0 ? '{' : ','}${JSON.stringify(f.name)}:`)}\n${emit(f.type)}`).join('\n')}\n${token('}')}`;
        });
      case 'array': {
        const least = minBytes(type.itemsType!);
        // Every item takes a byte or more (else a block of millions of nothings is nonsense).
        const tooMany = least > 0 ? `n${id} * ${least} > end - pos` : `n${id} > 10000000`;
        return `{ ensure(1); out[o++] = 0x5b; let n${id} = readCount(); let first${id} = true;
while (n${id}) { if (${tooMany}) throw CUT;
while (n${id}--) { if (!first${id}) { ensure(1); out[o++] = 0x2c; } first${id} = false;
${emit(type.itemsType!)}
}
n${id} = readCount(); }
ensure(1); out[o++] = 0x5d; }`;
      }
      case 'map':
        // As avsc does: into an object, so a repeated key keeps its first place and its last value,
        // and integer-like keys come first. Written straight out when no key is either.
        return fn(type, (name) => {
          const slow = `${name}s`;
          functions.push(`function ${slow}() {
const texts = {};
let n = readCount();
while (n) { if (n > end - pos) throw CUT;
while (n--) { const length = readLength(); const key = buf.utf8Slice(pos, pos + length); pos += length; const start = o;
${emit(type.valuesType!)}
texts[key] = out.utf8Slice(start, o); o = start; }
n = readCount(); }
let first = true;
writeText('{');
for (const key of Object.keys(texts)) { writeText((first ? '' : ',') + JSON.stringify(key) + ':'); writeText(texts[key]); first = false; }
writeText('}');
}`);
          return `const startPos = pos, startOut = o, seen = [];
ensure(1); out[o++] = 0x7b;
let n = readCount();
while (n) { if (n > end - pos) throw CUT;
while (n--) { const length = readLength(); const c = buf[pos]; const key = buf.latin1Slice(pos, pos + length);
if ((c !== undefined && c >= 0x30 && c <= 0x39) || key === '__proto__' || seen.includes(key)) { pos = startPos; o = startOut; return ${slow}(); }
if (seen.length > 0) { ensure(1); out[o++] = 0x2c; }
seen.push(key); writeUtf8String(pos, length); pos += length; ensure(1); out[o++] = 0x3a;
${emit(type.valuesType!)}
}
n = readCount(); }
ensure(1); out[o++] = 0x7d;`;
        });
    }
    const underlying = (type as { underlyingType?: AnyType }).underlyingType;
    if (type.typeName.startsWith('logical:') && (underlying?.typeName === 'long' || underlying?.typeName === 'int')) {
      // Timestamps and dates: the number read as avsc's stock int and long do (which refuses unsafe longs), converted by the logical type.
      const check = underlying.typeName === 'long' ? `if (!(v${id} >= -9007199254740990 && v${id} <= 9007199254740990)) throw new Error('potential precision loss');` : '';
      return `{ const v${id} = readNumber(); ${check} writeText(toJsonText(${constant(type)}._fromValue(v${id}))); }`;
    }
    // Logical types and the rest: avsc decodes the value, toJsonText writes it.
    return `{ const r${id} = ${constant(type)}.decode(buf, pos); if (r${id}.offset < 0 || r${id}.offset > end) throw CUT; pos = r${id}.offset; writeText(toJsonText(r${id}.value)); }`;
  };

  const top = emit(root as unknown as AnyType);
  const source = `${RUNTIME}
${functions.join('\n')}
return function read(body) {
  buf = body; pos = 0; end = body.length; o = 0;
  try {
    ${top}
    return { json: out.utf8Slice(0, o), offset: pos };
  } finally {
    buf = EMPTY;
    if (out.length > 1048576) out = Buffer.allocUnsafe(65536);
  }
};`;
  // Generated from the schema's structure only (names go in as JSON text or constants), as avsc does.
  const make = new Function('k', 'CUT', 'toJsonText', 'Buffer', 'EMPTY', source) as (...args: unknown[]) => (body: Buffer) => { json: string; offset: number };
  return make(constants, CUT_SHORT, toJsonText, Buffer, Buffer.alloc(0));
}
