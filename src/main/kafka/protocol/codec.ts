import { inRange, type FieldSpec, type MessageSpec, type PrimitiveType } from './spec';

/**
 * One codec for every generated message: walks the field specs for the chosen version and
 * reads or writes Kafka's wire format (classic or flexible/compact, KIP-482). Clarity first, but
 * not per-record speed: ListOffsets of every partition of a big cluster (13,000 per broker) goes
 * through here, so each struct's field plan is cached. The record paths (Fetch, Produce, record
 * batches) stay hand-tuned in ../kafkajs/raw.
 */

type Data = Record<string, unknown>;

/** A value the chosen version cannot carry, as Kafka's own serializer refuses it. */
export class UnsupportedFieldError extends Error {
  constructor(
    readonly messageName: string,
    readonly field: string,
    readonly version: number,
  ) {
    super(`${messageName} v${version} has no field "${field}" (set it only for versions that support it)`);
    this.name = 'UnsupportedFieldError';
  }
}

export function encodeMessage(spec: MessageSpec, version: number, data: Data): Buffer {
  const w = new Writer();
  writeStruct(w, spec.name, spec.fields, version, isFlexible(spec, version), data);
  return w.toBuffer();
}

export function decodeMessage<T>(spec: MessageSpec, version: number, bytes: Buffer, offset = 0): T {
  const r = new Reader(bytes, offset);
  return readStruct(r, spec.fields, version, isFlexible(spec, version)) as T;
}

export const isFlexible = (spec: MessageSpec, version: number): boolean => spec.flexibleFrom !== null && version >= spec.flexibleFrom;

// ---- writing ----------------------------------------------------------------------------

function writeStruct(w: Writer, message: string, fields: readonly FieldSpec[], version: number, flexible: boolean, data: Data | undefined): void {
  const plan = planOf(fields, version, flexible);
  let tagged: { tag: number; bytes: Buffer }[] | null = null;
  for (const step of plan.steps) {
    const field = step.field;
    const value = data?.[field.name];
    if (step.kind === ABSENT) {
      if (!field.ignorable && !isDefault(field, value)) throw new UnsupportedFieldError(message, field.name, version);
      continue;
    }
    if (step.kind === TAGGED) {
      if (isDefault(field, value)) continue;
      const sub = new Writer();
      writeField(sub, message, field, step.nullable, version, flexible, value);
      (tagged ??= []).push({ tag: field.tag!, bytes: sub.toBuffer() });
      continue;
    }
    writeField(w, message, field, step.nullable, version, flexible, value);
  }
  if (!flexible) return;
  if (tagged === null) return void w.uvarint(0);
  tagged.sort((a, b) => a.tag - b.tag);
  w.uvarint(tagged.length);
  for (const t of tagged) w.uvarint(t.tag).uvarint(t.bytes.length).raw(t.bytes);
}

function writeField(w: Writer, message: string, field: FieldSpec, nullable: boolean, version: number, flexible: boolean, given: unknown): void {
  const value = given === undefined ? defaultValue(field, version) : given;
  if (field.array) {
    if (value === null) {
      if (!nullable) throw new TypeError(`${message}.${field.name} cannot be null in v${version}`);
      w.length(flexible, -1, 4);
      return;
    }
    const items = value as unknown[];
    w.length(flexible, items.length, 4);
    for (const item of items) writeOne(w, message, field, version, flexible, item, false);
    return;
  }
  writeOne(w, message, field, version, flexible, value, nullable);
}

function writeOne(w: Writer, message: string, field: FieldSpec, version: number, flexible: boolean, value: unknown, nullable: boolean): void {
  if (field.type === 'struct') {
    if (nullable) {
      w.int8(value === null ? -1 : 1);
      if (value === null) return;
    }
    writeStruct(w, message, field.fields ?? [], version, flexible, value as Data);
    return;
  }
  if (value === null && !nullable) throw new TypeError(`${message}.${field.name} cannot be null in v${version}`);
  writePrimitive(w, field.type, flexible, value);
}

function writePrimitive(w: Writer, type: PrimitiveType, flexible: boolean, value: unknown): void {
  switch (type) {
    case 'bool':
      w.int8(value ? 1 : 0);
      return;
    case 'int8':
      w.int8(value as number);
      return;
    case 'int16':
      w.int16(value as number);
      return;
    case 'uint16':
      w.uint16(value as number);
      return;
    case 'int32':
      w.int32(value as number);
      return;
    case 'int64':
      w.int64(BigInt(value as bigint | number));
      return;
    case 'float64':
      w.float64(value as number);
      return;
    case 'uuid':
      w.raw(uuidBytes(value as string));
      return;
    case 'string': {
      if (value === null) return void w.length(flexible, -1, 2);
      const text = value as string;
      const n = Buffer.byteLength(text, 'utf8');
      w.length(flexible, n, 2).utf8(text, n);
      return;
    }
    case 'bytes':
    case 'records': {
      if (value === null) return void w.length(flexible, -1, 4);
      const bytes = value as Buffer;
      w.length(flexible, bytes.length, 4).raw(bytes);
      return;
    }
  }
}

