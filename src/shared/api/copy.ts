import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { ConnectionId, PartitionId, TopicName, WithConnection } from './common';
import { MessageFilter, OffsetRuns, StartPosition } from './messages';
import { Acks, Compression, RunId } from './produce';

/**
 * What a copy reads from the source connection's topic: a range (chosen partitions from a
 * start position to their end when the copy starts, filtered in main like a read) or the
 * offsets of chosen messages (selected rows, or every match of a read).
 */
export const CopySource = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('range'),
    partitions: z.array(PartitionId).max(10_000).nullable().default(null),
    position: StartPosition,
    /** Stop a partition before this offset (exclusive); null: its end when the copy starts. */
    untilOffset: z.string().regex(/^\d{1,19}$/).nullable().default(null),
    filter: MessageFilter,
    /** Copy at most this many messages (after filtering); null: all. */
    limit: z.number().int().min(1).max(100_000_000).nullable().default(null),
  }),
  z.object({ kind: z.literal('offsets'), selection: z.array(OffsetRuns).min(1).max(10_000) }),
]);
export type CopySource = z.output<typeof CopySource>;

/** A header change applied to every copied message, in order: `set` replaces all of that key, `add` appends one, `remove` drops all. */
export const HeaderRewrite = z.discriminatedUnion('op', [
  z.object({ op: z.literal('set'), key: z.string().min(1).max(1000), value: z.string().max(64 * 1024) }),
  z.object({ op: z.literal('add'), key: z.string().min(1).max(1000), value: z.string().max(64 * 1024) }),
  z.object({ op: z.literal('remove'), key: z.string().min(1).max(1000) }),
]);
export type HeaderRewrite = z.output<typeof HeaderRewrite>;

/** Where each copy goes in the target topic. */
export const CopyPartitioning = z.enum(['same', 'key', 'round-robin']);
export type CopyPartitioning = z.infer<typeof CopyPartitioning>;

export const CopyOptions = z
  .object({
    keepKey: z.boolean().default(true),
    keepHeaders: z.boolean().default(true),
    /** The original create time, or the time of the copy. */
    timestamp: z.enum(['original', 'now']).default('original'),
    /** `same`: the source partition number; `key`: murmur2 of the key (round-robin for null keys), as Kafka's default partitioner; `round-robin`. */
    partitioning: CopyPartitioning.default('same'),
    headers: z.array(HeaderRewrite).max(100).default([]),
    compression: Compression.default('none'),
    acks: Acks.default('all'),
  })
  .default({ keepKey: true, keepHeaders: true, timestamp: 'original', partitioning: 'same', headers: [], compression: 'none', acks: 'all' });
export type CopyOptions = z.output<typeof CopyOptions>;

/**
 * Dead-letter redrive: each message goes to the topic its `topicHeader` names (e.g. the
 * original-topic header a DLQ writer adds), else to the chosen target topic. With `marker`,
 * every copy carries that header (value: where it came from), and a message that already
 * carries it (it was redriven before and came back) is skipped, not redriven again.
 */
export const RedriveOptions = z.object({
  topicHeader: z.string().min(1).max(1000).nullable().default(null),
  marker: z.string().min(1).max(1000).nullable().default(null),
});
export type RedriveOptions = z.output<typeof RedriveOptions>;

export const CopyTarget = z.object({
  /** An open connection of this window (the same as the source, or another cluster's); never a read-only one. */
  connectionId: ConnectionId,
  /** null only for a redrive whose messages name their topic in a header. */
  topic: TopicName.nullable(),
});

export const CopyRequest = WithConnection.extend({
  topic: TopicName,
  source: CopySource,
  target: CopyTarget,
  options: CopyOptions,
  redrive: RedriveOptions.nullable().default(null),
});

/** One message as it will be written (preview): bytes as text when UTF-8, else base64. */
export interface CopyPreviewMessage {
  from: { partition: number; offset: string };
  /** null: skipped (see `skipped`). */
  topic: string | null;
  partition: number | null;
  timestamp: string;
  key: { encoding: 'utf8' | 'base64'; data: string; size: number } | null;
  value: { encoding: 'utf8' | 'base64'; data: string; size: number } | null;
  headers: { key: string; value: { encoding: 'utf8' | 'base64'; data: string; size: number } }[];
  /** Why it will not be written (e.g. already redriven). */
  skipped?: string;
}

export interface CopyPreview {
  messages: CopyPreviewMessage[];
  /** Messages the source holds in the range (before filtering), as far as known up front. */
  inRange: number;
}

/** Offsets written to one target partition: [first, last]. */
export interface WrittenRange {
  topic: string;
  partition: number;
  first: string;
  last: string;
  count: number;
}

export interface CopyProgress {
  runId: string;
  scanned: number;
  sent: number;
  failed: number;
  skipped: number;
  /** Offsets in the source range (known up front for a range; the selection's size otherwise). */
  total: number;
  ratePerSecond: number;
  bytesPerSecond: number;
  elapsedMs: number;
}

export interface CopySummary extends Omit<CopyProgress, 'ratePerSecond' | 'bytesPerSecond'> {
  /** Failures grouped by the broker's reason. */
  errors: { reason: string; count: number }[];
  /** Skipped messages by reason (e.g. already redriven). */
  skips: { reason: string; count: number }[];
  written: WrittenRange[];
  cancelled: boolean;
  ratePerSecond: number;
}

export const COPY_PREVIEW_MAX = 50;

export const copyCalls = {
  /**
   * Copies messages from a topic (a range or chosen offsets) to a topic on this or another open
   * connection, streaming through main with bounded memory; progress as `copy.progress`;
   * cancellable (what was sent stays sent). A read-only target is refused in main.
   */
  'copy.run': defineCall<CopySummary>()(CopyRequest.extend({ runId: RunId })),
  /** The first `count` messages exactly as `copy.run` would write them; nothing is written. */
  'copy.preview': defineCall<CopyPreview>()(CopyRequest.extend({ count: z.number().int().min(1).max(COPY_PREVIEW_MAX).default(5) })),
};

export const copyEvents = {
  'copy.progress': defineEvent<CopyProgress>(),
};
