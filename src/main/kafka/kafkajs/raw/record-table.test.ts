import { describe, expect, it } from 'vitest';
import { encodeRecordBatch, type BatchRecord } from './record-batch';
import { decodeRecordTable } from './record-batch-decode';
import { RecordTable } from './record-table';

const binary = Buffer.from([0, 255, 1, 0x80, 0xc3]);
const records: BatchRecord[] = [
  { key: Buffer.from('rider-1'), value: Buffer.from('{"loc":"SOUTH"}'), headers: [{ key: 'source', value: Buffer.from('app') }, { key: 'ü', value: Buffer.from([0xff]) }], timestamp: -1_000 },
  { key: null, value: binary, headers: [], timestamp: 8_640_000_000_000_000 },
  { key: Buffer.alloc(0), value: null, headers: [{ key: 'empty', value: Buffer.alloc(0) }], timestamp: 0 },
];

/** A batch as the log stores it, from offset `base`. */
async function stored(base: number, rs: BatchRecord[], compression: 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd' = 'none'): Promise<Buffer> {
  const batch = await encodeRecordBatch(rs, compression);
  batch.writeBigInt64BE(BigInt(base), 0);
  return batch;
}

const made = (table: RecordTable) =>
  Array.from({ length: table.length }, (_, row) => {
    const r = table.record(row);
    return [r.partition, r.offset, table.offset(row), r.timestamp, r.timestampType, r.key?.toString('hex') ?? null, r.value?.toString('hex') ?? null, r.headers.map((h) => [h.key, h.value?.toString('hex') ?? null])];
  });

