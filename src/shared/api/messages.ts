import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import type { WireMessage } from './message-wire';
import { OffsetString, PartitionId, TopicName, WithConnection } from './common';

/** Bytes as they travel to the window: UTF-8 text when they are valid UTF-8, else base64. */
export interface EncodedBytes {
  encoding: 'utf8' | 'base64';
  data: string;
  /** Bytes in the message (data may be cut to a preview). */
  size: number;
  /** True when data is only a preview; absent otherwise (a million messages need not carry it). */
  truncated?: boolean;
  /** Confluent Schema Registry wire format (magic 0 + 4-byte schema id). */
  schemaId?: number;
  /** Decoded in main with its writer schema: `data` is the value as JSON text (the raw bytes: `messages.get` with `raw`). */
  schema?: DecodedSchemaInfo;
  /** Schema-framed but not decodable, and why in one line: `data` holds the raw bytes. */
  undecodable?: string;
}

export interface DecodedSchemaInfo {
  type: 'AVRO' | 'PROTOBUF' | 'JSON';
  id?: number;
  /** Decoded with a local schema file rather than the registry: its name. */
  file?: string;
  subject?: string;
  version?: number;
  /** Protobuf: the message type of the file the value is. */
  messageType?: string;
  /** The value decoded but its schema rejects it (JSON Schema), or bytes were left over. */
  invalid?: string;
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
  /** The newest `count` messages of each chosen partition, or of all of them together (by timestamp). */
  z.object({ kind: z.literal('newest'), count: z.number().int().min(1).max(100_000), scope: z.enum(['partition', 'overall']).default('partition') }),
  z.object({ kind: z.literal('beginning') }),
  z.object({ kind: z.literal('offset'), offset: OffsetString }),
  /** The first message at or after this time (epoch ms), per partition. */
  z.object({ kind: z.literal('timestamp'), timestamp: z.number().int().min(0) }),
  /**
   * A consumer group's committed offset per partition, less `back` (what the group has not read
   * yet, and the last `back` it has); read without joining the group. Partitions the group has
   * no offset for start at their beginning.
   */
  z.object({ kind: z.literal('group'), groupId: z.string().min(1).max(1024), back: z.number().int().min(0).max(1_000_000_000).default(0) }),
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

/** Filters applied in main while reading: only matching messages travel to the window. */
export const MessageFilter = z
  .object({
    /** Text searched in the key, the value and header values (case-insensitive unless `caseSensitive`). */
    text: z.string().max(10_000).default(''),
    /** `text` is a regular expression (JavaScript syntax). */
    regex: z.boolean().default(false),
    caseSensitive: z.boolean().default(false),
    /** A structured filter, e.g. `value.loc == "SOUTH" && value.amount > 100` (see src/shared/filter/expression.ts). */
    expression: z.string().max(10_000).default(''),
    /** Message time range, epoch ms, inclusive. */
    fromTime: z.number().int().min(0).nullable().default(null),
    toTime: z.number().int().min(0).nullable().default(null),
    /**
     * An exact key (its UTF-8 bytes). Unless `keyScan` is `all`, only the partition the default
     * partitioner (murmur2, as the Java client) picks for it is read.
     */
    key: z.string().max(10_000).nullable().default(null),
    keyScan: z.enum(['partition', 'all']).default('partition'),
    /** A header with this key (exact) and/or a value containing this text (case-insensitive). */
    headerKey: z.string().max(1_000).default(''),
    headerValue: z.string().max(10_000).default(''),
  })
  .default({ text: '', regex: false, caseSensitive: false, expression: '', fromTime: null, toTime: null, key: null, keyScan: 'partition', headerKey: '', headerValue: '' });
export type MessageFilter = z.output<typeof MessageFilter>;
export type MessageFilterInput = z.input<typeof MessageFilter>;

/** Where one partition's read stands. */
export interface PartitionProgress {
  partition: number;
  /** The range read: [from, end); for a tail `end` is the high watermark last seen. */
  from: string;
  end: string;
  /** Next offset to read. */
  position: string;
  scanned: number;
  matched: number;
  /** Why this partition cannot be read right now (a live tail goes on with the others). */
  error?: string;
  /**
   * A tail that could not yet learn where this partition stood when it started (no leader): it
   * starts there once it can. Its position means nothing yet, so a resume leaves it out.
   */
  unstarted?: true;
}

export interface ReadProgress {
  scanned: number;
  matched: number;
  partitions: PartitionProgress[];
  elapsedMs: number;
  /** Schema-framed keys or values scanned that could not be decoded (each shown raw with its reason). */
  undecodable?: number;
  /** A live tail whose cluster does not answer: why; it resumes where it was once the brokers are back. */
  waiting?: string;
  /** Offsets a live tail could not show because they were deleted meanwhile (retention moved the log start). */
  gaps?: TailGap[];
}

/** Messages [from, to) of a partition that were deleted before a live tail could read them. */
export interface TailGap {
  partition: number;
  from: string;
  to: string;
}

/** A batch of matching messages and where the read stands (pushed at most every 100 ms). */
export interface MessagesBatch {
  runId: string;
  /** Compact tuples (see message-wire.ts); messageFromWire() makes MessageViews of them. */
  messages: WireMessage[];
  /** Where the read stands after these messages; null on all but the last part of a split flush. */
  progress: ReadProgress | null;
  /**
   * Matches main did not push because the window would have dropped them anyway (a read asked to
   * `keep` fewer than it matched): counted with the window's own dropped messages.
   */
  skipped?: number;
}

export interface SearchSummary {
  runId: string;
  progress: ReadProgress;
  /** Stopped because `limit` messages matched. */
  limitReached: boolean;
  cancelled: boolean;
  /** An exact-key read of one partition: the partition murmur2 picked for the key (the default partitioner's choice). */
  keyPartition?: number;
  /** A compacted view: what the read kept (the latest message per key). */
  latestPerKey?: LatestPerKeySummary;
}

export interface LatestPerKeySummary {
  /** Distinct keys seen (tombstoned ones included). */
  keys: number;
  /** Keys whose latest message is a tombstone (shown or not, as asked). */
  tombstones: number;
  /** Messages without a key (a compacted topic has none; they are left out). */
  unkeyed: number;
  /** The read stopped at MAX_LATEST_KEYS keys (or their memory): the view holds the keys seen until then. */
  capped: boolean;
}

export const MAX_SEARCH_MATCHES = 1_000_000;
/** The most keys a compacted view keeps (main's memory is bounded; it says when a topic has more). */
export const MAX_LATEST_KEYS = 200_000;

const ReadTarget = WithConnection.extend({
  runId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
  topic: TopicName,
  partitions: z.array(PartitionId).max(10_000).nullable().default(null),
  filter: MessageFilter,
});

export const messageStreamCalls = {
  /**
   * Reads a range (oldest first per partition, partitions in parallel) and streams the matches
   * as `messages.batch` events with progress; resolves when the range is read, `limit`
   * messages matched, or the call is cancelled (then `cancelled: true`, not an error).
   */
  'messages.search': defineCall<SearchSummary>()(
    ReadTarget.extend({
      position: StartPosition,
      limit: z.number().int().min(1).max(MAX_SEARCH_MATCHES).default(10_000),
      /**
       * A compacted view: the whole range is read and only the latest message of each key is
       * sent (at the end), with tombstones or without; at most MAX_LATEST_KEYS keys.
       */
      latestPerKey: z.object({ tombstones: z.boolean().default(true) }).nullable().default(null),
      /**
       * How many messages the window keeps (its buffer): main pushes the first `keep` matches and
       * then only the newest `keep`, counting the others in `skipped`. Absent: every match is pushed.
       */
      keep: z.number().int().min(1).max(MAX_SEARCH_MATCHES).optional(),
    }),
  ),
  /**
   * Follows new messages from the end of the chosen partitions until cancelled or the
   * connection closes; matches arrive as `messages.batch` events.
   */
  'messages.tail': defineCall<SearchSummary>()(
    ReadTarget.extend({
      /** Where a paused tail stopped (the progress' positions); other partitions start at their end. */
      resumeFrom: z.array(z.object({ partition: PartitionId, offset: OffsetString })).max(10_000).nullable().default(null),
    }),
  ),
};

/** A file name as suggested by the window: no folders, no control characters (main picks the folder). */
export const SuggestedFileName = z
  .string()
  .min(1)
  .max(200)
  .refine((n) => n !== '.' && n !== '..' && !/[/\\]/.test(n) && ![...n].some((c) => c.charCodeAt(0) < 0x20), 'a file name without folders or control characters');

export const ExportFormat = z.enum(['ndjson', 'json', 'csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/**
 * Offsets of one partition, compactly: starting at `from`, `runs` alternates how many offsets
 * are taken and how many are skipped ([taken, skipped, taken, …]). A contiguous read is one
 * number; a filtered read costs two small numbers per gap (see shared/messages/offset-runs.ts).
 */
export const OffsetRuns = z.object({
  partition: PartitionId,
  from: OffsetString,
  runs: z.array(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)).min(1).max(2_000_000),
});
export type OffsetRuns = z.infer<typeof OffsetRuns>;

/** Where a file written by main went; `path` is null when the user cancelled the save dialog. */
export interface SavedFile {
  path: string | null;
  bytes: number;
}

export interface ExportResult extends SavedFile {
  runId: string;
  /** Messages written. */
  messages: number;
  /** Offsets asked for that the log no longer holds (deleted by retention or compaction). */
  missing: number;
  /** Cancelled part-way: nothing was kept (the file is written under a temporary name first). */
  cancelled: boolean;
}

/** The largest message `messages.get` sends to the window whole (bigger: save it to a file). */
export const MAX_WHOLE_MESSAGE_BYTES = 8 * 1024 * 1024;

/** One part of a message saved to a file, byte for byte. */
export const MessagePart = z.union([z.literal('key'), z.literal('value'), z.object({ header: z.number().int().min(0).max(10_000) })]);
export type MessagePart = z.infer<typeof MessagePart>;

const OneMessage = WithConnection.extend({ topic: TopicName, partition: PartitionId, offset: OffsetString });

export const messageFileCalls = {
  /**
   * Writes the chosen messages to a file, whole (never the window's previews): main reads them
   * again from the broker, partition by partition in offset order, and streams them to disk.
   * The file goes where the user picks in a save dialog (Electron) or into the export folder
   * (browser mode: KAFKA_EXPLORER_EXPORT_DIR, else ~/Downloads). Cancellable; nothing is kept then.
   */
  'messages.export': defineCall<ExportResult>()(
    WithConnection.extend({
      runId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
      topic: TopicName,
      format: ExportFormat,
      fileName: SuggestedFileName,
      selection: z.array(OffsetRuns).max(10_000),
      /** Schema-encoded keys and values as their decoded JSON (with the schema named), instead of their bytes. */
      decoded: z.boolean().default(false),
    }),
  ),
  /** One message with its whole key, value and headers (no preview cut), up to MAX_WHOLE_MESSAGE_BYTES. */
  /** One message whole; schema-framed parts decoded unless `raw` asks for the bytes as written. */
  'messages.get': defineCall<MessageView>()(OneMessage.extend({ raw: z.boolean().default(false) })),
  /** Saves one part of a message (key, value or a header value) to a file, byte for byte. */
  'messages.saveValue': defineCall<SavedFile>()(OneMessage.extend({ part: MessagePart, fileName: SuggestedFileName })),
};

export const messageEvents = {
  'messages.batch': defineEvent<MessagesBatch>(),
};
