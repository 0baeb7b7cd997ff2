import type { ConfigEntry, PartitionDetail, RetentionInfo, TopicReader, TopicStats, TopicSummary } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { KafkaClient } from '../../kafka/client';
import type { TopicMetadata } from '../../kafka/ports/metadata';
import { isOffline, isUnderReplicated, type MetadataSnapshots } from '../cluster/metadata-snapshot';
import type { GroupService } from '../groups/group-service';
import { pooled } from '../pooled';
import { numberConfig, RETENTION_KEYS, stringConfig } from './topic-configs';

/** Enough for the first record batch of a partition: the broker sends a whole batch even if larger. */
const FIRST_RECORD_BYTES = 64 * 1024;

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

/** The topic views: the fast list, then per-topic numbers, configs, retention and readers. */
export class TopicService {
  constructor(
    private readonly snapshots: MetadataSnapshots,
    private readonly groups: GroupService,
  ) {}

  async list(client: KafkaClient, includeInternal: boolean, fresh = false): Promise<TopicSummary[]> {
    const { topics } = await this.snapshots.get(client, { fresh });
    return topics
      .filter((t) => includeInternal || !t.internal)
      .map(summarizeTopic)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async partitions(client: KafkaClient, topic: string): Promise<PartitionDetail[]> {
    const metadata = await this.metadataOf(client, topic);
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
        preferredLeader: p.leader >= 0 && p.leader === p.replicas[0],
      };
    });
  }

  /** Messages, size and retention per topic: watermarks, configs and log dirs asked in parallel, batched. */
  async stats(client: KafkaClient, only: string[] | null): Promise<TopicStats[]> {
    // Every topic: the snapshot the list was built from routes the offsets (no second metadata request).
    const snapshot = only === null ? await this.snapshots.get(client) : null;
    const names = only ?? snapshot!.topics.map((t) => t.name);
    const [marks, configs, sizes] = await Promise.all([
      client.fetchWatermarks(names, snapshot ? { metadata: snapshot.topics } : {}),
      client.describeTopicConfigs(names, { keys: RETENTION_KEYS }),
      this.sizes(client, names, only === null),
    ]);
    const messages = new Map<string, number>();
    for (const m of marks) messages.set(m.topic, (messages.get(m.topic) ?? 0) + Math.max(0, Number(BigInt(m.high) - BigInt(m.low))));
    return names.map((name) => {
      const entries = configs.get(name);
      return {
        name,
        messages: messages.get(name) ?? 0,
        sizeBytes: sizes?.get(name) ?? null,
        retentionMs: numberConfig(entries, 'retention.ms'),
        retentionBytes: numberConfig(entries, 'retention.bytes'),
        cleanupPolicy: stringConfig(entries, 'cleanup.policy'),
      };
    });
  }

  async configs(client: KafkaClient, topic: string): Promise<ConfigEntry[]> {
    const configs = await client.describeTopicConfigs([topic], { documentation: true });
    const entries = configs.get(topic);
    if (!entries) throw notFound(topic);
    return [...entries].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Retention settings, and the oldest message still kept: the first record of each partition. */
  async retention(client: KafkaClient, topic: string): Promise<RetentionInfo> {
    const [configs, marks] = await Promise.all([client.describeTopicConfigs([topic], { keys: RETENTION_KEYS }), client.fetchWatermarks([topic])]);
    const entries = configs.get(topic);
    if (!entries) throw notFound(topic);
    const firsts = await pooled(
      marks.filter((m) => BigInt(m.high) > BigInt(m.low)),
      8,
      async (m) => ({ partition: m.partition, record: (await client.readChunk(topic, m.partition, m.low, FIRST_RECORD_BYTES)).records[0] }),
    );
    let oldest: { partition: number; timestamp: number } | null = null;
    for (const f of firsts) {
      const timestamp = f.record ? Number(f.record.timestamp) : NaN;
      if (Number.isFinite(timestamp) && (oldest === null || timestamp < oldest.timestamp)) oldest = { partition: f.partition, timestamp };
    }
    return {
      retentionMs: numberConfig(entries, 'retention.ms') ?? -1,
      retentionBytes: numberConfig(entries, 'retention.bytes') ?? -1,
      cleanupPolicy: stringConfig(entries, 'cleanup.policy') ?? 'delete',
      oldestTimestamp: oldest?.timestamp ?? null,
      oldestPartition: oldest?.partition ?? null,
    };
  }

  async readers(client: KafkaClient, topic: string): Promise<TopicReader[]> {
    await this.metadataOf(client, topic);
    return this.groups.readersOf(client, topic);
  }

  /**
   * Bytes on disk per topic over every replica (DescribeLogDirs on each broker). A broker that
   * does not answer leaves its replicas out; null when no broker answered at all.
   */
  private async sizes(client: KafkaClient, names: string[], all: boolean): Promise<Map<string, number> | null> {
    const brokers = (await this.snapshots.get(client)).cluster.brokers.map((b) => b.nodeId);
    const dirs = await client.describeLogDirs(brokers, all ? null : names);
    if (!dirs.some((d) => d.reachable)) return null;
    const sizes = new Map<string, number>();
    for (const broker of dirs) {
      for (const dir of broker.logDirs) {
        for (const r of dir.replicas) if (!r.isFuture) sizes.set(r.topic, (sizes.get(r.topic) ?? 0) + r.sizeBytes);
      }
    }
    return sizes;
  }

  private async metadataOf(client: KafkaClient, topic: string): Promise<TopicMetadata> {
    const [metadata] = await client.fetchMetadata([topic]);
    if (!metadata) throw notFound(topic);
    return metadata;
  }
}

function notFound(topic: string): AppError {
  return new AppError({ name: 'NotFoundError', code: 'UNKNOWN_TOPIC_OR_PARTITION', message: `Topic ${topic} does not exist.`, retriable: false });
}
