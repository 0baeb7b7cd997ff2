import { WireReader, WireWriter } from './wire';

/**
 * Kafka's flexible ("compact") wire format (KIP-482), used by newer request versions that
 * kafkajs never implemented: lengths are unsigned varints holding length + 1 (0 = null),
 * and every struct ends with a tagged-fields section (we send none and skip any we get).
 */
export class CompactWriter extends WireWriter {
  uvarint(n: number): this {
    const bytes: number[] = [];
    let v = n >>> 0;
    while (v >= 0x80) {
      bytes.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    bytes.push(v);
    return this.push(Buffer.from(bytes));
  }

  compactString(s: string): this {
    const bytes = Buffer.from(s, 'utf8');
    return this.uvarint(bytes.length + 1).push(bytes);
  }

  compactNullableString(s: string | null): this {
    return s === null ? this.uvarint(0) : this.compactString(s);
  }

  compactArray<T>(items: readonly T[], write: (item: T, w: this) => void): this {
    this.uvarint(items.length + 1);
    for (const item of items) write(item, this);
    return this;
  }

  compactNullableArray<T>(items: readonly T[] | null, write: (item: T, w: this) => void): this {
    return items === null ? this.uvarint(0) : this.compactArray(items, write);
  }

  /** An empty tagged-fields section. */
  tags(): this {
    return this.uvarint(0);
  }
}

export class CompactReader extends WireReader {
  constructor(private readonly bytes: Buffer) {
    super(bytes);
  }

  uvarint(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = this.bytes.readUInt8(this.move(1));
      result |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result >>> 0;
    }
    throw new RangeError('Kafka response has a malformed varint');
  }

  compactNullableString(): string | null {
    const len = this.uvarint() - 1;
    if (len < 0) return null;
    const start = this.move(len);
    return this.bytes.toString('utf8', start, start + len);
  }

  compactString(): string {
    return this.compactNullableString() ?? '';
  }

  /** A null array reads as empty. */
  compactArray<T>(read: (r: this) => T): T[] {
    const n = this.uvarint() - 1;
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(read(this));
    return out;
  }

  /** Reads a tagged-fields section: each field's bytes, by tag, for the few responses whose tags carry data (ApiVersions' features). */
  taggedFields(): Map<number, CompactReader> {
    const fields = new Map<number, CompactReader>();
    const count = this.uvarint();
    for (let i = 0; i < count; i++) {
      const tag = this.uvarint();
      const size = this.uvarint();
      const start = this.move(size);
      fields.set(tag, new CompactReader(this.bytes.subarray(start, start + size)));
    }
    return fields;
  }

  /** Skips a tagged-fields section: fields we do not know are allowed to be ignored. */
  skipTags(): void {
    const count = this.uvarint();
    for (let i = 0; i < count; i++) {
      this.uvarint(); // tag
      this.move(this.uvarint());
    }
  }
}
