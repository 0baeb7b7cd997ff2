import { z } from 'zod';
import { defineCall } from './define';
import { TopicName, WithConnection } from './common';

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
}

export const topicCalls = {
  'topics.list': defineCall<TopicSummary[]>()(WithConnection.extend({
      includeInternal: z.boolean().default(true),
      /** Skip main's short-lived metadata snapshot (e.g. looking for a topic created a moment ago). */
      fresh: z.boolean().default(false),
    }),
  ),
  'topics.partitions': defineCall<PartitionDetail[]>()(WithConnection.extend({ topic: TopicName })),
};
