import { describe, expect, it } from 'vitest';
import { keyPartition, narrowToKey } from '../../services/messages/key-partition';
import { defaultPartitionFor, kafkaMurmur2 as murmur2 } from './default-partition';

describe('the default partitioner of a key', () => {
  it('computes murmur2 exactly as the Java client (values from Kafka UtilsTest.testMurmur2)', () => {
    const java: [string, number][] = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [key, hash] of java) expect(murmur2(Buffer.from(key)), key).toBe(hash);
  });

  it('picks toPositive(murmur2) % partitions', () => {
    // toPositive(-973932308) = 1173551340, toPositive(-790332482) = 1357151166.
    expect(defaultPartitionFor(Buffer.from('21'), 6)).toBe(1173551340 % 6);
    expect(defaultPartitionFor(Buffer.from('foobar'), 7)).toBe(1357151166 % 7);
    expect(defaultPartitionFor(Buffer.from('abc'), 10)).toBe(479470107 % 10);
  });

  it('narrows the chosen partitions to the key one', () => {
    expect(narrowToKey([1, 3], 3)).toEqual([3]);
    expect(narrowToKey([1, 2], 3)).toEqual([]);
    expect(narrowToKey([1, 2], null)).toEqual([1, 2]);
  });

  it('reads a key filter as its one partition, unless it asks to scan them all', () => {
    expect(keyPartition({ key: '21', keyScan: 'partition' }, 6)).toBe(1173551340 % 6);
    expect(keyPartition({ key: '21', keyScan: 'all' }, 6)).toBeNull();
    expect(keyPartition({ key: null, keyScan: 'partition' }, 6)).toBeNull();
    expect(keyPartition(undefined, 6)).toBeNull();
  });
});
