import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../../shared/api';
import { buildExport, formatPiece } from './export';

const msg = (offset: number, value: string | null, key: string | null = `k${offset}`): MessageView => ({
  partition: 1,
  offset: String(offset),
  timestamp: String(1_700_000_000_000 + offset),
  timestampType: 'CreateTime',
  key: key === null ? null : { encoding: 'utf8', data: key, size: key.length, truncated: false },
  value: value === null ? null : { encoding: 'utf8', data: value, size: value.length, truncated: false },
  headers: offset === 0 ? [{ key: 'trace', value: { encoding: 'base64', data: '/wA=', size: 2, truncated: false } }] : [],
});
const messages = [msg(0, '{"a":1}'), msg(1, 'say "hi", then\nleave'), msg(2, null, null), msg(3, '=1+2')];

describe('export', () => {
  it('writes JSON that parses back to every message, whatever the chunking', async () => {
    for (const chunk of [1, 2, 100]) {
      const blob = await buildExport(messages, 'json', () => undefined, undefined, chunk);
      const parsed = JSON.parse(await blob.text());
      expect(parsed).toHaveLength(4);
      expect(parsed[0]).toEqual({ partition: 1, offset: '0', timestamp: '1700000000000', timestampType: 'CreateTime', key: 'k0', keyEncoding: 'utf8', value: '{"a":1}', valueEncoding: 'utf8', headers: [{ key: 'trace', value: '/wA=', encoding: 'base64' }] });
      expect(parsed[2]).toMatchObject({ key: null, value: null, keyEncoding: null });
    }
    expect(JSON.parse(await (await buildExport([], 'json', () => undefined)).text())).toEqual([]);
  });
  it('writes NDJSON, one message a line, and reports progress per chunk', async () => {
    const seen: number[] = [];
    const text = await (await buildExport(messages, 'ndjson', (n) => seen.push(n), undefined, 3)).text();
    expect(text.trimEnd().split('\n').map((l) => JSON.parse(l).offset)).toEqual(['0', '1', '2', '3']);
    expect(seen).toEqual([3, 4]);
  });
  it('writes CSV with quoting and no formulas', () => {
    const csv = formatPiece(messages, 0, 4, 'csv', 4);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('partition,offset,timestamp,timestampType,key,keyEncoding,value,valueEncoding,headers');
    expect(lines[1]).toBe('1,0,1700000000000,CreateTime,k0,utf8,"{""a"":1}",utf8,"[{""key"":""trace"",""value"":""/wA="",""encoding"":""base64""}]"');
    expect(lines[2]).toBe('1,1,1700000000001,CreateTime,k1,utf8,"say ""hi"", then\nleave",utf8,{}');
    expect(csv).toContain(",'=1+2,utf8,");
  });

  it('writes headers as an object when they are unique text, else as a list that keeps repeats and encodings', () => {
    const text = (data: string) => ({ encoding: 'utf8' as const, data, size: data.length });
    const withHeaders = (headers: MessageView['headers']) => JSON.parse(formatPiece([{ ...msg(5, 'v'), headers }], 0, 1, 'ndjson', 1)).headers;
    expect(withHeaders([{ key: 'a', value: text('1') }, { key: 'b', value: null }])).toEqual({ a: '1', b: null });
    expect(withHeaders([{ key: 'a', value: text('1') }, { key: 'a', value: text('2') }])).toEqual([
      { key: 'a', value: '1' },
      { key: 'a', value: '2' },
    ]);
  });
});
