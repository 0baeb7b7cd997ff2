/** Transactions as partitions and coordinators see them (KIP-664), independent of the client library. */

/** A producer with a transaction open on a partition, as the partition leader reports it (DescribeProducers). */
export interface OpenProducer {
  producerId: bigint;
  producerEpoch: number;
  /** The coordinator epoch of the last marker the partition saw from this producer; -1 if none. */
  coordinatorEpoch: number;
  /** The offset of the transaction's first record on this partition. */
  txnStartOffset: bigint;
  /** The timestamp of the producer's last record here (client clock), ms. */
  lastTimestamp: bigint;
}

/** One partition: how far read_committed consumers may read, and who holds them back. */
export interface PartitionTransactions {
  partition: number;
  leader: number;
  highWatermark: bigint;
  /** The last stable offset: read_committed consumers stop before the first open transaction. */
  lastStableOffset: bigint;
  openProducers: OpenProducer[];
  /** A per-partition failure (e.g. no leader), instead of the numbers. */
  error: string | null;
}

/** A transaction as its coordinator knows it (ListTransactions + DescribeTransactions). */
export interface CoordinatorTransaction {
  transactionalId: string;
  producerId: bigint;
  producerEpoch: number;
  state: string;
  timeoutMs: number;
  /** -1 when no transaction is running. */
  startTimeMs: bigint;
  coordinator: number;
  partitions: { topic: string; partitions: number[] }[];
}

/** What WriteTxnMarkers needs to abort one producer's open transaction on one partition. */
export interface AbortSpec {
  topic: string;
  partition: number;
  producerId: bigint;
  producerEpoch: number;
  coordinatorEpoch: number;
}

export interface TransactionsPort {
  /** Every partition of the topic: high watermark, last stable offset and the producers with an open transaction. */
  describeTopicTransactions(topic: string): Promise<PartitionTransactions[]>;
  /** Transactions every coordinator knows of, described (producer ids narrow the list; empty: all). */
  describeCoordinatorTransactions(producerIds: bigint[]): Promise<CoordinatorTransaction[]>;
  /** Writes an abort marker for the producer's open transaction on the partition, as `kafka-transactions.sh abort` does. */
  abortTransaction(spec: AbortSpec): Promise<void>;
}
