import { describe, expect, it } from 'vitest';
import { encodeRecordBatch, type BatchRecord } from './record-batch';
import { decodeRecordBatches } from './record-batch-decode';

const records: BatchRecord[] = [
  { key: Buffer.from('rider-1'), value: Buffer.from('{"loc":"SOUTH"}'), headers: [{ key: 'source', value: Buffer.from('app') }, { key: 'ü', value: Buffer.alloc(0) }], timestamp: 1_764_000_000_000 },
  { key: null, value: null, headers: [], timestamp: 1_764_000_000_250 },
  { key: Buffer.from([0, 255, 1]), value: Buffer.alloc(300, 7), headers: [], timestamp: 1_763_999_999_000 },
];

/** A batch as the log stores it: offsets from `base`, and the attributes the broker or a producer set. */
async function stored(base: number, rs: BatchRecord[], options: { compression?: 'none' | 'zstd'; attributes?: number; producerId?: bigint } = {}): Promise<Buffer> {
  const batch = await encodeRecordBatch(rs, options.compression ?? 'none');
  batch.writeBigInt64BE(BigInt(base), 0);
  if (options.attributes !== undefined) batch.writeInt16BE(batch.readInt16BE(21) | options.attributes, 21);
  if (options.producerId !== undefined) batch.writeBigInt64BE(options.producerId, 43);
  return batch;
}

const shown = (rs: Awaited<ReturnType<typeof decodeRecordBatches>>['records']) =>
  rs.map((r) => [r.offset, r.timestamp, r.timestampType, r.key?.toString('hex') ?? null, r.value?.toString('latin1') ?? null, r.headers.map((h) => `${h.key}=${h.value?.toString()}`)]);

describe('record batch v2 decoding', () => {
  it.each(['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const)('reads back what the encoder wrote (%s)', async (compression) => {
    const batch = await encodeRecordBatch(records, compression);
    batch.writeBigInt64BE(40n, 0);
    const { records: read, nextOffset } = await decodeRecordBatches(batch, 2, 40, []);
    expect(nextOffset).toBe(43);
    expect(read.every((r) => r.partition === 2)).toBe(true);
    expect(shown(read)).toEqual([
      ['40', '1764000000000', 'CreateTime', '72696465722d31', '{"loc":"SOUTH"}', ['source=app', 'ü=']],
      ['41', '1764000000250', 'CreateTime', null, null, []],
      ['42', '1763999999000', 'CreateTime', '00ff01', '\u0007'.repeat(300), []],
    ]);
  });

  it('skips records before the offset asked for, and leaves a batch cut short for the next read', async () => {
    const whole = Buffer.concat([await stored(0, records, { compression: 'zstd' }), await stored(3, records)]);
    const cut = whole.subarray(0, whole.length - 5);
    const { records: read, nextOffset } = await decodeRecordBatches(cut, 0, 1, []);
    expect(read.map((r) => r.offset)).toEqual(['1', '2']);
    expect(nextOffset).toBe(3);
  });

  it('gives every record the broker time of a LogAppendTime batch', async () => {
    const batch = await stored(0, records, { attributes: 0x08 });
    const { records: read } = await decodeRecordBatches(batch, 0, 0, []);
    expect(read.map((r) => [r.timestampType, r.timestamp])).toEqual(Array(3).fill(['LogAppendTime', '1764000000250']));
  });

  it('leaves out aborted transactions and control batches, keeps committed ones', async () => {
    const txn = 0x10;
    const control = 0x30;
    const marker = [{ key: Buffer.from([0, 0, 0, 0]), value: Buffer.alloc(6), headers: [], timestamp: 1_764_000_000_000 }];
    const log = Buffer.concat([
      await stored(0, records.slice(0, 2), { attributes: txn, producerId: 7n }), // aborted: 0–1
      await stored(2, records.slice(0, 1), { attributes: txn, producerId: 8n }), // committed: 2
      await stored(3, marker, { attributes: control, producerId: 7n }), // abort marker
      await stored(4, marker, { attributes: control, producerId: 8n }), // commit marker
      await stored(5, records.slice(0, 1), { attributes: txn, producerId: 7n }), // a later, committed one: 5
    ]);
    const { records: read, nextOffset } = await decodeRecordBatches(log, 0, 0, [{ producerId: '7', firstOffset: '0' }]);
    expect(read.map((r) => r.offset)).toEqual(['2', '5']);
    expect(nextOffset).toBe(6);
  });

  it('refuses a batch shorter than its own header instead of looping on it', async () => {
    const batch = await stored(0, records);
    batch.writeInt32BE(-12, 8);
    await expect(decodeRecordBatches(batch, 0, 0, [])).rejects.toThrow('is corrupt (length -12)');
  });

  it('names the old message format instead of misreading it', async () => {
    const batch = await stored(0, records);
    batch.writeInt8(1, 16);
    await expect(decodeRecordBatches(batch, 0, 0, [])).rejects.toThrow('message format v1');
  });
});
