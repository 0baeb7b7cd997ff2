import { describe, expect, it } from 'vitest';
import { decodeQuorum } from './describe-quorum';

const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const int64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigInt64BE(BigInt(n));
  return b;
};
const topic = Buffer.concat([Buffer.from([19]), Buffer.from('__cluster_metadata')]);

describe('DescribeQuorum response', () => {
  it('reads v1: leader, epoch, voters with lag behind the leader, observers, fetch times', () => {
    const raw = Buffer.concat([
      Buffer.from([0]), // header tags
      Buffer.from([0, 0]), // error
      Buffer.from([2]), topic,
      Buffer.from([2]), // one partition
      int32(0), Buffer.from([0, 0]), int32(2), int32(7), int64(150),
      Buffer.from([3]), // two voters
      int32(1), int64(140), int64(1_700_000_000_000), int64(1_700_000_000_000), Buffer.from([0]),
      int32(2), int64(150), int64(-1), int64(1_700_000_000_500), Buffer.from([0]),
      Buffer.from([2]), // one observer
      int32(4), int64(-1), int64(-1), int64(-1), Buffer.from([0]),
      Buffer.from([1, 0, 8]), int64(1) /* HighWatermarkUpdateTimeMs tagged field */,
      Buffer.from([0]), // topic tags
      Buffer.from([0]), // response tags
    ]);
    expect(decodeQuorum(raw, 1)).toEqual({
      errorCode: 0,
      partitionErrorCode: 0,
      leaderId: 2,
      leaderEpoch: 7,
      highWatermark: 150,
      voters: [
        { nodeId: 1, logEndOffset: 140, lag: 10, lastFetchTimestamp: 1_700_000_000_000, lastCaughtUpTimestamp: 1_700_000_000_000 },
        { nodeId: 2, logEndOffset: 150, lag: 0, lastFetchTimestamp: null, lastCaughtUpTimestamp: 1_700_000_000_500 },
      ],
      observers: [{ nodeId: 4, logEndOffset: -1, lag: null, lastFetchTimestamp: null, lastCaughtUpTimestamp: null }],
    });
  });

  it('reads v0 (no fetch times)', () => {
    const raw = Buffer.concat([
      Buffer.from([0]), Buffer.from([0, 0]), Buffer.from([2]), topic, Buffer.from([2]),
      int32(0), Buffer.from([0, 0]), int32(1), int32(3), int64(10),
      Buffer.from([2]), int32(1), int64(10), Buffer.from([0]),
      Buffer.from([1]), Buffer.from([0]), Buffer.from([0]), Buffer.from([0]),
    ]);
    expect(decodeQuorum(raw, 0)).toMatchObject({ leaderId: 1, leaderEpoch: 3, voters: [{ nodeId: 1, logEndOffset: 10, lag: 0, lastFetchTimestamp: null }], observers: [] });
  });
});