// ---- reading ----------------------------------------------------------------------------

function readStruct(r: Reader, fields: readonly FieldSpec[], version: number, flexible: boolean): Data {
  const plan = planOf(fields, version, flexible);
  const out: Data = {};
  for (const step of plan.steps) {
    out[step.field.name] = step.kind === INLINE ? readField(r, step.field, step.nullable, version, flexible) : defaultValue(step.field, version);
  }
  if (!flexible) return out;
  const count = r.uvarint();
  for (let i = 0; i < count; i++) {
    const tag = r.uvarint();
    const size = r.uvarint();
    const step = plan.byTag.get(tag);
    const end = r.offset + size;
    // Unknown tags are allowed to be ignored: that is how brokers add fields without a new version.
    if (step) out[step.field.name] = readField(new Reader(r.bytes.subarray(r.offset, end)), step.field, step.nullable, version, flexible);
    r.offset = end;
  }
  return out;
}

function readField(r: Reader, field: FieldSpec, nullable: boolean, version: number, flexible: boolean): unknown {
  if (field.array) {
    const n = flexible ? r.uvarint() - 1 : r.int32();
    if (n < 0) return nullable ? null : [];
    const items: unknown[] = new Array(n);
    for (let i = 0; i < n; i++) items[i] = readOne(r, field, version, flexible, false);
    return items;
  }
  return readOne(r, field, version, flexible, nullable);
}

// ---- plans ------------------------------------------------------------------------------

const INLINE = 0;
const TAGGED = 1;
const ABSENT = 2;

interface Step {
  readonly field: FieldSpec;
  /** INLINE: on the wire in order; TAGGED: in the tagged section when not default; ABSENT: not in this version. */
  readonly kind: typeof INLINE | typeof TAGGED | typeof ABSENT;
  readonly nullable: boolean;
}

interface StructPlan {
  readonly steps: readonly Step[];
  readonly byTag: ReadonlyMap<number, Step>;
}

/**
 * What a struct's fields are in one version, worked out once per (fields, version): a 39,000-partition
 * ListOffsets has 39,000 partition structs, and deciding each field's ranges per struct (and a tag
 * map per struct) cost about a third of its encoding and decoding time, and garbage.
 */
const plans = new WeakMap<readonly FieldSpec[], Map<number, StructPlan>>();

function planOf(fields: readonly FieldSpec[], version: number, flexible: boolean): StructPlan {
  let byVersion = plans.get(fields);
  if (!byVersion) plans.set(fields, (byVersion = new Map()));
  const key = version * 2 + (flexible ? 1 : 0);
  let plan = byVersion.get(key);
  if (!plan) byVersion.set(key, (plan = makePlan(fields, version, flexible)));
  return plan;
}

function makePlan(fields: readonly FieldSpec[], version: number, flexible: boolean): StructPlan {
  const steps: Step[] = [];
  const byTag = new Map<number, Step>();
  for (const field of fields) {
    const nullable = inRange(version, field.nullableVersions);
    if (!inRange(version, field.versions)) {
      steps.push({ field, kind: ABSENT, nullable });
    } else if (flexible && field.tag !== undefined && inRange(version, field.taggedVersions)) {
      const step = { field, kind: TAGGED, nullable } as const;
      steps.push(step);
      byTag.set(field.tag, step);
    } else {
      steps.push({ field, kind: INLINE, nullable });
    }
  }
  return { steps, byTag };
}

function readOne(r: Reader, field: FieldSpec, version: number, flexible: boolean, nullable: boolean): unknown {
  if (field.type === 'struct') {
    if (nullable && r.int8() < 0) return null;
    return readStruct(r, field.fields ?? [], version, flexible);
  }
  return readPrimitive(r, field.type, flexible);
}

function readPrimitive(r: Reader, type: PrimitiveType, flexible: boolean): unknown {
  switch (type) {
    case 'bool':
      return r.int8() !== 0;
    case 'int8':
      return r.int8();
    case 'int16':
      return r.int16();
    case 'uint16':
      return r.uint16();
    case 'int32':
      return r.int32();
    case 'int64':
      return r.int64();
    case 'float64':
      return r.float64();
    case 'uuid':
      return r.take(16).toString('base64url');
    case 'string': {
      const len = flexible ? r.uvarint() - 1 : r.int16();
      return len < 0 ? null : r.utf8(len);
    }
    case 'bytes':
    case 'records': {
      const len = flexible ? r.uvarint() - 1 : r.int32();
      // A copy, so a kept value does not pin the whole response buffer.
      return len < 0 ? null : Buffer.from(r.take(len));
    }
  }
}

// ---- defaults ---------------------------------------------------------------------------

const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';

