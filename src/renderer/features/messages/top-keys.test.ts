import { describe, expect, it } from 'vitest';
import type { EncodedBytes, MessageView } from '../../../shared/api';
import { topKeys } from './top-keys';

const bytes = (data: string, size = data.length): EncodedBytes => ({ encoding: 'utf8', data, size });
const msg = (key: string | null, valueSize: number): MessageView => ({
  partition: 0,
  offset: '0',
  timestamp: '0',
  timestampType: 'CreateTime',
  key: key === null ? null : bytes(key),
  value: bytes('v', valueSize),
  headers: [],
});

describe('top keys of what was read', () => {
  it('counts messages and bytes per key, null keys included', () => {
    const read = [msg('a', 10), msg('a', 10), msg('a', 10), msg('b', 1000), msg(null, 1), msg('c', 5)];
    const top = topKeys(read, 2);
    expect(top.keys).toBe(4);
    expect(top.byCount.map((t) => [t.key, t.count])).toEqual([
      ['a', 3],
      ['b', 1],
    ]);
    expect(top.byBytes.map((t) => [t.key, t.bytes])).toEqual([
      ['b', 1001],
      ['a', 33],
    ]);
  });
});
