import { describe, expect, it } from 'vitest';
import { MessageFilter, type MessageFilterInput } from '../../../shared/api';
import type { RawRecord } from '../../kafka/ports/messages';
import { compileFilter } from './record-filter';

const record = (offset: number, key: string | Buffer | null, value: string | null, headers: Record<string, string> = {}, timestamp = 1000 + offset): RawRecord => ({
  partition: 0,
  offset: String(offset),
  timestamp: String(timestamp),
  timestampType: 'CreateTime',
  key: typeof key === 'string' ? Buffer.from(key) : key,
  value: value === null ? null : Buffer.from(value),
  headers: Object.entries(headers).map(([k, v]) => ({ key: k, value: Buffer.from(v) })),
});

const records = [
  record(0, 'rider-1', '{"loc":"SOUTH","amount":120}'),
  record(1, 'rider-2', '{"loc":"NORTH","amount":80}', { trace: 'Needle-7' }),
  record(2, Buffer.from([0xff, 0x00]), 'plain text with a needle'),
  record(3, 'rider-3', null),
  record(4, 'rider-4', '{"loc":"SOUTH","amount":99.5,"nested":{"ok":true}}'),
];
const offsets = (filter: MessageFilterInput) => {
  const test = compileFilter(MessageFilter.parse(filter));
  return records.filter((r) => (test ? test(r) : true)).map((r) => Number(r.offset));
};

describe('filters applied while reading', () => {
  it('is null when nothing is asked', () => {
    expect(compileFilter(MessageFilter.parse({}))).toBeNull();
  });
  it('finds text in keys, values and header values, case-insensitive by default', () => {
    expect(offsets({ text: 'needle' })).toEqual([1, 2]);
    expect(offsets({ text: 'Needle', caseSensitive: true })).toEqual([1]);
    expect(offsets({ text: 'rider-3' })).toEqual([3]);
    expect(offsets({ text: 'a.b' })).toEqual([]);
  });
  it('finds regular expressions', () => {
    expect(offsets({ text: 'rider-[24]', regex: true })).toEqual([1, 4]);
    expect(offsets({ text: '"amount":\\d{3}', regex: true })).toEqual([0]);
  });
  it('applies JSON expressions, time ranges and text together', () => {
    expect(offsets({ expression: 'value.loc == "SOUTH"' })).toEqual([0, 4]);
    expect(offsets({ expression: 'value.amount > 100 || value.nested.ok == true' })).toEqual([0, 4]);
    expect(offsets({ expression: 'value == null' })).toEqual([3]);
    expect(offsets({ expression: 'key == "rider-2"' })).toEqual([1]);
    expect(offsets({ fromTime: 1001, toTime: 1003 })).toEqual([1, 2, 3]);
    expect(offsets({ expression: 'value.loc == "SOUTH"', text: 'nested', fromTime: 1002 })).toEqual([4]);
  });
  it('folds a long run of "!" instead of overflowing the stack', () => {
    const notPartitionZero = compileFilter(MessageFilter.parse({ expression: `${'!'.repeat(9_001)}(partition == 0)` }))!;
    expect(notPartitionZero({ ...record(0, null, null), partition: 0 })).toBe(false);
    expect(notPartitionZero({ ...record(0, null, null), partition: 1 })).toBe(true);
  });

  it('refuses a bad regex or expression with a clear message', () => {
    expect(() => compileFilter(MessageFilter.parse({ text: '(', regex: true }))).toThrow(/The regular expression does not parse: missing closing \): `\(`/);
    expect(() => compileFilter(MessageFilter.parse({ expression: 'value.loc = "SOUTH"' }))).toThrow('The filter expression does not parse: Use == to compare (at column 11)');
  });
});
