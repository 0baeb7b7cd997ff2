import { z } from 'zod';
import { defineCall } from './define';
import { PartitionId, TopicName, WithConnection } from './common';

/** One producer's open transaction on a partition, joined with what its coordinator says where the producer id maps. */
export interface OpenTransaction {
  /** int64 as a decimal string. */
  producerId: string;
  producerEpoch: number;
  coordinatorEpoch: number;
  /** Offset of the transaction's first record here: the last stable offset cannot pass it. */
  startOffset: string;
  /** The last record's timestamp here (producer clock), ms since the epoch; -1 if unknown. */
  lastTimestamp: number;
  /** From ListTransactions/DescribeTransactions; null when no coordinator knows this producer id (a hanging transaction's usual sign). */
  transactionalId: string | null;
  state: string | null;
  timeoutMs: number | null;
  /** When the transaction started (coordinator's clock), or null when unknown. */
  startedAt: number | null;
  /** now − start, or now − last record when the start is unknown (then a lower bound). */
  ageMs: number;
  /** The timeout the age is compared with: the transaction's own, else the broker's transaction.max.timeout.ms. */
  limitMs: number;
  /** Open longer than limitMs: the coordinator should have ended it, so it blocks read_committed consumers until aborted. */
  hanging: boolean;
}

export interface PartitionTransactionsRow {
  partition: number;
  leader: number;
  highWatermark: string;
  lastStableOffset: string;
  /** Records read_committed consumers cannot see yet: high watermark − last stable offset. */
  held: string;
  open: OpenTransaction[];
  error: string | null;
}

export const transactionCalls = {
  /**
   * Per partition of a topic: high watermark, last stable offset and the open transactions
   * holding it back (DescribeProducers on the leaders, ListTransactions/DescribeTransactions on
   * every coordinator). `hangingAfterMs` overrides the timeout a transaction is judged by, as
   * `kafka-transactions.sh find-hanging --max-transaction-timeout` does.
   */
  'transactions.topic': defineCall<{
    partitions: PartitionTransactionsRow[];
    brokerMaxTimeoutMs: number | null;
    /** Why the coordinators could not be asked (then every transaction counts as unknown to them), or null. */
    coordinatorError: string | null;
    checkedAt: number;
  }>()(
    WithConnection.extend({ topic: TopicName, hangingAfterMs: z.number().int().min(0).optional() }),
  ),
  /**
   * Aborts one producer's open transaction on one partition with an ABORT marker written by the
   * leader, as `kafka-transactions.sh abort` does. The producer's records in it are discarded for
   * read_committed consumers; a producer that is still alive gets fenced errors.
   */
  'transactions.abort': defineCall<void>()(
    WithConnection.extend({
      topic: TopicName,
      partition: PartitionId,
      producerId: z.string().regex(/^\d{1,19}$/),
      producerEpoch: z.number().int().min(0).max(32767),
      coordinatorEpoch: z.number().int().min(-1),
    }),
    { write: true },
  ),
};
