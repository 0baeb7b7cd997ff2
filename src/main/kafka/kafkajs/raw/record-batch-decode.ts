import type { RawRecord } from '../../ports/messages';
import { zstdLoaded } from '../codecs';
import { decompressBatch, decompressBatchLoaded, ZSTD } from './decompress-batch';
import { RecordTable } from './record-table';

/** Offsets of the fixed v2 batch header fields (see record-batch.ts, which writes them). */
const BATCH_LENGTH_AT = 8;
const MAGIC_AT = 16;
const ATTRIBUTES_AT = 21;
const LAST_OFFSET_DELTA_AT = 23;
const BASE_TIMESTAMP_AT = 27;
const MAX_TIMESTAMP_AT = 35;
const PRODUCER_ID_AT = 43;
const RECORD_COUNT_AT = 57;
const HEADER = 61;

const TIMESTAMP_TYPE_BIT = 0x08;
const TRANSACTIONAL_BIT = 0x10;
const CONTROL_BIT = 0x20;

export interface AbortedTransaction {
  producerId: string;
  firstOffset: string;
}

export interface DecodedRecords {
  records: RawRecord[];
  /** The offset after the last whole batch (past control batches and records compaction removed). */
  nextOffset: number;
}

/** As DecodedRecords, the records still rows of a table (made objects only when asked). */
export interface DecodedTable {
  table: RecordTable;
  nextOffset: number;
}

/** decodeRecordTable(), every record made an object: for tests and readers that want them all. */
export async function decodeRecordBatches(data: Buffer, partition: number, from: number, aborted: AbortedTransaction[]): Promise<DecodedRecords> {
  const { table, nextOffset } = await decodeRecordTable(data, partition, from, aborted);
  return { records: table.records(), nextOffset };
}

/**
 * Decodes the record batches (magic v2) of one partition's fetch answer into a record table, read
 * committed: control batches and the batches of aborted transactions are left out, as are
 * records before `from` (a batch may start before the offset asked for). A batch cut at the
 * end of the answer is left for the next fetch. Keys, values and header values stay positions in
 * `data` (or in the decompressed records): nothing is copied, and no object is made per record.
 */
export async function decodeRecordTable(data: Buffer, partition: number, from: number, aborted: AbortedTransaction[], options: DecodeOptions = {}): Promise<DecodedTable> {
  const pending = [...aborted].map((a) => ({ producerId: a.producerId, firstOffset: Number(a.firstOffset) })).sort((a, b) => a.firstOffset - b.firstOffset);
  const abortedProducers = new Set<string>();
  const table = new RecordTable(partition, recordsIn(data));
  /** The batches to read when the table is first looked at (deferred decompression). */
  const kept: Kept[] = [];
  let nextOffset = from;
  let at = 0;
  while (at + HEADER <= data.length) {
    const batchLength = data.readInt32BE(at + BATCH_LENGTH_AT);
    // Shorter than its own header: corrupt (and a loop that never moves on if believed).
    if (batchLength < HEADER - 12) throw new Error(`the batch at offset ${readInt64(data, at)} is corrupt (length ${batchLength})`);
    const end = at + 12 + batchLength;
    if (end > data.length) break; // cut by the fetch size: read again from here
    const magic = data.readInt8(at + MAGIC_AT);
    if (magic !== 2) throw new Error(`offset ${readInt64(data, at)} is in the message format v${magic}, from before Kafka 0.11, which this app does not read`);
    const baseOffset = readInt64(data, at);
    const lastOffset = baseOffset + data.readInt32BE(at + LAST_OFFSET_DELTA_AT);
    const attributes = data.readInt16BE(at + ATTRIBUTES_AT);
    const producerId = data.readBigInt64BE(at + PRODUCER_ID_AT).toString();
    while (pending.length > 0 && pending[0]!.firstOffset <= lastOffset) abortedProducers.add(pending.shift()!.producerId);

    if (attributes & CONTROL_BIT) {
      // A transaction's end marker: later batches of this producer are not aborted any more.
      abortedProducers.delete(producerId);
    } else if (!((attributes & TRANSACTIONAL_BIT) && abortedProducers.has(producerId)) && lastOffset >= from) {
      const codec = attributes & 0x07;
      if (codec > 4) throw new Error(`unknown compression codec ${codec}`);
      const logAppendTime = (attributes & TIMESTAMP_TYPE_BIT) !== 0;
      const batch: Kept = {
        codec,
        start: at + HEADER,
        end,
        count: data.readInt32BE(at + RECORD_COUNT_AT),
        baseOffset,
        baseTimestamp: readInt64(data, at + BASE_TIMESTAMP_AT),
        appendTime: logAppendTime ? readInt64(data, at + MAX_TIMESTAMP_AT) : null,
      };
      if (options.deferDecompression) kept.push(batch);
      else readBatch(table, data, batch, codec === 0 ? data : await decompressBatchLoaded(codec, data.subarray(batch.start, end)), from);
    }
    nextOffset = Math.max(nextOffset, lastOffset + 1);
    at = end;
  }
  if (kept.length > 0) {
    if (kept.some((b) => b.codec === ZSTD)) await zstdLoaded();
    table.fillLater(() => {
      try {
        for (const b of kept) readBatch(table, data, b, b.codec === 0 ? data : decompressBatch(b.codec, data.subarray(b.start, b.end)), from);
      } catch (error) {
        throw options.corrupt ? options.corrupt(error) : error;
      }
    });
  }
  return { table, nextOffset };
}

