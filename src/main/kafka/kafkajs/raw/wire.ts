/**
 * The classic (non-flexible) Kafka wire format, for the few requests kafkajs lacks or whose
 * answers it trims (e.g. it drops the broker's error_message). Big-endian; strings are an INT16
 * length then UTF-8, nullable strings use length -1; arrays are an INT32 count then items.
 */
export class WireWriter {
  private readonly parts: Buffer[] = [];

  int8(n: number): this {
    const b = Buffer.alloc(1);
    b.writeInt8(n);
    return this.push(b);
  }

  int16(n: number): this {
    const b = Buffer.alloc(2);
    b.writeInt16BE(n);
    return this.push(b);
  }

  int32(n: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(n);
    return this.push(b);
  }

  int64(n: bigint | string): this {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(BigInt(n));
    return this.push(b);
  }

  bool(v: boolean): this {
    return this.int8(v ? 1 : 0);
  }

  string(s: string): this {
    const bytes = Buffer.from(s, 'utf8');
    return this.int16(bytes.length).push(bytes);
  }

  nullableString(s: string | null): this {
    return s === null ? this.int16(-1) : this.string(s);
  }

  /** BYTES: an INT32 length, then the bytes as they are (not copied until build()). */
  bytes(b: Buffer): this {
    return this.int32(b.length).push(b);
  }

  array<T>(items: readonly T[], write: (item: T, w: this) => void): this {
    this.int32(items.length);
    for (const item of items) write(item, this);
    return this;
  }

  build(): Buffer {
    return Buffer.concat(this.parts);
  }

  /** The pieces written so far, not joined: for a socket, which takes them as they are. */
  pieces(): readonly Buffer[] {
    return this.parts;
  }

  protected push(b: Buffer): this {
    this.parts.push(b);
    return this;
  }
}

export class WireReader {
  private at = 0;

  constructor(private readonly buf: Buffer) {}

  int8(): number {
    return this.buf.readInt8(this.move(1));
  }

  int16(): number {
    return this.buf.readInt16BE(this.move(2));
  }

  int32(): number {
    return this.buf.readInt32BE(this.move(4));
  }

  int64(): string {
    return this.buf.readBigInt64BE(this.move(8)).toString();
  }

  /**
   * An int64 that is a size or count (bytes on disk, a lag), as a number without a BigInt or a
   * string per value: exact up to 2^53, which no size reaches. Not for offsets or ids.
   */
  int64Size(): number {
    const at = this.move(8);
    return this.buf.readInt32BE(at) * 0x1_0000_0000 + this.buf.readUInt32BE(at + 4);
  }

  bool(): boolean {
    return this.int8() !== 0;
  }

  nullableString(): string | null {
    const len = this.int16();
    if (len < 0) return null;
    const start = this.move(len);
    return this.buf.toString('utf8', start, start + len);
  }

  string(): string {
    return this.nullableString() ?? '';
  }

  array<T>(read: (r: this) => T): T[] {
    return this.nullableArray(read) ?? [];
  }

  /** An array whose count -1 means null. */
  nullableArray<T>(read: (r: this) => T): T[] | null {
    const n = this.int32();
    if (n < 0) return null;
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(read(this));
    return out;
  }

  /** BYTES with length -1 for null; a view on the answer, not a copy. */
  nullableBytes(): Buffer | null {
    const len = this.int32();
    if (len < 0) return null;
    const start = this.move(len);
    return this.buf.subarray(start, start + len);
  }

  protected move(n: number): number {
    if (this.at + n > this.buf.length) throw new RangeError(`Kafka response ended early (wanted ${n} bytes at ${this.at} of ${this.buf.length})`);
    const start = this.at;
    this.at += n;
    return start;
  }
}
