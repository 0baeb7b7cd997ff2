import type { RawRecord, RecordRows } from '../../ports/messages';
import { decompressBatch } from './decompress-batch';

/** Int32 columns per row, side by side: batch index, key start, key length, value start, value length, headers start. */
const STRIDE = 6;
/** A corrupt record count must not allocate gigabytes up front. */
const MAX_FIRST_CAPACITY = 1 << 20;
/** Shared by every record without headers (most of them), never written to. */
const NO_HEADERS: RawRecord['headers'] = [];

/** A compressed batch's records as fetched: what its decompressed body is made from again. */
export interface Packed {
  codec: number;
  bytes: Buffer;
}

/**
 * One partition's decoded records as columns: offsets and times as numbers, keys, values and
 * headers as positions in their batch's body (the fetched bytes, or the decompressed records).
 * Decoding a million records fills typed arrays and allocates nothing per record; record(row)
 * makes the object (strings, Buffer views, headers) only for the rows a read filters or shows.
 */
export class RecordTable implements RecordRows {
  private count = 0;
  private framing = false;
  /** Fills the table when it is first looked at (deferred decompression), then null. */
  private pending: (() => void) | null = null;
  private failed: Error | null = null;
  private offsets: Float64Array;
  private times: Float64Array;
  private ints: Int32Array;
  /** Null: released, or (a packed batch) held compressed until a row of it is made a record. */
  private readonly bodies: (Buffer | null)[] = [];
  /** Each compressed batch's own bytes (null for plain batches: their body is the fetched bytes). */
  private readonly packed: (Packed | null)[] = [];
  /** The first row of each batch (rows of batch b: firstRows[b] up to firstRows[b + 1] or length). */
  private readonly firstRows: number[] = [];
  /** Batches before this one were released (see release). */
  private released = 0;
  private readonly appendTime: boolean[] = [];
  private made: RawRecord[] | null = null;

  /** @param capacity the rows expected (the record counts of the batches' headers); it grows past them if need be. */
  constructor(
    readonly partition: number,
    capacity: number,
  ) {
    capacity = Math.max(16, Math.min(capacity, MAX_FIRST_CAPACITY));
    this.offsets = new Float64Array(capacity);
    this.times = new Float64Array(capacity);
    this.ints = new Int32Array(capacity * STRIDE);
  }

  /** Rows are added by `fill` when the table is first looked at, not now (see ReadOptions.deferDecompression). */
  fillLater(fill: () => void): void {
    this.pending = fill;
  }

  private ready(): void {
    if (this.failed) throw this.failed;
    if (this.pending) {
      const fill = this.pending;
      this.pending = null;
      try {
        fill();
      } catch (error) {
        // Every later look fails the same way, rather than seeing the rows added before the failure.
        this.failed = error as Error;
        throw error;
      }
    }
  }

  get length(): number {
    this.ready();
    return this.count;
  }

  get mayBeFramed(): boolean {
    this.ready();
    return this.framing;
  }

  /** Adds a batch's body (positions of its rows point into it) and, compressed, what it came from; returns the batch's index. */
  addBatch(body: Buffer, logAppendTime: boolean, packed: Packed | null = null): number {
    this.bodies.push(body);
    this.packed.push(packed);
    this.firstRows.push(this.count);
    this.appendTime.push(logAppendTime);
    return this.bodies.length - 1;
  }

  /** A length of -1: null key or value. headersAt: where the header count is, or -1 for none. */
  add(batch: number, offset: number, timestamp: number, keyAt: number, keyLength: number, valueAt: number, valueLength: number, headersAt: number): void {
    const row = this.count++;
    if (row === this.offsets.length) this.grow();
    this.offsets[row] = offset;
    this.times[row] = timestamp;
    const at = row * STRIDE;
    const ints = this.ints;
    ints[at] = batch;
    ints[at + 1] = keyAt;
    ints[at + 2] = keyLength;
    ints[at + 3] = valueAt;
    ints[at + 4] = valueLength;
    ints[at + 5] = headersAt;
    if (!this.framing) {
      const body = this.bodies[batch]!;
      if (headersAt >= 0 || framed(body, keyAt, keyLength) || framed(body, valueAt, valueLength)) this.framing = true;
    }
  }

  /** Twice the room: only when a header's record count was below the records found (or a corrupt count was capped). */
  private grow(): void {
    const offsets = new Float64Array(this.offsets.length * 2);
    offsets.set(this.offsets);
    const times = new Float64Array(offsets.length);
    times.set(this.times);
    const ints = new Int32Array(offsets.length * STRIDE);
    ints.set(this.ints);
    this.offsets = offsets;
    this.times = times;
    this.ints = ints;
  }

