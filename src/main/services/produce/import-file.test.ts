import { describe, expect, it } from 'vitest';
import { importedRecords } from './import-file';
import { partitionForKey } from '../../../shared/produce/murmur2';

describe('imported files', () => {
  it('reads NDJSON rows with keys, JSON values, headers and partitions', () => {
    const file = ['{"key":"k1","value":{"a":1},"headers":{"h":"v"}}', '', '{"key":null,"value":"plain","partition":2}', '{"key":"k3","value":null}'].join('\n');
    const parsed = importedRecords(file, 'ndjson', 3);
    expect(parsed.total).toBe(3);
    const first = parsed.record(1);
    expect(first.key?.toString()).toBe('k1');
    expect(first.value?.toString()).toBe('{"a":1}');
    expect(first.headers.map((h) => [h.key, h.value.toString()])).toEqual([['h', 'v']]);
    expect(first.partition).toBe(partitionForKey(Buffer.from('k1'), 3));
    expect(parsed.record(2)).toMatchObject({ key: null, partition: 2 });
    expect(parsed.record(2).value?.toString()).toBe('plain');
    expect(parsed.record(3).value).toBeNull();
  });

  it('names the line that is wrong', () => {
    const parsed = importedRecords('{"value":1}\n{oops\n{"value":1,"partition":9}', 'ndjson', 3);
    expect(() => parsed.record(2)).toThrow('line 2: not valid JSON');
    expect(() => parsed.record(3)).toThrow('line 3: partition 9 does not exist (0–2)');
  });

  it('skips blank lines (spaces, tabs, CRLF, non-breaking spaces) and numbers the rest as in the file', () => {
    const parsed = importedRecords('a\r\n  \r\n\t\n\u00a0\u2003\n\u00e9t\u00e9\r\n \tb\n\r\n', 'lines', 2);
    expect(parsed.total).toBe(3);
    expect([1, 2, 3].map((i) => parsed.record(i).value)).toEqual(['a', 'été', ' \tb']);
    const bad = importedRecords('\n\r\n  {"value":1,"partition":9}', 'ndjson', 2);
    expect(() => bad.record(1)).toThrow('line 3: partition 9 does not exist (0–1)');
  });

  it('keeps every line of a big file, in order, with its number in the file', () => {
    // Thousands of lines with a blank one after every third: more than the line index starts with.
    const lines = Array.from({ length: 5000 }, (_, i) => (i % 4 === 3 ? '' : `v${i}`));
    const parsed = importedRecords(lines.join('\r\n'), 'lines', 1);
    expect(parsed.total).toBe(3750);
    expect([1, 2, 3, 4, 3750].map((seq) => parsed.record(seq).value)).toEqual(['v0', 'v1', 'v2', 'v4', 'v4998']);
    const bad = importedRecords([...lines.slice(0, 4999), '{"value":1,"partition":9}'].join('\n'), 'ndjson', 1, undefined, {}, 101);
    expect(bad.total).toBe(3751);
    expect(() => bad.record(3751)).toThrow('line 5100: partition 9 does not exist');
  });

  it('sends the usual line ({"key": text, "value": text}) as that text, on the key’s partition', () => {
    const parsed = importedRecords('{"key":"zürich-1","value":"{\\"n\\":12345678901234567890}"}\n{"value":"v"}', 'ndjson', 7);
    const first = parsed.record(1);
    expect(Buffer.from(first.key!).toString()).toBe('zürich-1');
    expect(first.value).toBe('{"n":12345678901234567890}');
    expect(first.partition).toBe(partitionForKey(Buffer.from('zürich-1'), 7));
    expect(parsed.record(2)).toMatchObject({ key: null, value: 'v', headers: [] });
  });

  it('takes plain lines as values', () => {
    const parsed = importedRecords('a\nb\n\nc\n', 'lines', 2);
    expect(parsed.total).toBe(3);
    expect([1, 2, 3].map((i) => parsed.record(i).value?.toString())).toEqual(['a', 'b', 'c']);
  });
});

describe('imported files written by the Messages export', () => {
  const binaryKey = Buffer.from([0x00, 0xff, 0xfe]);
  const binaryValue = Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x80]);
  const line = JSON.stringify({
    partition: 1,
    offset: '7',
    timestamp: '1764000000123',
    timestampType: 'CreateTime',
    key: binaryKey.toString('base64'),
    keyEncoding: 'base64',
    value: binaryValue.toString('base64'),
    valueEncoding: 'base64',
    headers: [
      { key: 'bin', value: Buffer.from([0xc3, 0x28]).toString('base64'), encoding: 'base64' },
      { key: 'text', value: 'AAEC' },
    ],
  });

  it('decodes base64 keys, values and header values to the bytes they stand for', () => {
    const r = importedRecords(line, 'ndjson', 3).record(1);
    expect(r.key).toEqual(binaryKey);
    expect(Buffer.from(r.value as Buffer)).toEqual(binaryValue);
    expect(r.headers).toEqual([
      { key: 'bin', value: Buffer.from([0xc3, 0x28]) },
      { key: 'text', value: Buffer.from('AAEC') }, // no encoding: the text itself
    ]);
    // Partitioned by the decoded key's bytes, not by its base64 text.
    expect(importedRecords(line, 'ndjson', 3, { partition: false, timestamp: false }).record(1).partition).toBe(partitionForKey(binaryKey, 3));
  });

  it('keeps partition and timestamp only when asked', () => {
    const before = Date.now();
    const plain = importedRecords(line, 'ndjson', 3, { partition: false, timestamp: false }).record(1);
    expect(plain.timestamp).toBeGreaterThanOrEqual(before);
    const kept = importedRecords(line, 'ndjson', 3, { partition: true, timestamp: true }).record(1);
    expect(kept).toMatchObject({ partition: 1, timestamp: 1764000000123 });
  });

  it('refuses what is not base64 or an unknown encoding, naming the line', () => {
    const bad = importedRecords(['{"key":"a b","keyEncoding":"base64"}', '{"value":"x","valueEncoding":"hex"}', '{"value":"x","timestamp":"soon"}'].join('\n'), 'ndjson', 1, { partition: true, timestamp: true });
    expect(() => bad.record(1)).toThrow('line 1: key: not valid base64');
    expect(() => bad.record(2)).toThrow('line 2: value: unknown encoding "hex"');
    expect(() => bad.record(3)).toThrow('line 3: timestamp "soon" is not epoch milliseconds');
  });
});