export function defaultValue(field: FieldSpec, version: number): unknown {
  if (field.default !== undefined) {
    if (field.default === null) return null;
    if (field.array) return [];
    return field.default;
  }
  if (field.array) return [];
  switch (field.type) {
    case 'struct': {
      const out: Data = {};
      for (const f of field.fields ?? []) out[f.name] = defaultValue(f, version);
      return out;
    }
    case 'bool':
      return false;
    case 'int64':
      return 0n;
    case 'string':
      return '';
    case 'bytes':
    case 'records':
      return Buffer.alloc(0);
    case 'uuid':
      return ZERO_UUID;
    default:
      return 0;
  }
}

function isDefault(field: FieldSpec, value: unknown): boolean {
  if (value === undefined) return true;
  if (field.array) return value === null ? field.default === null : (value as unknown[]).length === 0 && field.default !== null;
  if (field.type === 'struct') {
    if (value === null) return field.default === null;
    return (field.fields ?? []).every((f) => isDefault(f, (value as Data)[f.name]));
  }
  const d = field.default !== undefined ? field.default : defaultValue(field, 0);
  if (Buffer.isBuffer(value)) return Buffer.isBuffer(d) && value.equals(d);
  if (typeof d === 'bigint' && (typeof value === 'number' || typeof value === 'bigint')) return BigInt(value) === d;
  return value === d;
}

function uuidBytes(value: string): Buffer {
  const bytes = Buffer.from(value, 'base64url');
  if (bytes.length !== 16) throw new TypeError(`"${value}" is not a Kafka UUID (22 base64url characters)`);
  return bytes;
}

// ---- primitives -------------------------------------------------------------------------

class Writer {
  private buf = Buffer.allocUnsafe(256);
  private len = 0;

  /**
   * Reserves n bytes and returns where they start. It may replace `this.buf`: call it before
   * reading `this.buf` (in `this.buf.write…(n, this.room(…))` the old buffer would be written).
   */
  private room(n: number): number {
    if (this.len + n > this.buf.length) {
      const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
      this.buf.copy(next, 0, 0, this.len);
      this.buf = next;
    }
    const at = this.len;
    this.len += n;
    return at;
  }

  int8(n: number): this {
    const at = this.room(1);
    this.buf.writeInt8(n, at);
    return this;
  }
  int16(n: number): this {
    const at = this.room(2);
    this.buf.writeInt16BE(n, at);
    return this;
  }
  uint16(n: number): this {
    const at = this.room(2);
    this.buf.writeUInt16BE(n, at);
    return this;
  }
  int32(n: number): this {
    const at = this.room(4);
    this.buf.writeInt32BE(n, at);
    return this;
  }
  int64(n: bigint): this {
    const at = this.room(8);
    this.buf.writeBigInt64BE(n, at);
    return this;
  }
  float64(n: number): this {
    const at = this.room(8);
    this.buf.writeDoubleBE(n, at);
    return this;
  }
  uvarint(n: number): this {
    let v = n >>> 0;
    while (v >= 0x80) {
      const at = this.room(1);
      this.buf[at] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    const at = this.room(1);
    this.buf[at] = v;
    return this;
  }
  /** A length prefix (-1 = null): an unsigned varint of length + 1 in flexible versions, else INT16 (strings) or INT32. */
  length(flexible: boolean, n: number, classicWidth: 2 | 4): this {
    if (flexible) return this.uvarint(n + 1);
    return classicWidth === 2 ? this.int16(n) : this.int32(n);
  }
  /** `n` is the text's UTF-8 length (the caller needed it for the length prefix). */
  utf8(text: string, n: number): this {
    const at = this.room(n);
    this.buf.write(text, at, n, 'utf8');
    return this;
  }
  raw(bytes: Buffer): this {
    const at = this.room(bytes.length);
    bytes.copy(this.buf, at);
    return this;
  }
  toBuffer(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.len));
  }
}

class Reader {
  constructor(
    readonly bytes: Buffer,
    public offset = 0,
  ) {}

  private at(n: number): number {
    const start = this.offset;
    if (start + n > this.bytes.length) throw new RangeError(`Kafka response ended early (needed ${n} bytes at ${start} of ${this.bytes.length})`);
    this.offset += n;
    return start;
  }

  int8(): number {
    return this.bytes.readInt8(this.at(1));
  }
  int16(): number {
    return this.bytes.readInt16BE(this.at(2));
  }
  uint16(): number {
    return this.bytes.readUInt16BE(this.at(2));
  }
  int32(): number {
    return this.bytes.readInt32BE(this.at(4));
  }
  int64(): bigint {
    return this.bytes.readBigInt64BE(this.at(8));
  }
  float64(): number {
    return this.bytes.readDoubleBE(this.at(8));
  }
  uvarint(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = this.bytes[this.at(1)]!;
      result |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result >>> 0;
    }
    throw new RangeError('Kafka response has a malformed varint');
  }
  utf8(n: number): string {
    const start = this.at(n);
    return this.bytes.toString('utf8', start, start + n);
  }
  take(n: number): Buffer {
    const start = this.at(n);
    return this.bytes.subarray(start, start + n);
  }
}