  offset(row: number): number {
    this.ready();
    return this.offsets[row]!;
  }

  record(row: number): RawRecord {
    this.ready();
    const at = row * STRIDE;
    const ints = this.ints;
    const batch = ints[at]!;
    const body = this.bodies[batch] ?? this.unpack(batch);
    if (!body) throw new Error(`row ${row} of partition ${this.partition} was asked for after its batch was released`);
    const keyAt = ints[at + 1]!;
    const keyLength = ints[at + 2]!;
    const valueAt = ints[at + 3]!;
    const valueLength = ints[at + 4]!;
    const headersAt = ints[at + 5]!;
    return {
      partition: this.partition,
      offset: String(this.offsets[row]),
      timestamp: String(this.times[row]),
      timestampType: this.appendTime[batch] ? 'LogAppendTime' : 'CreateTime',
      key: keyLength < 0 ? null : body.subarray(keyAt, keyAt + keyLength),
      value: valueLength < 0 ? null : body.subarray(valueAt, valueAt + valueLength),
      headers: headersAt < 0 ? NO_HEADERS : readHeaders(body, headersAt),
    };
  }

  /**
   * Lets go of the bodies of the batches whose rows all lie below `row`: the caller will not ask
   * for those rows again. A long read holds a few newest rows of a chunk (see BatchPusher); without
   * this they would keep every decompressed batch of the chunk alive.
   */
  release(row: number): void {
    const batches = this.bodies.length;
    while (this.released < batches && this.endOf(this.released) <= row) {
      this.packed[this.released] = null;
      this.bodies[this.released++] = null;
    }
  }

  /**
   * Rows from `row` on wait, maybe long, to be made records, and most never are (a long read holds
   * its newest rows, and newer ones push them out): their compressed batches keep only their
   * compressed bytes meanwhile, copied out of the fetch answer so that it goes. A tenth of the
   * memory for JSON; a batch is decompressed again when a row of it is made a record.
   */
  hold(row: number): void {
    this.ready();
    for (let b = this.released; b < this.bodies.length; b++) {
      const packed = this.packed[b];
      if (!packed || this.endOf(b) <= row || !this.bodies[b]) continue;
      this.packed[b] = { codec: packed.codec, bytes: Buffer.from(packed.bytes) };
      this.bodies[b] = null;
    }
  }

  /** The row after the last of batch `b`. */
  private endOf(b: number): number {
    return b + 1 < this.bodies.length ? this.firstRows[b + 1]! : this.count;
  }

  /** A held batch's body again (kept until released); null once released. */
  private unpack(b: number): Buffer | null {
    const packed = b < this.released ? null : this.packed[b];
    return packed ? (this.bodies[b] = decompressBatch(packed.codec, packed.bytes)) : null;
  }

  /** Every row made a record, once (for the readers that want objects: tail, export, copy, browse). */
  records(): RawRecord[] {
    if (!this.made) {
      const made: RawRecord[] = new Array<RawRecord>(this.length);
      for (let row = 0; row < this.count; row++) made[row] = this.record(row);
      this.made = made;
    }
    return this.made;
  }
}

/** Starts as Confluent framing does: magic byte 0 and room for a schema id (hasSchemaFraming, cheaply). */
function framed(body: Buffer, at: number, length: number): boolean {
  return length >= 5 && body[at] === 0;
}

function readHeaders(body: Buffer, at: number): RawRecord['headers'] {
  const cursor = { at };
  const count = varint(body, cursor);
  const headers: RawRecord['headers'] = [];
  for (let h = 0; h < count; h++) {
    const key = bytes(body, cursor);
    headers.push({ key: key === null ? '' : key.toString('utf8'), value: bytes(body, cursor) });
  }
  return headers;
}

/** Zig-zag varint (also varlong: JS numbers hold offsets and times exactly up to 2^53). */
function varint(buf: Buffer, cursor: { at: number }): number {
  let result = 0;
  let factor = 1;
  let byte: number;
  do {
    byte = buf[cursor.at++]!;
    result += (byte & 0x7f) * factor;
    factor *= 128;
  } while (byte & 0x80);
  return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
}

function bytes(buf: Buffer, cursor: { at: number }): Buffer | null {
  const length = varint(buf, cursor);
  if (length < 0) return null;
  const start = cursor.at;
  cursor.at += length;
  return buf.subarray(start, cursor.at);
}
