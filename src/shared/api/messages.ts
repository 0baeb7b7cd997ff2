import { z } from 'zod';
import { defineCall } from './define';
import { OffsetString, PartitionId, TopicName, WithConnection } from './common';

/** Bytes as they travel to the window: UTF-8 text when they are valid UTF-8, else base64. */
export interface EncodedBytes {
  encoding: 'utf8' | 'base64';
  data: string;
  /** Bytes in the message (data may be cut to a preview). */
  size: number;
  truncated: boolean;
  /** Confluent Schema Registry wire format (magic 0 + 4-byte schema id). */
  schemaId?: number;
}

export interface MessageView {
  partition: number;
  offset: string;
  timestamp: string;
  timestampType: 'CreateTime' | 'LogAppendTime';
  /** null: a null key. */
  key: EncodedBytes | null;
  /** null: a tombstone. */
  value: EncodedBytes | null;
  headers: { key: string; value: EncodedBytes | null }[];
}

export const StartPosition = z.discriminatedUnion('kind', [
  /** The newest `count` messages of each chosen partition. */
  z.object({ kind: z.literal('newest'), count: z.number().int().min(1).max(100_000) }),
  z.object({ kind: z.literal('beginning') }),
  z.object({ kind: z.literal('offset'), offset: OffsetString }),
  /** The first message at or after this time (epoch ms), per partition. */
  z.object({ kind: z.literal('timestamp'), timestamp: z.number().int().min(0) }),
]);
export type StartPosition = z.infer<typeof StartPosition>;

export interface BrowseResult {
  messages: MessageView[];
  /** Per partition: where reading started and stopped, and the high watermark then. */
  partitions: { partition: number; from: string; until: string; high: string }[];
}

export const messageCalls = {
  /**
   * Reads without a consumer group (nothing joined, nothing committed): newest first for
   * `newest`, oldest first otherwise; at most `limit` messages.
   */
  'messages.browse': defineCall<BrowseResult>()(
    WithConnection.extend({
      topic: TopicName,
      partitions: z.array(PartitionId).max(10_000).nullable().default(null),
      position: StartPosition,
      limit: z.number().int().min(1).max(10_000).default(500),
      /** Newest-first or oldest-first; by default newest-first for `newest`, oldest-first otherwise. */
      order: z.enum(['newest', 'oldest']).nullable().default(null),
    }),
  ),
};
