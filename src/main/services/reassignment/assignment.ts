import type { BrokerRef, CurrentPartition } from '../../../shared/reassignment/plan';
import { partitionKey } from '../../../shared/reassignment/plan';
import type { KafkaClient } from '../../kafka/client';
import type { BrokerLogDirs } from '../../kafka/ports/brokers';

/** Bytes each broker holds per partition (live replicas and future ones being copied in), from DescribeLogDirs. */
export function sizesByBroker(logDirs: BrokerLogDirs[]): Map<string, Map<number, number>> {
  const sizes = new Map<string, Map<number, number>>();
  for (const broker of logDirs) {
    if (!broker.reachable) continue;
    for (const dir of broker.logDirs) {
      for (const r of dir.replicas) {
        const key = partitionKey(r);
        const perBroker = sizes.get(key) ?? new Map<number, number>();
        perBroker.set(broker.nodeId, Math.max(perBroker.get(broker.nodeId) ?? 0, r.sizeBytes));
        sizes.set(key, perBroker);
      }
    }
  }
  return sizes;
}

/** The brokers to plan with and the given topics' partitions with their sizes (the largest replica). */
export async function loadAssignment(client: KafkaClient, topics: string[]): Promise<{ brokers: BrokerRef[]; partitions: CurrentPartition[] }> {
  const [cluster, metadata] = await Promise.all([client.describeCluster(), client.fetchMetadata(topics)]);
  const brokers = cluster.brokers.map((b) => ({ nodeId: b.nodeId, rack: b.rack })).sort((a, b) => a.nodeId - b.nodeId);
  const sizes = sizesByBroker(await client.describeLogDirs(brokers.map((b) => b.nodeId), topics));
  const partitions = metadata.flatMap((t) =>
    t.partitions.map((p): CurrentPartition => {
      const perBroker = sizes.get(partitionKey({ topic: t.name, partition: p.partition }));
      return { topic: t.name, partition: p.partition, replicas: p.replicas, leader: p.leader, sizeBytes: perBroker && perBroker.size > 0 ? Math.max(...perBroker.values()) : null };
    }),
  );
  return { brokers, partitions: partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition) };
}
