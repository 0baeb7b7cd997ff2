import { AppError } from '../../../shared/errors';
import type { CoordinatorTransaction, PartitionTransactions, TransactionsPort } from '../ports/transactions';
import { DescribeProducers } from '../protocol/generated/describe-producers';
import { DescribeTransactions } from '../protocol/generated/describe-transactions';
import { ListOffsets } from '../protocol/generated/list-offsets';
import { ListTransactions } from '../protocol/generated/list-transactions';
import { WriteTxnMarkers } from '../protocol/generated/write-txn-markers';
import { sendApi } from '../protocol/send-api';
import { metadataFromAnyBroker, topicMetadataFromAnyBroker } from './any-broker';
import { protocolHint, rethrowAsAppError } from './errors';
import { IsolationLevel, OffsetSpec, type InternalBroker, type InternalCluster } from './internals';
import { errorNameForCode } from './protocol-errors';

function failure(errorCode: number, context: string, message?: string | null): AppError {
  const code = errorNameForCode(errorCode);
  const hint = protocolHint(code);
  return new AppError({ name: 'KafkaProtocolError', code, message: `${context}: ${message?.trim() || code}`, retriable: false, ...(hint ? { hint } : {}) });
}

/** Latest offsets of the partitions at one isolation level: the high watermark (uncommitted) or the last stable offset (committed). */
async function latestOffsets(broker: InternalBroker, topic: string, partitions: number[], isolationLevel: number): Promise<Map<number, bigint | string>> {
  const { response } = await sendApi(broker, ListOffsets, {
    replicaId: -1,
    isolationLevel,
    topics: [{ name: topic, partitions: partitions.map((partitionIndex) => ({ partitionIndex, timestamp: BigInt(OffsetSpec.Latest) })) }],
  });
  return new Map(response.topics.flatMap((t) => t.partitions).map((p) => [p.partitionIndex, p.errorCode === 0 ? p.offset : errorNameForCode(p.errorCode)]));
}

/** One leader's partitions: both offsets and the producers, asked of the leader itself (only it knows). */
async function fromLeader(broker: InternalBroker, topic: string, partitions: number[]): Promise<Omit<PartitionTransactions, 'leader'>[]> {
  const [hw, lso, producers] = await Promise.all([
    latestOffsets(broker, topic, partitions, IsolationLevel.ReadUncommitted),
    latestOffsets(broker, topic, partitions, IsolationLevel.ReadCommitted),
    sendApi(broker, DescribeProducers, { topics: [{ name: topic, partitionIndexes: partitions }] }),
  ]);
  const described = new Map(producers.response.topics.flatMap((t) => t.partitions).map((p) => [p.partitionIndex, p]));
  return partitions.map((partition) => {
    const h = hw.get(partition);
    const l = lso.get(partition);
    const d = described.get(partition);
    const error = typeof h === 'string' ? h : typeof l === 'string' ? l : d && d.errorCode !== 0 ? (d.errorMessage ?? errorNameForCode(d.errorCode)) : null;
    return {
      partition,
      highWatermark: typeof h === 'bigint' ? h : -1n,
      lastStableOffset: typeof l === 'bigint' ? l : -1n,
      openProducers: (d?.activeProducers ?? [])
        .filter((p) => p.currentTxnStartOffset >= 0n)
        .map((p) => ({ producerId: p.producerId, producerEpoch: p.producerEpoch, coordinatorEpoch: p.coordinatorEpoch, txnStartOffset: p.currentTxnStartOffset, lastTimestamp: p.lastTimestamp })),
      error,
    };
  });
}

