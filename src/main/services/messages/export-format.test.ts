import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../../kafka/ports/messages';
import { importedRecords } from '../produce/import-file';
import { exportHead, exportRow, exportTail } from './export-format';
import { writeExport } from './export-messages';
import type { ExportFormat } from '../../../shared/api';
import type { PartitionChunk } from '../../kafka/ports/messages';
import { toOffsetRuns } from '../../../shared/messages/offset-runs';

const record = (offset: number, over: Partial<RawRecord> = {}): RawRecord => ({
  partition: 0,
  offset: String(offset),
  timestamp: String(1_764_000_000_000 + offset),
  timestampType: 'CreateTime',
  key: Buffer.from(`k${offset}`),
  value: Buffer.from(`{"i":${offset}}`),
  headers: [],
  ...over,
});

const file = (records: RawRecord[], format: ExportFormat) => exportHead(format) + records.map((r, i) => exportRow(r, format, i === 0)).join('') + exportTail(format, records.length === 0);

describe('export format', () => {
  it('writes binary as base64 and text as text, whole however big', () => {
    const big = Buffer.alloc(5 * 1024 * 1024, 0xab);
    const line = JSON.parse(exportRow(record(1, { key: Buffer.from([0x00, 0xff, 0xfe]), value: big, headers: [{ key: 'h', value: Buffer.from([0xff]) }] }), 'ndjson', true));
    expect(line).toMatchObject({ key: 'AP/+', keyEncoding: 'base64', valueEncoding: 'base64', headers: [{ key: 'h', value: '/w==', encoding: 'base64' }] });
    expect(Buffer.from(line.value, 'base64').equals(big)).toBe(true);
    expect(line).not.toHaveProperty('truncated');
    expect(JSON.parse(exportRow(record(2, { key: Buffer.from('00 ff fe'), value: null }), 'ndjson', true))).toMatchObject({ key: '00 ff fe', keyEncoding: 'utf8', value: null, valueEncoding: null });
  });

  it('round-trips through the NDJSON import byte for byte: keys, values, headers, partition and time', () => {
    const records = [
      record(0, { key: Buffer.from([0x00, 0xff, 0xfe]), value: Buffer.from([0xc3, 0x28, 0x00]), headers: [{ key: 'trace', value: Buffer.from([0xfe, 0xed]) }, { key: 'trace', value: Buffer.from('text') }] }),
      record(1, { key: null, value: Buffer.from('ünïcödé "quoted"\n\u0000') }),
      record(2, { key: Buffer.from([0, 0, 0, 0, 42, 1, 2]), value: null, partition: 2 }),
    ];
    const imported = importedRecords(file(records, 'ndjson'), 'ndjson', 3, { partition: true, timestamp: true });
    expect(imported.total).toBe(3);
    records.forEach((r, i) => {
      const back = imported.record(i + 1);
      const bytes = (v: Buffer | string | null) => (v === null ? null : Buffer.from(v as Buffer));
      expect(bytes(back.key)).toEqual(r.key);
      expect(typeof back.value === 'string' ? Buffer.from(back.value, 'utf8') : bytes(back.value)).toEqual(r.value);
      expect(back.headers).toEqual(r.headers);
      expect(back.partition).toBe(r.partition);
      expect(back.timestamp).toBe(Number(r.timestamp));
    });
  });

  it('writes JSON arrays and CSV that parse, without formulas', () => {
    const records = [record(0), record(1, { value: Buffer.from('=1+2') })];
    expect(JSON.parse(file(records, 'json')).map((m: { offset: string }) => m.offset)).toEqual(['0', '1']);
    expect(JSON.parse(file([], 'json'))).toEqual([]);
    const csv = file(records, 'csv').split('\r\n');
    expect(csv[0]).toBe('partition,offset,timestamp,timestampType,key,keyEncoding,value,valueEncoding,headers');
    expect(csv[1]).toBe('0,0,1764000000000,CreateTime,k0,utf8,"{""i"":0}",utf8,{}');
    expect(csv[2]).toContain(",'=1+2,utf8,");
  });
});

describe('writeExport', () => {
  /** A fake partition of offsets 10..29 where 15 was compacted away; fetches return 4 records. */
  const log = Array.from({ length: 20 }, (_, i) => record(10 + i)).filter((r) => r.offset !== '15');
  const fetched: string[] = [];
  const client = {
    fetchWatermarksOfEveryPartition: async () => [{ topic: 't', partition: 0, low: '10', high: '30' }],
    fetchMetadata: async () => [{ name: 't', internal: false, partitions: [{ partition: 0, leader: 1, replicas: [1], isr: [1], offlineReplicas: [], error: null }] }],
    readChunk: async (_t: string, _p: number, offset: string): Promise<PartitionChunk> => {
      fetched.push(offset);
      const records = log.filter((r) => Number(r.offset) >= Number(offset)).slice(0, 4);
      return { records, nextOffset: String(records.length ? Number(records.at(-1)!.offset) + 1 : Number(offset)), highWatermark: '30' };
    },
    readChunks: async () => [],
  };

  it('writes exactly the selected offsets, jumps over gaps, and counts what the log lost', async () => {
    const wanted = [5, 11, 12, 13, 15, 16, 27].map((o) => ({ partition: 0, offset: String(o) }));
    let text = '';
    const result = await writeExport(client, { topic: 't', format: 'ndjson', selection: toOffsetRuns(wanted), signal: new AbortController().signal }, { write: async (t) => void (text += t) });
    expect(text.trimEnd().split('\n').map((l) => JSON.parse(l).offset)).toEqual(['11', '12', '13', '16', '27']);
    expect(result).toEqual({ messages: 5, missing: 2 });
    // 5 is below the log start; each fetch starts at the next selected offset: never through 20–26.
    expect(fetched).toEqual(['11', '15', '27']);
  });
});
