import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { registerCompressionCodecs } from '../codecs';
import { encodeRecordBatch, encodeRecordBatches, type BatchRecord } from './record-batch';

// kafkajs' own record batch decoder and CRC, an independent implementation to check against.
const require = createRequire(import.meta.url);
const Decoder = require('kafkajs/src/protocol/decoder');
const decodeBatch = require('kafkajs/src/protocol/recordBatch/v0/decoder') as (d: unknown) => Promise<{
  firstOffset: string;
  firstTimestamp: string;
  maxTimestamp: string;
  records: { key: Buffer | null; value: Buffer | null; headers: Record<string, Buffer | Buffer[]>; timestamp: string; offset: string }[];
  compressed?: boolean;
}>;
const kafkajsCrc = require('kafkajs/src/protocol/recordBatch/crc32C') as (b: Buffer) => number;

const records: BatchRecord[] = [
  { key: Buffer.from('rider-1'), value: Buffer.from('{"loc":"SOUTH"}'), headers: [{ key: 'source', value: Buffer.from('app') }, { key: 'source', value: Buffer.from('twice') }], timestamp: 1_764_000_000_000 },
  { key: null, value: null, headers: [], timestamp: 1_764_000_000_250 },
  { key: Buffer.from([0, 255, 1]), value: Buffer.alloc(300, 7), headers: [{ key: 'ü', value: Buffer.alloc(0) }], timestamp: 1_763_999_999_000 },
];

describe('record batch v2 encoding', () => {
  registerCompressionCodecs();

  it.each(['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const)('kafkajs decodes what we write (%s), with a valid CRC', async (compression) => {
    const batch = await encodeRecordBatch(records, compression);
    expect(batch.readUInt32BE(17)).toBe(kafkajsCrc(batch.subarray(21)));
    expect(batch.readInt32BE(8)).toBe(batch.length - 12);
    const decoded = await decodeBatch(new Decoder(batch));
    expect(decoded.firstTimestamp).toBe('1764000000000');
    expect(decoded.maxTimestamp).toBe('1764000000250');
    expect(decoded.records.map((r) => [r.offset, r.timestamp, r.key?.toString('hex') ?? null, r.value?.length ?? null])).toEqual([
      ['0', '1764000000000', Buffer.from('rider-1').toString('hex'), 15],
      ['1', '1764000000250', null, null],
      ['2', '1763999999000', '00ff01', 300],
    ]);
    expect(decoded.records[0]!.headers.source).toEqual([Buffer.from('app'), Buffer.from('twice')]);
    expect(decoded.records[2]!.headers['ü']).toEqual(Buffer.alloc(0));
  });

  it('refuses an empty batch', async () => {
    await expect(encodeRecordBatch([], 'none')).rejects.toThrow(/at least one record/);
  });
});

describe('several record batches for one partition', () => {
  it('splits at the size limit, and each batch decodes with its own CRC and offsets from 0', async () => {
    const many: BatchRecord[] = Array.from({ length: 10 }, (_, i) => ({ key: null, value: Buffer.alloc(100, i), headers: [], timestamp: 1_764_000_000_000 + i }));
    for (const compression of ['none', 'lz4'] as const) {
      const batches = await encodeRecordBatches(many, compression, 350);
      const seen: number[] = [];
      for (const batch of batches) {
        expect(batch.readUInt32BE(17)).toBe(kafkajsCrc(batch.subarray(21)));
        seen.push(...(await decodeBatch(new Decoder(batch))).records.map((r) => r.value![0]!));
      }
      expect(batches, compression).toHaveLength(5); // records counted as ~124 bytes each: two fit under 350
      expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
  });
});

describe('string keys and values', () => {
  it('are written as their UTF-8 bytes, the same bytes as Buffers give', async () => {
    const text = [{ key: 'rider-7', value: '{"seq":1}', headers: [], timestamp: 5 }, { key: 'zürich ✓', value: '', headers: [], timestamp: 6 }];
    const bytes = text.map((r) => ({ ...r, key: Buffer.from(r.key), value: Buffer.from(r.value) }));
    const batch = await encodeRecordBatch(text, 'none');
    expect(batch).toEqual(await encodeRecordBatch(bytes, 'none'));
    const decoded = await decodeBatch(new Decoder(batch));
    expect(decoded.records.map((r) => [r.key!.toString('utf8'), r.value!.toString('utf8')])).toEqual([
      ['rider-7', '{"seq":1}'],
      ['zürich ✓', ''],
    ]);
  });

  it('are written as their UTF-8 bytes', async () => {
    const batch = await encodeRecordBatch([{ key: null, value: 'snø ✓ {"a":1}', headers: [], timestamp: 1 }], 'none');
    const decoded = await decodeBatch(new Decoder(batch));
    expect(decoded.records[0]!.value!.toString('utf8')).toBe('snø ✓ {"a":1}');
    expect(batch.readUInt32BE(17)).toBe(kafkajsCrc(batch.subarray(21)));
  });
});
