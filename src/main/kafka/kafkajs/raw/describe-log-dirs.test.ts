import { describe, expect, it } from 'vitest';
import { decodeLogDirs } from './describe-log-dirs';

const str16 = (s: string) => Buffer.concat([Buffer.from([0, s.length]), Buffer.from(s)]);
const compact = (s: string) => Buffer.concat([Buffer.from([s.length + 1]), Buffer.from(s)]);
const int64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(n));
  return b;
};

describe('DescribeLogDirs response', () => {
  it('reads v1 (classic): dirs, replicas, sizes and future replicas', () => {
    const raw = Buffer.concat([
      Buffer.from([0, 0, 0, 0]), // throttle
      Buffer.from([0, 0, 0, 1]), // one dir
      Buffer.from([0, 0]), // no error
      str16('/var/kafka'),
      Buffer.from([0, 0, 0, 1]), // one topic
      str16('orders'),
      Buffer.from([0, 0, 0, 2]), // two partitions
      Buffer.from([0, 0, 0, 0]), int64(1234), int64(0), Buffer.from([0]),
      Buffer.from([0, 0, 0, 1]), int64(5_000_000_000), int64(7), Buffer.from([1]),
    ]);
    expect(decodeLogDirs(raw, 1)).toEqual({
      errorCode: 0,
      logDirs: [
        {
          path: '/var/kafka',
          error: null,
          totalBytes: null,
          usableBytes: null,
          replicas: [
            { topic: 'orders', partition: 0, sizeBytes: 1234, offsetLag: 0, isFuture: false },
            { topic: 'orders', partition: 1, sizeBytes: 5_000_000_000, offsetLag: 7, isFuture: true },
          ],
        },
      ],
    });
  });

  it('reads v4 (flexible): header tags, top-level error, capacity, an offline dir and unknown capacity', () => {
    const raw = Buffer.concat([
      Buffer.from([0]), // response header tagged fields
      Buffer.from([0, 0, 0, 0]), // throttle
      Buffer.from([0, 0]), // top-level error
      Buffer.from([3]), // two dirs
      // dir 1: one topic, one partition, capacity known
      Buffer.from([0, 0]), compact('/d1'),
      Buffer.from([2]), compact('t'), Buffer.from([2]), Buffer.from([0, 0, 0, 3]), int64(99), int64(0), Buffer.from([0]), Buffer.from([0]) /* partition tags */, Buffer.from([0]) /* topic tags */,
      int64(1000), int64(400), Buffer.from([0]) /* dir tags */,
      // dir 2: KAFKA_STORAGE_ERROR (56), no topics, capacity unknown (-1)
      Buffer.from([0, 56]), compact('/d2'), Buffer.from([1]), int64(-1), int64(-1), Buffer.from([1, 0, 1, 0xff]) /* an unknown tagged field */,
      Buffer.from([0]), // response tags
    ]);
    expect(decodeLogDirs(raw, 4)).toEqual({
      errorCode: 0,
      logDirs: [
        { path: '/d1', error: null, totalBytes: 1000, usableBytes: 400, replicas: [{ topic: 't', partition: 3, sizeBytes: 99, offsetLag: 0, isFuture: false }] },
        { path: '/d2', error: 'KAFKA_STORAGE_ERROR', totalBytes: null, usableBytes: null, replicas: [] },
      ],
    });
  });

  it('reads the v3 top-level error (e.g. CLUSTER_AUTHORIZATION_FAILED) with no dirs', () => {
    const raw = Buffer.concat([Buffer.from([0]), Buffer.from([0, 0, 0, 0]), Buffer.from([0, 31]), Buffer.from([1]), Buffer.from([0])]);
    expect(decodeLogDirs(raw, 3)).toEqual({ errorCode: 31, logDirs: [] });
  });
});
