import { z } from 'zod';
import { defineCall } from './define';
import type { ConfigEntry } from './configs';
import { OffsetString, PartitionId, TopicName, WithConnection } from './common';
import type { CopySummary } from './copy';
import { RunId } from './produce';

export interface TopicSummary {
  name: string;
  internal: boolean;
  partitionCount: number;
  replicationFactor: number;
  underReplicatedPartitions: number;
  offlinePartitions: number;
}

export interface PartitionDetail {
  partition: number;
  /** Node id of the leader, -1 when the partition is offline. */
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
  /** Log start offset (low watermark). */
  low: string;
  /** Log end offset (high watermark). */
  high: string;
  /** high − low: the messages currently kept (compaction and transactions can make it less). */
  messages: number;
  /** The leader is the first replica, where Kafka puts leadership back when it rebalances. */
  preferredLeader: boolean;
}

/** What the topic list adds once the fast metadata is shown: counts, sizes and retention. */
export interface TopicStats {
  name: string;
  /** Sum over partitions of high − low watermark. */
  messages: number;
  /** Bytes on disk over all replicas, null when the brokers could not say. */
  sizeBytes: number | null;
  /** retention.ms (-1: forever), null when unknown. */
  retentionMs: number | null;
  /** retention.bytes per partition (-1: no limit), null when unknown. */
  retentionBytes: number | null;
  cleanupPolicy: string | null;
}

export interface RetentionInfo {
  retentionMs: number;
  retentionBytes: number;
  cleanupPolicy: string;
  /** Timestamp of the first message of the partition whose first message is oldest; null when empty. */
  oldestTimestamp: number | null;
  oldestPartition: number | null;
}

/** A consumer group that has offsets for, or members on, the topic. */
export interface TopicReader {
  groupId: string;
  state: string;
  members: number;
  /** Lag on this topic only; null when the group committed nothing here yet. */
  lag: number | null;
  partitions: number;
}

const ConfigName = z.string().min(1).max(255).regex(/^[a-z0-9._-]+$/i, 'config names are letters, digits, ".", "_" and "-"');
const ConfigValue = z.string().max(100_000);

export const NewTopicRequest = WithConnection.extend({
  name: TopicName,
  partitions: z.number().int().min(1).max(100_000),
  replicationFactor: z.number().int().min(1).max(32_767),
  configs: z.record(ConfigName, ConfigValue).default({}),
  /** Ask the broker for its verdict without creating anything. */
  validateOnly: z.boolean().default(false),
});

/** What a clone of a topic starts from: its partitions, replication factor and own config overrides. */
export interface ClonePlan {
  partitions: number;
  replicationFactor: number;
  /** Only the configs set on the topic itself (DescribeConfigs source DYNAMIC_TOPIC_CONFIG). */
  configs: Record<string, string>;
}

export const topicCalls = {
  'topics.list': defineCall<TopicSummary[]>()(WithConnection.extend({
      includeInternal: z.boolean().default(true),
      /** Skip main's short-lived metadata snapshot (e.g. looking for a topic created a moment ago). */
      fresh: z.boolean().default(false),
    }),
  ),
  'topics.partitions': defineCall<PartitionDetail[]>()(WithConnection.extend({ topic: TopicName })),
  /** Messages, size on disk and retention of every topic (or the ones named), slower than the list. */
  'topics.stats': defineCall<TopicStats[]>()(WithConnection.extend({ topics: z.array(TopicName).max(100_000).nullable().default(null) })),
  'topics.configs': defineCall<ConfigEntry[]>()(WithConnection.extend({ topic: TopicName })),
  'topics.retention': defineCall<RetentionInfo>()(WithConnection.extend({ topic: TopicName })),
  'topics.readers': defineCall<TopicReader[]>()(WithConnection.extend({ topic: TopicName })),
  'topics.create': defineCall<void>()(NewTopicRequest, { write: true }),
  /** What the clone dialog prefills. */
  'topics.clonePlan': defineCall<ClonePlan>()(WithConnection.extend({ topic: TopicName })),
  /**
   * Creates `name` like `topic` (as the request says, usually the clone plan edited) and, with
   * `copyData`, copies every message with its partition kept (the copy job; `copy.progress` events with `runId`).
   */
  'topics.clone': defineCall<{ copy: CopySummary | null }>()(
    NewTopicRequest.omit({ validateOnly: true }).extend({ topic: TopicName, copyData: z.boolean().default(false), runId: RunId }),
    { write: true },
  ),
  /** `confirmation` must repeat the topic name: main checks it too. */
  'topics.delete': defineCall<void>()(WithConnection.extend({ topic: TopicName, confirmation: z.string() }), { write: true }),
  'topics.addPartitions': defineCall<void>()(
    WithConnection.extend({ topic: TopicName, count: z.number().int().min(2).max(100_000), validateOnly: z.boolean().default(false) }),
    { write: true },
  ),
  /** Only the named configs change; a null value removes the override (back to the default). */
  'topics.alterConfigs': defineCall<void>()(
    WithConnection.extend({
      topic: TopicName,
      changes: z.array(z.object({ name: ConfigName, value: ConfigValue.nullable() })).min(1).max(500),
      validateOnly: z.boolean().default(false),
    }),
    { write: true },
  ),
  /** Deletes records before `offset` per partition; null partitions: everything up to each high watermark. */
  'topics.deleteRecords': defineCall<{ partition: number; lowWatermark: string }[]>()(
    WithConnection.extend({
      topic: TopicName,
      partitions: z.array(z.object({ partition: PartitionId, offset: OffsetString })).min(1).max(100_000).nullable(),
      confirmation: z.string(),
    }),
    { write: true },
  ),
};
