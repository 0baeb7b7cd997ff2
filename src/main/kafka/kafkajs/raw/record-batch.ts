import { gzipSync } from 'node:zlib';
import type { Compression } from '../../../../shared/api';
import { lz4Compress, snappyCompress, zstdCompress } from '../codecs';
import { crc32c } from './crc32c';

export interface BatchRecord {
  /** A string is written as UTF-8 straight into the batch (keys and values alike). */
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers: { key: string; value: Buffer }[];
  /** Create time, epoch ms. */
  timestamp: number;
}

/**
 * Per record batch, before compression. The broker refuses a batch above the topic's
 * max.message.bytes (1 MB by default) as a whole, and takes one batch per partition per
 * request: a partition's records beyond it go in the next request, in order.
 */
export const MAX_BATCH_BYTES = 512 * 1024;

const CODEC: Record<Compression, number> = { none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4 };
/** Bytes from the start of a batch to its first record: the fixed v2 batch header. */
const HEADER = 61;
/** Where the CRC sits, and where the part it covers starts (attributes). */
const CRC_AT = 17;
const ATTRIBUTES_AT = 21;

/** Zig-zag varint size of a value that fits an int64 as a JS number. */
export function varintSize(n: number): number {
  let z = n >= 0 ? n * 2 : -n * 2 - 1;
  let size = 1;
  while (z >= 128) {
    z = Math.floor(z / 128);
    size++;
  }
  return size;
}

export function writeVarint(buf: Buffer, at: number, n: number): number {
  let z = n >= 0 ? n * 2 : -n * 2 - 1;
  while (z >= 128) {
    buf[at++] = (z % 128) | 0x80;
    z = Math.floor(z / 128);
  }
  buf[at++] = z;
  return at;
}

function writeBytes(buf: Buffer, at: number, bytes: Uint8Array | null): number {
  if (bytes === null) return writeVarint(buf, at, -1);
  at = writeVarint(buf, at, bytes.length);
  // TypedArray.set: much cheaper than Buffer#copy for the small keys and values of most records.
  buf.set(bytes, at);
  return at + bytes.length;
}

/** The sizes needed to write a group of records: each record's body, and all of them framed. */
interface Layout {
  records: BatchRecord[];
  /** Header keys as bytes, only for records that have headers. */
  headerKeys: (Buffer[] | null)[];
  /** UTF-8 length of each key and value (strings are not encoded until written). */
  keySizes: number[];
  valueSizes: number[];
  bodies: number[];
  /** Bytes of the records section, uncompressed. */
  size: number;
}

const NO_HEADERS: Buffer[] = [];

function layout(records: BatchRecord[]): Layout {
  const base = records[0]!.timestamp;
  const headerKeys: (Buffer[] | null)[] = new Array(records.length);
  const bodies: number[] = new Array(records.length);
  const keySizes: number[] = new Array(records.length);
  const valueSizes: number[] = new Array(records.length);
  let size = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    let body = 1 + varintSize(r.timestamp - base) + varintSize(i);
    const keySize = dataSize(r.key);
    keySizes[i] = keySize;
    body += keySize < 0 ? 1 : varintSize(keySize) + keySize;
    const valueSize = dataSize(r.value);
    valueSizes[i] = valueSize;
    body += valueSize < 0 ? 1 : varintSize(valueSize) + valueSize;
    body += varintSize(r.headers.length);
    if (r.headers.length > 0) {
      const hk = r.headers.map((h) => Buffer.from(h.key, 'utf8'));
      r.headers.forEach((h, j) => (body += varintSize(hk[j]!.length) + hk[j]!.length + varintSize(h.value.length) + h.value.length));
      headerKeys[i] = hk;
    } else headerKeys[i] = null;
    bodies[i] = body;
    size += varintSize(body) + body;
  }
  return { records, headerKeys, keySizes, valueSizes, bodies, size };
}

/** Bytes of a key or value (-1 for null); text counts its UTF-8 bytes. */
function dataSize(v: Buffer | string | null): number {
  return v === null ? -1 : typeof v === 'string' ? Buffer.byteLength(v, 'utf8') : v.length;
}

/**
 * Node's own UTF-8 writer behind Buffer#write, without its argument checks (the offset and size
 * here are known good): in the P5 profile Buffer#write's own checks took more time than the
 * copying they guard. protobufjs' BufferWriter calls it the same way.
 */
export interface Utf8Writer extends Buffer {
  utf8Write(text: string, offset: number, length: number): number;
}

/** Writes a key or value of `size` bytes (dataSize) with its length in front. */
function writeData(buf: Buffer, at: number, v: Buffer | string | null, size: number): number {
  if (typeof v !== 'string') return writeBytes(buf, at, v);
  at = writeVarint(buf, at, size);
  return at + (buf as Utf8Writer).utf8Write(v, at, size);
}

function writeRecords(buf: Buffer, at: number, l: Layout): number {
  const base = l.records[0]!.timestamp;
  for (let i = 0; i < l.records.length; i++) {
    const r = l.records[i]!;
    at = writeVarint(buf, at, l.bodies[i]!);
    buf[at++] = 0; // record attributes: unused
    at = writeVarint(buf, at, r.timestamp - base);
    at = writeVarint(buf, at, i);
    at = writeData(buf, at, r.key, l.keySizes[i]!);
    at = writeData(buf, at, r.value, l.valueSizes[i]!);
    at = writeVarint(buf, at, r.headers.length);
    const keys = l.headerKeys[i] ?? NO_HEADERS;
    for (let j = 0; j < r.headers.length; j++) {
      at = writeBytes(buf, at, keys[j]!);
      at = writeBytes(buf, at, r.headers[j]!.value);
    }
  }
  return at;
}

