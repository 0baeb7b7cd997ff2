import { describe, expect, it } from 'vitest';
import { murmur2, partitionForKey, partitionForText } from './murmur2';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('murmur2 (Kafka default partitioner)', () => {
  // The vectors of Kafka's own UtilsTest.testMurmur2.
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('murmur2(%s) = %i', (input, expected) => {
    expect(murmur2(bytes(input))).toBe(expected);
  });

  it('hashes a range of a buffer as it hashes those bytes alone', () => {
    const around = bytes('xx-a-little-bit-longer-string-yy');
    for (const [start, end] of [[3, 29], [3, 3], [2, 5], [0, around.length]] as const) {
      expect(murmur2(around, start, end)).toBe(murmur2(around.slice(start, end)));
    }
    expect(murmur2(around, 3, 29)).toBe(-1486304829);
  });

  it('maps to a partition with the positive hash', () => {
    expect(partitionForKey(bytes('21'), 6)).toBe((-973932308 & 0x7fffffff) % 6);
    expect(partitionForKey(new Uint8Array(), 3)).toBe((murmur2(new Uint8Array()) & 0x7fffffff) % 3);
  });

  it('picks the same partition for a text key as for its UTF-8 bytes, ASCII or not', () => {
    for (const key of ['', '2', '21', 'abc', 'foobar', 'rider-17', 'a-little-bit-longer-string', 'zürich', 'キー', '\u007f\u0080']) {
      for (const count of [1, 6, 7, 100]) expect(partitionForText(key, count)).toBe(partitionForKey(bytes(key), count));
    }
  });
});
