import { describe, expect, it } from 'vitest';
import type { CoordinatorTransaction, PartitionTransactions } from '../../kafka/ports/transactions';
import { joinTransactions } from './join-transactions';

const now = 10_000_000;
const partition = (producers: [id: bigint, epoch: number, lastTimestamp: number][]): PartitionTransactions => ({
  partition: 0,
  leader: 1,
  highWatermark: 120n,
  lastStableOffset: 100n,
  error: null,
  openProducers: producers.map(([producerId, producerEpoch, lastTimestamp]) => ({ producerId, producerEpoch, coordinatorEpoch: 3, txnStartOffset: 100n, lastTimestamp: BigInt(lastTimestamp) })),
});
const coordinator = (producerId: bigint, producerEpoch: number, state: string, startTimeMs: number, timeoutMs = 60_000): CoordinatorTransaction => ({
  transactionalId: `tx-${producerId}`,
  producerId,
  producerEpoch,
  state,
  timeoutMs,
  startTimeMs: BigInt(startTimeMs),
  coordinator: 1,
  partitions: [],
});

describe('joinTransactions', () => {
  it('counts what the last stable offset holds back', () => {
    expect(joinTransactions([partition([])], [], { now, brokerMaxTimeoutMs: null })[0]).toMatchObject({ highWatermark: '120', lastStableOffset: '100', held: '20', open: [] });
  });

  it('judges a transaction its coordinator runs by its own start and timeout', () => {
    const [row] = joinTransactions([partition([[7n, 2, now - 1_000]])], [coordinator(7n, 2, 'Ongoing', now - 30_000)], { now, brokerMaxTimeoutMs: 900_000 });
    expect(row!.open[0]).toMatchObject({ producerId: '7', transactionalId: 'tx-7', state: 'Ongoing', startedAt: now - 30_000, ageMs: 30_000, limitMs: 60_000, hanging: false });
    const [late] = joinTransactions([partition([[7n, 2, now - 1_000]])], [coordinator(7n, 2, 'Ongoing', now - 61_000)], { now, brokerMaxTimeoutMs: 900_000 });
    expect(late!.open[0]).toMatchObject({ ageMs: 61_000, hanging: true });
  });

  it('judges one no coordinator runs (unknown, other epoch, or complete) by the broker maximum, from its last record', () => {
    const coordinators = [coordinator(8n, 5, 'Ongoing', now - 10), coordinator(9n, 1, 'CompleteAbort', now - 10)];
    const [row] = joinTransactions([partition([[7n, 0, now - 1_000_000], [8n, 4, now - 500], [9n, 1, now - 500]])], coordinators, { now, brokerMaxTimeoutMs: 900_000 });
    expect(row!.open.map((o) => [o.producerId, o.transactionalId, o.startedAt, o.ageMs, o.limitMs, o.hanging])).toEqual([
      ['7', null, null, 1_000_000, 900_000, true],
      ['8', 'tx-8', null, 500, 900_000, false],
      ['9', 'tx-9', null, 500, 900_000, false],
    ]);
  });

  it('uses the given threshold for every transaction, and Kafka’s default when the broker maximum is unknown', () => {
    const [row] = joinTransactions([partition([[7n, 0, now - 2_000]])], [coordinator(7n, 0, 'Ongoing', now - 2_000)], { now, brokerMaxTimeoutMs: null, hangingAfterMs: 1_000 });
    expect(row!.open[0]).toMatchObject({ limitMs: 1_000, hanging: true });
    const [other] = joinTransactions([partition([[7n, 0, now - 2_000]])], [], { now, brokerMaxTimeoutMs: null });
    expect(other!.open[0]).toMatchObject({ limitMs: 900_000, hanging: false });
  });
});