describe('record table', () => {
  it.each(['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const)('holds what the encoder wrote, exactly (%s)', async (compression) => {
    const { table, nextOffset } = await decodeRecordTable(await stored(9_007_199_254_740_000, records, compression), 4, 0, []);
    expect(nextOffset).toBe(9_007_199_254_740_003);
    expect(made(table)).toEqual([
      [4, '9007199254740000', 9_007_199_254_740_000, '-1000', 'CreateTime', Buffer.from('rider-1').toString('hex'), Buffer.from('{"loc":"SOUTH"}').toString('hex'), [['source', '617070'], ['ü', 'ff']]],
      [4, '9007199254740001', 9_007_199_254_740_001, '8640000000000000', 'CreateTime', null, binary.toString('hex'), []],
      [4, '9007199254740002', 9_007_199_254_740_002, '0', 'CreateTime', '', null, [['empty', '']]],
    ]);
  });

  it('keeps each batch of a fetch apart: plain rows point into the fetched bytes, compressed ones into their own', async () => {
    const data = Buffer.concat([await stored(0, records, 'zstd'), await stored(3, records), await stored(6, records, 'lz4')]);
    const { table } = await decodeRecordTable(data, 0, 2, []);
    expect(Array.from({ length: table.length }, (_, row) => table.offset(row))).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(made(table).map((r) => [r[1], r[5], r[6]])).toEqual([
      ['2', '', null],
      ['3', Buffer.from('rider-1').toString('hex'), Buffer.from('{"loc":"SOUTH"}').toString('hex')],
      ['4', null, binary.toString('hex')],
      ['5', '', null],
      ['6', Buffer.from('rider-1').toString('hex'), Buffer.from('{"loc":"SOUTH"}').toString('hex')],
      ['7', null, binary.toString('hex')],
      ['8', '', null],
    ]);
    // Views, not copies: a plain batch's value lies in the fetched bytes themselves.
    expect(table.record(1).value!.buffer).toBe(data.buffer);
  });

  it('makes every record once for the readers that want them all', async () => {
    const { table } = await decodeRecordTable(await stored(0, records), 0, 0, []);
    expect(table.records()).toBe(table.records());
    expect(table.records().map((r) => r.offset)).toEqual(['0', '1', '2']);
  });

  it('says whether any row may carry schema framing (a header, or a key or value that starts with byte 0)', async () => {
    const plain = { key: Buffer.from('k'), value: Buffer.from('{"a":1}'), headers: [], timestamp: 1 };
    const decode = async (rs: BatchRecord[]) => (await decodeRecordTable(await stored(0, rs, 'zstd'), 0, 0, [])).table.mayBeFramed;
    expect(await decode([plain, plain])).toBe(false);
    expect(await decode([plain, { ...plain, value: Buffer.from([0, 0, 0, 0, 7, 2]) }])).toBe(true);
    expect(await decode([{ ...plain, key: Buffer.from([0, 0, 0, 0, 7]) }])).toBe(true);
    expect(await decode([plain, { ...plain, headers: [{ key: 'h', value: Buffer.from('v') }] }])).toBe(true);
    // Too short for a schema id: not framing.
    expect(await decode([{ ...plain, value: Buffer.from([0, 1]) }])).toBe(false);
  });

  it('lets go of the batches wholly below a row, and still makes the rows after it', async () => {
    const data = Buffer.concat([await stored(0, records, 'zstd'), await stored(3, records, 'zstd'), await stored(6, records, 'zstd')]);
    const { table } = await decodeRecordTable(data, 0, 0, []);
    table.release(4); // batch 0 (rows 0–2) goes; batch 1 (rows 3–5) stays, row 3 included
    expect(() => table.record(2)).toThrow('was released');
    expect([3, 5, 8].map((row) => table.record(row).offset)).toEqual(['3', '5', '8']);
    table.release(9);
    expect(() => table.record(8)).toThrow('was released');
  });

  it.each(['gzip', 'snappy', 'lz4', 'zstd'] as const)('holds rows compressed and makes them as before, from its own copy of the compressed bytes (%s)', async (compression) => {
    const parts = [await stored(0, records, compression), await stored(3, records), await stored(6, records, compression)];
    const data = Buffer.concat(parts);
    const { table } = await decodeRecordTable(data, 0, 0, [], { deferDecompression: true });
    const before = made(table);
    const plainValue = table.record(4).value!;
    const heldValue = table.record(7).value!;
    table.hold(2);
    // The fetched bytes may be reused or freed: the held compressed batches no longer need them.
    data.fill(0, 0, parts[0]!.length).fill(0, parts[0]!.length + parts[1]!.length);
    expect(made(table).slice(2)).toEqual(before.slice(2));
    // Decompressed again, not kept (small bodies may share Node's buffer pool: compared by where they lie).
    const again = table.record(7).value!;
    expect(again.buffer !== heldValue.buffer || again.byteOffset !== heldValue.byteOffset).toBe(true);
    expect(table.record(4).value!.buffer).toBe(plainValue.buffer); // a plain batch keeps pointing into the fetched bytes
  });

  it('drops a held batch again when the rows it holds are released', async () => {
    const data = Buffer.concat([await stored(0, records, 'zstd'), await stored(3, records, 'zstd')]);
    const { table } = await decodeRecordTable(data, 0, 0, []);
    table.hold(0);
    expect(table.record(1).offset).toBe('1');
    table.release(3);
    expect(() => table.record(2)).toThrow('was released');
    expect(table.record(3).offset).toBe('3');
  });

  it.each(['gzip', 'snappy', 'lz4', 'zstd'] as const)('decompresses when first looked at, when asked to defer, into the same rows (%s)', async (compression) => {
    const data = Buffer.concat([await stored(0, records, compression), await stored(3, records), await stored(6, records, compression)]);
    const eager = await decodeRecordTable(data, 0, 1, []);
    const deferred = await decodeRecordTable(data, 0, 1, [], { deferDecompression: true });
    expect(deferred.nextOffset).toBe(9);
    expect(made(deferred.table)).toEqual(made(eager.table));
    expect(deferred.table.mayBeFramed).toBe(true);
  });

  it('says what a deferred batch that cannot be read met, where the rows are looked at', async () => {
    const batch = await stored(0, records, 'zstd');
    batch.fill(0x55, 61 + 4); // the zstd frame after its magic number
    const { table } = await decodeRecordTable(batch, 0, 0, [], { deferDecompression: true, corrupt: (error) => new Error(`corrupt: ${(error as Error).message}`) });
    expect(() => table.length).toThrow(/^corrupt: /);
    expect(() => table.record(0)).toThrow(/^corrupt: /);
  });

  it('grows past the rows it expected', () => {
    const table = new RecordTable(1, 0);
    const body = Buffer.from([0]);
    const batch = table.addBatch(body, true);
    for (let i = 0; i < 40; i++) table.add(batch, i, 1_764_000_000_000, 0, -1, 0, 0, -1);
    expect(table.length).toBe(40);
    expect(table.record(39)).toEqual({ partition: 1, offset: '39', timestamp: '1764000000000', timestampType: 'LogAppendTime', key: null, value: Buffer.alloc(0), headers: [] });
  });
});
