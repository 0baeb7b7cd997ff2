import type { PartitionDetail, TopicSummary } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { KafkaClient } from '../../kafka/client';
import type { TopicMetadata } from '../../kafka/ports/metadata';
import { isOffline, isUnderReplicated, type MetadataSnapshots } from '../cluster/metadata-snapshot';

export function summarizeTopic(topic: TopicMetadata): TopicSummary {
  return {
    name: topic.name,
    internal: topic.internal,
    partitionCount: topic.partitions.length,
    // The replica count of partition 0 is what Kafka tools call the topic's replication factor.
    replicationFactor: topic.partitions[0]?.replicas.length ?? 0,
    underReplicatedPartitions: topic.partitions.filter(isUnderReplicated).length,
    offlinePartitions: topic.partitions.filter(isOffline).length,
  };
}

export class TopicService {
  constructor(private readonly snapshots: MetadataSnapshots) {}

  async list(client: KafkaClient, includeInternal: boolean, fresh = false): Promise<TopicSummary[]> {
    const { topics } = await this.snapshots.get(client, { fresh });
    return topics
      .filter((t) => includeInternal || !t.internal)
      .map(summarizeTopic)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async partitions(client: KafkaClient, topic: string): Promise<PartitionDetail[]> {
    const [metadata] = await client.fetchMetadata([topic]);
    if (!metadata) {
      throw new AppError({ name: 'NotFoundError', code: 'UNKNOWN_TOPIC_OR_PARTITION', message: `Topic ${topic} does not exist.`, retriable: false });
    }
    const marks = await client.fetchWatermarks([topic]);
    const byPartition = new Map(marks.map((m) => [m.partition, m]));
    return metadata.partitions.map((p) => {
      const m = byPartition.get(p.partition);
      const low = m?.low ?? '-1';
      const high = m?.high ?? '-1';
      return {
        partition: p.partition,
        leader: p.leader,
        replicas: p.replicas,
        isr: p.isr,
        offlineReplicas: p.offlineReplicas,
        low,
        high,
        messages: m ? Math.max(0, Number(BigInt(high) - BigInt(low))) : 0,
      };
    });
  }
}
