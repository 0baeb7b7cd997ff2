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

  it('takes plain lines as values', () => {
    const parsed = importedRecords('a\nb\n\nc\n', 'lines', 2);
    expect(parsed.total).toBe(3);
    expect([1, 2, 3].map((i) => parsed.record(i).value?.toString())).toEqual(['a', 'b', 'c']);
  });
});
