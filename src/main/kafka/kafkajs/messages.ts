import type { MessagesPort, PartitionChunk, RawRecord } from '../ports/messages';
import { rethrowAsAppError } from './errors';
import { IsolationLevel, type InternalCluster } from './internals';
import { errorNameForCode } from './protocol-errors';
import { AppError } from '../../../shared/errors';

interface FetchedRecord {
  timestamp: string;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, Buffer | Buffer[] | null | undefined>;
  isControlRecord: boolean;
  batchContext: { producerId: string; inTransaction: boolean; timestampType: number };
}
interface FetchedPartition {
  partition: number;
  errorCode: number;
  highWatermark: string;
  abortedTransactions?: { producerId: string; firstOffset: string }[];
  messages: FetchedRecord[];
}

/** Group-less reads through kafkajs' internal broker fetch (what its consumer does, minus the group). */
type FetchingBroker = { fetch(request: unknown): Promise<{ responses: { topicName: string; partitions: FetchedPartition[] }[] }> };

/** Group-less reads through kafkajs' internal broker fetch (what its consumer does, minus the group). */
export function createMessagesPort(getCluster: () => Promise<InternalCluster>): MessagesPort {
  const readChunks = async (topic: string, positions: { partition: number; offset: string }[], maxBytes: number, maxWaitMs: number): Promise<PartitionChunk[]> => {
    const cluster = await getCluster();
    await cluster.addMultipleTargetTopics([topic]).catch(rethrowAsAppError(`Reading ${topic}`));
    const wanted = positions.map((p) => p.partition);
    const leaders = (cluster as unknown as { findLeaderForPartitions(t: string, p: number[]): Record<string, number[]> }).findLeaderForPartitions(topic, wanted);
    const led = new Set(Object.values(leaders).flat());
    const leaderless = wanted.filter((p) => !led.has(p));
    if (leaderless.length > 0) throw new AppError({ name: 'KafkaProtocolError', code: 'LEADER_NOT_AVAILABLE', message: `Partition ${leaderless.join(', ')} of ${topic} has no leader right now.`, retriable: true });
    const offsetOf = new Map(positions.map((p) => [p.partition, p.offset]));
    const fetched = new Map<number, PartitionChunk>();
    await Promise.all(
      Object.entries(leaders).map(async ([leader, partitions]) => {
        const broker = (await cluster.findBroker({ nodeId: leader })) as unknown as FetchingBroker;
        const response = await broker
          .fetch({
            replicaId: -1,
            isolationLevel: IsolationLevel.ReadCommitted,
            maxWaitTime: maxWaitMs,
            minBytes: 1,
            maxBytes: maxBytes * partitions.length,
            topics: [{ topic, partitions: partitions.map((partition) => ({ partition, fetchOffset: offsetOf.get(partition)!, maxBytes })) }],
          })
          .catch(rethrowAsAppError(`Reading ${topic}`));
        for (const part of response.responses[0]?.partitions ?? []) {
          if (part.errorCode !== 0) {
            const code = errorNameForCode(part.errorCode);
            throw new AppError({ name: 'KafkaProtocolError', code, message: `Reading ${topic}/${part.partition}: ${code}`, retriable: true });
          }
          fetched.set(part.partition, toChunk(part, offsetOf.get(part.partition)!));
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

/**
 * Drops control records and the records of aborted transactions (read_committed), and says
 * where the next read starts.
 */
export function toChunk(fetched: FetchedPartition, from: string): PartitionChunk {
  const aborted = [...(fetched.abortedTransactions ?? [])].sort((a, b) => Number(BigInt(a.firstOffset) - BigInt(b.firstOffset)));
  const abortedProducers = new Set<string>();
  const records: RawRecord[] = [];
  let next = BigInt(from);
  for (const m of fetched.messages) {
    const offset = BigInt(m.offset);
    if (offset < BigInt(from)) continue; // a compressed batch starts before the offset asked for
    next = offset + 1n;
    while (aborted.length > 0 && BigInt(aborted[0]!.firstOffset) <= offset) abortedProducers.add(aborted.shift()!.producerId);
    if (m.isControlRecord) {
      // The transaction's end marker: records of this producer after it are not aborted any more.
      abortedProducers.delete(m.batchContext.producerId);
      continue;
    }
    if (m.batchContext.inTransaction && abortedProducers.has(m.batchContext.producerId)) continue;
    records.push({
      partition: fetched.partition,
      offset: m.offset,
      timestamp: m.timestamp,
      timestampType: m.batchContext.timestampType === 1 ? 'LogAppendTime' : 'CreateTime',
      key: m.key ?? null,
      value: m.value ?? null,
      headers: Object.entries(m.headers ?? {}).flatMap(([key, v]) => (Array.isArray(v) ? v : [v]).map((value) => ({ key, value: value ?? null }))),
    });
  }
  return { records, nextOffset: next.toString(), highWatermark: fetched.highWatermark };
}
