import { describe, expect, it } from 'vitest';
import { registerCompressionCodecs } from '../codecs';
import { encodeRecordBatches, type BatchRecord } from './record-batch';
import { encodeSlotBatches, type RecordSlots } from './slot-batch';

/** Records without headers: null, short (byte-copied) and long (set) keys and values, times out of order. */
const records: BatchRecord[] = Array.from({ length: 40 }, (_, i) => ({
  key: i % 7 === 0 ? null : Buffer.from(`key-${i}`),
  value: i % 11 === 0 ? null : Buffer.from(`{"i":${i},"text":"${'ü'.repeat(i * 3)}"}`),
  headers: [],
  timestamp: 1_764_000_000_000 + ((i * 37) % 13) * 1000,
}));

/** The records laid out in an arena back to front (so slot order is not record order), and the slot of each record. */
function slotsOf(list: BatchRecord[]): { slots: RecordSlots; order: Int32Array } {
  const n = list.length;
  const slots: RecordSlots = { arena: Buffer.alloc(64 * 1024), keyStart: new Int32Array(n), keyLength: new Int32Array(n), valueStart: new Int32Array(n), valueLength: new Int32Array(n), timestamp: new Float64Array(n) };
  const order = new Int32Array(n);
  let at = 0;
  const put = (bytes: Buffer | string | null): [number, number] => {
    if (bytes === null) return [0, -1];
    const b = Buffer.from(bytes);
    slots.arena.set(b, at);
    at += b.length;
    return [at - b.length, b.length];
  };
  list.forEach((r, i) => {
    const slot = n - 1 - i;
    order[i] = slot;
    [slots.keyStart[slot], slots.keyLength[slot]] = put(r.key);
    [slots.valueStart[slot], slots.valueLength[slot]] = put(r.value);
    slots.timestamp[slot] = r.timestamp;
  });
  return { slots, order };
}

describe('record batches from slots', () => {
  registerCompressionCodecs();

  it.each(['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const)('are byte for byte the batches encodeRecordBatches writes for the same records (%s), cut at the same places', async (compression) => {
    const { slots, order } = slotsOf(records);
    for (const maxBatchBytes of [Number.POSITIVE_INFINITY, 600]) {
      const expected = await encodeRecordBatches(records, compression, maxBatchBytes);
      const got = await encodeSlotBatches(slots, order, compression, maxBatchBytes);
      if (maxBatchBytes === 600) expect(expected.length).toBeGreaterThan(3);
      expect(got.map((b) => b.toString('hex'))).toEqual(expected.map((b) => b.toString('hex')));
    }
  });

  it('refuse an empty batch', () => {
    const { slots } = slotsOf(records);
    expect(() => encodeSlotBatches(slots, new Int32Array(0), 'none', 1000)).toThrow(RangeError);
  });
});