/** Transactions through the generated codec: partition state from the leaders, transaction state from the coordinators. */
export function createTransactionsPort(getCluster: () => Promise<InternalCluster>): TransactionsPort {
  return {
    async describeTopicTransactions(topic) {
      const context = `Reading the transactions on ${topic}`;
      const cluster = await getCluster();
      const md = await topicMetadataFromAnyBroker(cluster, [topic]).catch(rethrowAsAppError(context));
      const t = md.topicMetadata.find((x) => x.topic === topic);
      if (!t || t.topicErrorCode !== 0) throw failure(t?.topicErrorCode ?? 3, context);
      const byLeader = new Map<number, number[]>();
      for (const p of t.partitionMetadata) byLeader.set(p.leader, [...(byLeader.get(p.leader) ?? []), p.partitionId]);
      const rows = await Promise.all(
        [...byLeader].map(async ([leader, partitions]): Promise<PartitionTransactions[]> => {
          const none = (error: string) => partitions.map((partition) => ({ partition, leader, highWatermark: -1n, lastStableOffset: -1n, openProducers: [], error }));
          if (leader < 0) return none('No leader');
          try {
            return (await fromLeader(await cluster.findBroker({ nodeId: leader }), topic, partitions)).map((r) => ({ ...r, leader }));
          } catch (error) {
            return none(error instanceof Error ? error.message : String(error));
          }
        }),
      );
      return rows.flat().sort((a, b) => a.partition - b.partition);
    },

    async describeCoordinatorTransactions(producerIds) {
      const context = 'Listing transactions';
      const cluster = await getCluster();
      const md = await metadataFromAnyBroker(cluster, []).catch(rethrowAsAppError(context));
      // Each broker coordinates the transactional ids hashed to its transaction-log partitions: ask them all.
      const perBroker = await Promise.all(
        md.brokers.map(async ({ nodeId }): Promise<CoordinatorTransaction[]> => {
          const broker = await cluster.findBroker({ nodeId }).catch(rethrowAsAppError(context));
          const { response: listed } = await sendApi(broker, ListTransactions, { stateFilters: [], producerIdFilters: producerIds }).catch(rethrowAsAppError(context));
          if (listed.errorCode !== 0) throw failure(listed.errorCode, context);
          if (listed.transactionStates.length === 0) return [];
          const { response } = await sendApi(broker, DescribeTransactions, { transactionalIds: listed.transactionStates.map((s) => s.transactionalId) }).catch(rethrowAsAppError('Describing transactions'));
          return response.transactionStates
            .filter((s) => s.errorCode === 0)
            .map((s) => ({
              transactionalId: s.transactionalId,
              producerId: s.producerId,
              producerEpoch: s.producerEpoch,
              state: s.transactionState,
              timeoutMs: s.transactionTimeoutMs,
              startTimeMs: s.transactionStartTimeMs,
              coordinator: nodeId,
              partitions: s.topics.map((x) => ({ topic: x.topic, partitions: x.partitions })),
            }));
        }),
      );
      return perBroker.flat();
    },

    async abortTransaction({ topic, partition, producerId, producerEpoch, coordinatorEpoch }) {
      const context = `Aborting the transaction of producer ${producerId} on ${topic}-${partition}`;
      const cluster = await getCluster();
      const md = await topicMetadataFromAnyBroker(cluster, [topic]).catch(rethrowAsAppError(context));
      const leader = md.topicMetadata.find((t) => t.topic === topic)?.partitionMetadata.find((p) => p.partitionId === partition)?.leader ?? -1;
      if (leader < 0) throw failure(5, context, 'the partition has no leader'); // LEADER_NOT_AVAILABLE
      const broker = await cluster.findBroker({ nodeId: leader }).catch(rethrowAsAppError(context));
      // As Kafka's AbortTransactionHandler: one ABORT marker for the partition, written by its leader.
      const { response } = await sendApi(broker, WriteTxnMarkers, {
        markers: [{ producerId, producerEpoch, coordinatorEpoch: Math.max(coordinatorEpoch, 0), transactionResult: false, topics: [{ name: topic, partitionIndexes: [partition] }] }],
      }).catch(rethrowAsAppError(context));
      const failed = response.markers.flatMap((m) => m.topics.flatMap((t) => t.partitions)).find((p) => p.errorCode !== 0);
      if (failed) throw failure(failed.errorCode, context);
    },
  };
}
