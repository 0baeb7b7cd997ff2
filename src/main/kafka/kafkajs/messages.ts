import { AppError } from '../../../shared/errors';
import type { MessagesPort, PartitionChunk } from '../ports/messages';
import { rethrowAsAppError } from './errors';
import type { InternalCluster } from './internals';
import { errorNameForCode } from './protocol-errors';
import { fetchRecords } from './raw/fetch';
import { decodeRecordBatches } from './raw/record-batch-decode';

/**
 * Group-less reads: Fetch straight to each partition leader on kafkajs' connections (what its
 * consumer does, minus the group), record batches decoded by our own one-pass decoder.
 */
export function createMessagesPort(getCluster: () => Promise<InternalCluster>): MessagesPort {
  const readChunks = async (topic: string, positions: { partition: number; offset: string }[], maxBytes: number, maxWaitMs: number): Promise<PartitionChunk[]> => {
    const cluster = await getCluster();
    await cluster.addMultipleTargetTopics([topic]).catch(rethrowAsAppError(`Reading ${topic}`));
    const wanted = positions.map((p) => p.partition);
    let leaders = leadersOf(cluster, topic, wanted);
    if (leaders.leaderless.length > 0) {
      // kafkajs' metadata may be older than the partitions (added since) or their leaders: ask again once.
      await cluster.refreshMetadata().catch(rethrowAsAppError(`Reading ${topic}`));
      leaders = leadersOf(cluster, topic, wanted);
    }
    const { byLeader, leaderless } = leaders;
    if (leaderless.length > 0) throw new AppError({ name: 'KafkaProtocolError', code: 'LEADER_NOT_AVAILABLE', message: `Partition ${leaderless.join(', ')} of ${topic} has no leader right now.`, retriable: true });
    const offsetOf = new Map(positions.map((p) => [p.partition, p.offset]));
    const fetched = new Map<number, PartitionChunk>();
    await Promise.all(
      Object.entries(byLeader).map(async ([leader, partitions]) => {
        const broker = await cluster.findBroker({ nodeId: leader }).catch(rethrowAsAppError(`Reading ${topic}`));
        const asked = partitions.map((partition) => ({ partition, offset: offsetOf.get(partition)! }));
        const response = await fetchRecords(broker, topic, asked, maxBytes, maxWaitMs).catch(rethrowAsAppError(`Reading ${topic}`));
        if (response.errorCode !== 0) throw fetchError(topic, null, response.errorCode);
        for (const part of response.partitions) {
          if (part.errorCode !== 0) {
            // A moved leader: kafkajs' metadata is stale; the caller retries with fresh metadata.
            if (/LEADER|NOT_LEADER|FENCED/.test(errorNameForCode(part.errorCode))) await cluster.refreshMetadata().catch(() => undefined);
            throw fetchError(topic, part.partition, part.errorCode);
          }
          const from = offsetOf.get(part.partition)!;
          const decoded = await decodeRecordBatches(part.records, part.partition, Number(from), part.abortedTransactions).catch((error: Error) => {
            throw new AppError({ name: 'KafkaProtocolError', code: 'CORRUPT_MESSAGE', message: `Reading ${topic}/${part.partition}: ${error.message}`, retriable: false });
          });
          fetched.set(part.partition, { records: decoded.records, nextOffset: String(decoded.nextOffset), highWatermark: part.highWatermark });
        }
      }),
    );
    return positions.map((p) => fetched.get(p.partition) ?? { records: [], nextOffset: p.offset, highWatermark: p.offset });
  };
  return {
    async readChunk(topic, partition, offset, maxBytes): Promise<PartitionChunk> {
      const [chunk] = await readChunks(topic, [{ partition, offset }], maxBytes, 50);
      return chunk!;
    },
    readChunks,
  };
}

/** Partitions grouped by their leader's node id; those without a leader (-1 or unknown) apart. */
function leadersOf(cluster: InternalCluster, topic: string, wanted: number[]): { byLeader: Record<string, number[]>; leaderless: number[] } {
  const found = (cluster as unknown as { findLeaderForPartitions(t: string, p: number[]): Record<string, number[]> }).findLeaderForPartitions(topic, wanted);
  const byLeader = Object.fromEntries(Object.entries(found).filter(([leader]) => Number(leader) >= 0));
  const led = new Set(Object.values(byLeader).flat());
  return { byLeader, leaderless: wanted.filter((p) => !led.has(p)) };
}

function fetchError(topic: string, partition: number | null, errorCode: number): AppError {
  const code = errorNameForCode(errorCode);
  const where = partition === null ? topic : `${topic}/${partition}`;
  return new AppError({ name: 'KafkaProtocolError', code, message: `Reading ${where}: ${code}`, retriable: code !== 'TOPIC_AUTHORIZATION_FAILED' });
}
