import { appError, ErrorCode } from '../../../shared/errors';
import { checkTopicName } from '../../../shared/topics/topic-name';
import type { KafkaClient } from '../../kafka/client';
import type { ConfigChange, NewTopic } from '../../kafka/ports/topic-admin';
import type { MetadataSnapshots } from '../cluster/metadata-snapshot';

/**
 * Changes to topics. Every method is a write: the dispatcher and the client both refuse it on a
 * read-only connection. Destructive ones also need the topic name typed back, checked here so a
 * renderer bug cannot skip the confirmation.
 */
export class TopicAdminService {
  constructor(private readonly snapshots: MetadataSnapshots) {}

  async create(client: KafkaClient, topic: NewTopic, validateOnly: boolean): Promise<void> {
    const existing = (await this.snapshots.get(client, { fresh: true })).topics.map((t) => t.name);
    const { error } = checkTopicName(topic.name, existing);
    if (error) throw appError(ErrorCode.Validation, error);
    await this.changing(client, validateOnly, () => client.createTopic(topic, validateOnly));
  }

  /**
   * Runs a change and forgets the cached metadata afterwards, even when it failed: a change the
   * brokers were slow to show (or one leader refused) may still have been applied.
   */
  private async changing(client: KafkaClient, validateOnly: boolean, change: () => Promise<void>): Promise<void> {
    try {
      await change();
    } finally {
      if (!validateOnly) this.snapshots.invalidate(client);
    }
  }

  async delete(client: KafkaClient, topic: string, confirmation: string): Promise<void> {
    confirm(topic, confirmation);
    const [metadata] = await client.fetchMetadata([topic]);
    if (metadata?.internal) throw appError(ErrorCode.Validation, `${topic} is one of Kafka’s internal topics: deleting it would break the cluster.`);
    await this.changing(client, false, () => client.deleteTopic(topic));
  }

  async addPartitions(client: KafkaClient, topic: string, count: number, validateOnly: boolean): Promise<void> {
    const [metadata] = await client.fetchMetadata([topic]);
    const current = metadata?.partitions.length ?? 0;
    if (count <= current) throw appError(ErrorCode.Validation, `${topic} already has ${current} partitions: Kafka can only add partitions, never remove them.`);
    await this.changing(client, validateOnly, () => client.createPartitions(topic, count, validateOnly));
  }

  /** Checks the whole change with the broker first, so nothing is half-applied. */
  async alterConfigs(client: KafkaClient, topic: string, changes: ConfigChange[], validateOnly: boolean): Promise<void> {
    const names = changes.map((c) => c.name);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice) throw appError(ErrorCode.Validation, `${twice} is changed twice in one request.`);
    await client.alterTopicConfigs(topic, changes, true);
    if (!validateOnly) await client.alterTopicConfigs(topic, changes, false);
  }

  /** null partitions: every partition up to its high watermark (truncate). */
  async deleteRecords(
    client: KafkaClient,
    topic: string,
    partitions: { partition: number; offset: string }[] | null,
    confirmation: string,
  ): Promise<{ partition: number; lowWatermark: string }[]> {
    confirm(topic, confirmation);
    const [metadata] = await client.fetchMetadata([topic]);
    const existing = metadata?.partitions.map((p) => p.partition) ?? [];
    const before = partitions ?? existing.map((partition) => ({ partition, offset: '-1' }));
    const unknown = before.filter((b) => !existing.includes(b.partition)).map((b) => b.partition);
    if (unknown.length > 0) throw appError(ErrorCode.Validation, `${topic} has no partition ${unknown.join(', ')} (it has ${existing.length}).`);
    const negative = before.find((b) => b.offset !== '-1' && BigInt(b.offset) < 0n);
    if (negative) throw appError(ErrorCode.Validation, `Offset ${negative.offset} for partition ${negative.partition}: give an offset ≥ 0, or -1 for the high watermark.`);
    return client.deleteRecords(topic, before);
  }
}

function confirm(topic: string, confirmation: string): void {
  if (confirmation !== topic) throw appError(ErrorCode.Validation, `Type the topic name “${topic}” to confirm.`);
}