/** Writes the batch header in front of `recordsBytes` bytes of `count` records at `start`, and its CRC. */
function writeHeader(buf: Buffer, start: number, count: number, firstTimestamp: number, maxTimestamp: number, recordsBytes: number, compression: Compression): void {
  buf.writeBigInt64BE(0n, start); // base offset: the broker assigns offsets
  buf.writeInt32BE(HEADER - 12 + recordsBytes, start + 8); // batch length after this field
  buf.writeInt32BE(-1, start + 12); // partition leader epoch: set by the broker
  buf.writeInt8(2, start + 16); // magic
  buf.writeInt16BE(CODEC[compression], start + ATTRIBUTES_AT); // compression; create time; not transactional
  buf.writeInt32BE(count - 1, start + 23); // last offset delta
  buf.writeBigInt64BE(BigInt(firstTimestamp), start + 27);
  buf.writeBigInt64BE(BigInt(maxTimestamp), start + 35);
  buf.writeBigInt64BE(-1n, start + 43); // producer id: not idempotent
  buf.writeInt16BE(-1, start + 51); // producer epoch
  buf.writeInt32BE(-1, start + 53); // base sequence
  buf.writeInt32BE(count, start + 57);
  buf.writeUInt32BE(crc32c(buf, start + ATTRIBUTES_AT, start + HEADER + recordsBytes), start + CRC_AT);
}

/** What frames one batch: its record count, first and latest create times, and the records section's size before compression. */
export interface BatchFrame {
  count: number;
  firstTimestamp: number;
  maxTimestamp: number;
  recordsBytes: number;
}

/**
 * One whole batch: `writeRecords` fills the records section (`frame.recordsBytes` bytes at `at`),
 * uncompressed records straight into the final buffer, compressed ones through a buffer of their own.
 */
export async function framedBatch(frame: BatchFrame, compression: Compression, writeRecords: (buf: Buffer, at: number) => void): Promise<Buffer> {
  if (compression === 'none') {
    const out = Buffer.allocUnsafe(HEADER + frame.recordsBytes);
    writeRecords(out, HEADER);
    writeHeader(out, 0, frame.count, frame.firstTimestamp, frame.maxTimestamp, frame.recordsBytes, compression);
    return out;
  }
  const raw = Buffer.allocUnsafe(frame.recordsBytes);
  writeRecords(raw, 0);
  const body = await compress(raw, compression);
  const out = Buffer.allocUnsafe(HEADER + body.length);
  body.copy(out, HEADER);
  writeHeader(out, 0, frame.count, frame.firstTimestamp, frame.maxTimestamp, body.length, compression);
  return out;
}

/**
 * Kafka's record batch (magic v2): what a producer sends for one partition. Sizes are known
 * before writing, so uncompressed records go straight into the final buffer; kafkajs builds the
 * same bytes through many small encoders and copies (the P5 produce benchmark is bound by this).
 */
export async function encodeRecordBatch(records: BatchRecord[], compression: Compression): Promise<Buffer> {
  return (await encodeRecordBatches(records, compression, Number.POSITIVE_INFINITY))[0]!;
}

/**
 * One partition's records as consecutive batches of at most about `maxBatchBytes` each (before
 * compression): the broker refuses a batch above the topic's max.message.bytes (1 MB by
 * default), and takes one batch per partition per Produce request.
 */
export async function encodeRecordBatches(records: BatchRecord[], compression: Compression, maxBatchBytes: number): Promise<Buffer[]> {
  if (records.length === 0) throw new RangeError('a record batch needs at least one record');
  const groups: Layout[] = [];
  let from = 0;
  let bytes = 0;
  records.forEach((r, i) => {
    // Estimated (a string value counts its characters): only where to cut between batches.
    const size = 24 + (r.key?.length ?? 0) + (r.value?.length ?? 0) + r.headers.reduce((n, h) => n + h.key.length * 3 + h.value.length + 10, 0);
    if (i > from && bytes + size > maxBatchBytes) {
      groups.push(layout(records.slice(from, i)));
      from = i;
      bytes = 0;
    }
    bytes += size;
  });
  groups.push(layout(from === 0 ? records : records.slice(from)));

  return Promise.all(
    groups.map((g) => {
      let maxTimestamp = g.records[0]!.timestamp;
      for (const r of g.records) if (r.timestamp > maxTimestamp) maxTimestamp = r.timestamp;
      const frame = { count: g.records.length, firstTimestamp: g.records[0]!.timestamp, maxTimestamp, recordsBytes: g.size };
      return framedBatch(frame, compression, (buf, at) => writeRecords(buf, at, g));
    }),
  );
}

async function compress(data: Buffer, compression: Compression): Promise<Buffer> {
  switch (compression) {
    case 'gzip':
      return gzipSync(data);
    case 'snappy':
      return snappyCompress(data);
    case 'lz4':
      return lz4Compress(data);
    case 'zstd':
      return zstdCompress(data);
    default:
      return data;
  }
}
