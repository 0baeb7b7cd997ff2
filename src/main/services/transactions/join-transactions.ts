import type { OpenTransaction, PartitionTransactionsRow } from '../../../shared/api/transactions';
import type { CoordinatorTransaction, PartitionTransactions } from '../../kafka/ports/transactions';

/** Kafka's default transaction.max.timeout.ms, when the broker's config cannot be read. */
export const DEFAULT_MAX_TIMEOUT_MS = 900_000;

export interface JoinOptions {
  now: number;
  /** The broker's transaction.max.timeout.ms (null: unknown, the default applies). */
  brokerMaxTimeoutMs: number | null;
  /** Judge every transaction by this instead (find-hanging's --max-transaction-timeout). */
  hangingAfterMs?: number | undefined;
}

/**
 * Joins the partitions' open transactions with the coordinators' view. A transaction maps when
 * its coordinator lists the same producer id and epoch as Ongoing (or ending): then its own
 * start time and timeout apply. Otherwise its age counts from the last record, judged by the
 * broker's maximum timeout: no coordinator will ever end it.
 */
export function joinTransactions(partitions: PartitionTransactions[], coordinators: CoordinatorTransaction[], options: JoinOptions): PartitionTransactionsRow[] {
  const byProducer = new Map(coordinators.map((t) => [t.producerId, t]));
  const maxTimeout = options.brokerMaxTimeoutMs ?? DEFAULT_MAX_TIMEOUT_MS;
  return partitions.map((p) => ({
    partition: p.partition,
    leader: p.leader,
    highWatermark: p.highWatermark.toString(),
    lastStableOffset: p.lastStableOffset.toString(),
    held: (p.highWatermark >= 0n && p.lastStableOffset >= 0n ? p.highWatermark - p.lastStableOffset : 0n).toString(),
    error: p.error,
    open: p.openProducers.map((o): OpenTransaction => {
      const c = byProducer.get(o.producerId);
      const mapped = c && c.producerEpoch === o.producerEpoch && c.startTimeMs >= 0n && c.state !== 'Empty' && c.state !== 'CompleteCommit' && c.state !== 'CompleteAbort' ? c : undefined;
      const startedAt = mapped ? Number(mapped.startTimeMs) : null;
      const from = startedAt ?? Number(o.lastTimestamp);
      const ageMs = from > 0 ? Math.max(0, options.now - from) : 0;
      const limitMs = options.hangingAfterMs ?? mapped?.timeoutMs ?? maxTimeout;
      return {
        producerId: o.producerId.toString(),
        producerEpoch: o.producerEpoch,
        coordinatorEpoch: o.coordinatorEpoch,
        startOffset: o.txnStartOffset.toString(),
        lastTimestamp: Number(o.lastTimestamp),
        transactionalId: c?.transactionalId ?? null,
        state: c?.state ?? null,
        timeoutMs: c?.timeoutMs ?? null,
        startedAt,
        ageMs,
        limitMs,
        hanging: ageMs > limitMs,
      };
    }),
  }));
}
