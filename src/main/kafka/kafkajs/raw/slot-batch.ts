import type { Compression } from '../../../../shared/api';
import { framedBatch, varintSize, writeVarint } from './record-batch';

/**
 * Records without headers whose keys and values are ranges of one byte arena: what a templated
 * burst renders its messages into (burst-bytes.ts), so no string, Buffer or object is made per
 * record. Record i's key is arena[keyStart[i], keyStart[i] + keyLength[i]), or null when
 * keyLength[i] is -1; likewise its value.
 */
export interface RecordSlots {
  arena: Uint8Array;
  keyStart: Int32Array;
  keyLength: Int32Array;
  valueStart: Int32Array;
  valueLength: Int32Array;
  /** Create time, epoch ms. */
  timestamp: Float64Array;
}

/**
 * The records `order` names (slot indexes, in the order they go in) as consecutive record
 * batches of at most about `maxBatchBytes` each before compression: the bytes encodeRecordBatches
 * writes for the same records as Buffers, cut at the same places (that writer counts a string
 * key or value by its characters, this one by its bytes).
 */
export function encodeSlotBatches(slots: RecordSlots, order: Int32Array, compression: Compression, maxBatchBytes: number): Promise<Buffer[]> {
  if (order.length === 0) throw new RangeError('a record batch needs at least one record');
  const batches: Promise<Buffer>[] = [];
  let from = 0;
  let bytes = 0;
  for (let i = 0; i < order.length; i++) {
    const s = order[i]!;
    const size = 24 + Math.max(0, slots.keyLength[s]!) + Math.max(0, slots.valueLength[s]!);
    if (i > from && bytes + size > maxBatchBytes) {
      batches.push(batchOf(slots, order.subarray(from, i), compression));
      from = i;
      bytes = 0;
    }
    bytes += size;
  }
  batches.push(batchOf(slots, order.subarray(from), compression));
  return Promise.all(batches);
}

function batchOf(slots: RecordSlots, order: Int32Array, compression: Compression): Promise<Buffer> {
  const base = slots.timestamp[order[0]!]!;
  const bodies = new Int32Array(order.length);
  let maxTimestamp = base;
  let recordsBytes = 0;
  for (let i = 0; i < order.length; i++) {
    const s = order[i]!;
    const timestamp = slots.timestamp[s]!;
    if (timestamp > maxTimestamp) maxTimestamp = timestamp;
    // attributes, timestamp delta, offset delta, key, value, and a header count of 0.
    const body = 1 + varintSize(timestamp - base) + varintSize(i) + dataSize(slots.keyLength[s]!) + dataSize(slots.valueLength[s]!) + 1;
    bodies[i] = body;
    recordsBytes += varintSize(body) + body;
  }
  const frame = { count: order.length, firstTimestamp: base, maxTimestamp, recordsBytes };
  return framedBatch(frame, compression, (buf, at) => {
    for (let i = 0; i < order.length; i++) {
      const s = order[i]!;
      at = writeVarint(buf, at, bodies[i]!);
      buf[at++] = 0; // record attributes: unused
      at = writeVarint(buf, at, slots.timestamp[s]! - base);
      at = writeVarint(buf, at, i);
      at = writeSlot(buf, at, slots.arena, slots.keyStart[s]!, slots.keyLength[s]!);
      at = writeSlot(buf, at, slots.arena, slots.valueStart[s]!, slots.valueLength[s]!);
      buf[at++] = 0; // no headers
    }
  });
}

/** A key's or value's bytes with their length in front (-1 and nothing for null). */
function dataSize(length: number): number {
  return length < 0 ? 1 : varintSize(length) + length;
}

function writeSlot(buf: Buffer, at: number, arena: Uint8Array, start: number, length: number): number {
  at = writeVarint(buf, at, length);
  if (length <= 0) return at;
  // A short key is cheaper to copy byte by byte than through a view of the arena.
  if (length < 32) for (let j = 0; j < length; j++) buf[at + j] = arena[start + j]!;
  else buf.set(arena.subarray(start, start + length), at);
  return at + length;
}