export interface DecodeOptions {
  /** See ReadOptions.deferDecompression. */
  deferDecompression?: boolean;
  /** What a deferred decoding throws when a batch cannot be read (the error it met). */
  corrupt?: (error: unknown) => Error;
}

/** A batch to read: where its records are in the fetched bytes, and what its header says. */
interface Kept {
  codec: number;
  start: number;
  end: number;
  count: number;
  baseOffset: number;
  baseTimestamp: number;
  appendTime: number | null;
}

/** Adds a batch's records to the table. Uncompressed: the rows point into `data` itself (no view per batch); else into `body`, the decompressed records. */
function readBatch(table: RecordTable, data: Buffer, b: Kept, body: Buffer, from: number): void {
  const plain = b.codec === 0;
  readRecords(body, plain ? b.start : 0, plain ? b.end : body.length, b.count, {
    from,
    baseOffset: b.baseOffset,
    baseTimestamp: b.baseTimestamp,
    appendTime: b.appendTime,
    // A compressed batch's own bytes too: held rows may keep those instead (see RecordTable.hold).
    batch: table.addBatch(body, b.appendTime !== null, plain ? null : { codec: b.codec, bytes: data.subarray(b.start, b.end) }),
    into: table,
  });
}

/** The records the whole batches of `data` say they hold: the table's first size. */
function recordsIn(data: Buffer): number {
  let count = 0;
  for (let at = 0; at + HEADER <= data.length; ) {
    const end = at + 12 + data.readInt32BE(at + BATCH_LENGTH_AT);
    if (end > data.length || end < at + HEADER) break;
    count += Math.max(0, data.readInt32BE(at + RECORD_COUNT_AT));
    at = end;
  }
  return count;
}

interface BatchContext {
  from: number;
  baseOffset: number;
  baseTimestamp: number;
  /** LogAppendTime: the broker's time for every record of the batch; null for CreateTime. */
  appendTime: number | null;
  /** The batch's index in the table. */
  batch: number;
  into: RecordTable;
}

/**
 * One pass over a batch's records, from `at` to `size` in `body`. This runs for every record read
 * (a million per P1 read), so it keeps its position in a local, reads varints inline and writes
 * numbers into the table's columns: no cursor object, no closure, no string or Buffer per record.
 */
function readRecords(body: Buffer, at: number, size: number, count: number, batch: BatchContext): void {
  const into = batch.into;
  for (let i = 0; i < count && at < size; i++) {
    // Record: length, attributes, timestampDelta, offsetDelta, key, value, headers (varints zig-zag).
    let v = readVarint(body, at);
    const length = unzigzag(v);
    at = varintEnd;
    const next = at + length;
    at++; // record attributes: unused
    v = readVarint(body, at);
    const timestampDelta = unzigzag(v);
    at = varintEnd;
    v = readVarint(body, at);
    const offset = batch.baseOffset + unzigzag(v);
    if (offset < batch.from) {
      at = next;
      continue;
    }
    at = varintEnd;
    const keyLength = unzigzag(readVarint(body, at));
    at = varintEnd;
    const keyAt = at;
    if (keyLength > 0) at += keyLength;
    const valueLength = unzigzag(readVarint(body, at));
    at = varintEnd;
    const valueAt = at;
    if (valueLength > 0) at += valueLength;
    // Headers are read when the record is made; here only whether there are any.
    const headersAt = body[at] === 0 ? -1 : at;
    into.add(batch.batch, offset, batch.appendTime ?? batch.baseTimestamp + timestampDelta, keyAt, keyLength < 0 ? -1 : keyLength, valueAt, valueLength < 0 ? -1 : valueLength, headersAt);
    at = next;
  }
}

/** Where the last readVarint() stopped (module state: the decoder is synchronous, and no object per varint). */
let varintEnd = 0;

/** The raw (zig-zag encoded) varint at `at`; sets varintEnd. Numbers stay exact up to 2^53, as offsets and times do. */
function readVarint(buf: Buffer, at: number): number {
  let byte = buf[at++]!;
  if (byte < 0x80) {
    varintEnd = at;
    return byte;
  }
  let result = byte & 0x7f;
  let factor = 128;
  do {
    byte = buf[at++]!;
    result += (byte & 0x7f) * factor;
    factor *= 128;
  } while (byte & 0x80);
  varintEnd = at;
  return result;
}

function unzigzag(raw: number): number {
  return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
}

function readInt64(buf: Buffer, at: number): number {
  return buf.readInt32BE(at) * 4_294_967_296 + buf.readUInt32BE(at + 4);
}
