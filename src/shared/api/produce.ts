import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { PartitionId, TopicName, WithConnection } from './common';

/** How a key, value or header text is turned into bytes. Text and JSON may hold {{placeholders}}. */
export const PayloadFormat = z.enum(['text', 'json', 'hex', 'base64']);
export type PayloadFormat = z.infer<typeof PayloadFormat>;

const MAX_PAYLOAD = 10 * 1024 * 1024;

/**
 * A registered schema to encode a payload with: a subject (named by any strategy: TopicName
 * `<topic>-value`, RecordName `<full name>`, TopicRecordName `<topic>-<full name>`), one of its
 * versions or the latest, and for Protobuf the message type (else the file's first).
 * Sent in Confluent wire format (magic byte, schema id, Protobuf message indexes, body).
 */
export const RegistrySchemaChoice = z.object({
  subject: z.string().min(1, 'choose a schema subject').max(1024),
  version: z.union([z.number().int().min(1), z.literal('latest')]).default('latest'),
  messageType: z.string().min(1).max(1024).optional(),
});
export type RegistrySchemaChoice = z.output<typeof RegistrySchemaChoice>;

/**
 * A type from the connection's local schema files (an .avsc record, a .proto or descriptor-set
 * message, by full name). A local schema has no registry id, so the bytes are the plain Avro
 * binary or Protobuf message, unframed: what reading a topic mapped to that type decodes.
 */
export const LocalSchemaChoice = z.object({ local: z.string().min(1, 'choose a local schema type').max(1024) });
export type LocalSchemaChoice = z.output<typeof LocalSchemaChoice>;

/** What a schema payload is encoded with: a registry subject's version, or a local type. */
export const SchemaChoice = z.union([LocalSchemaChoice, RegistrySchemaChoice]);
export type SchemaChoice = z.output<typeof SchemaChoice>;

const PlainPayload = z.object({ format: PayloadFormat, text: z.string().max(MAX_PAYLOAD) });
/** JSON text (may hold {{placeholders}}) encoded with a schema: a registered one (Confluent wire format) or a local type (plain bytes). */
const SchemaPayload = z.object({ format: z.literal('schema'), text: z.string().max(MAX_PAYLOAD), schema: SchemaChoice });

/** null means a null key, or a null value (a tombstone). */
export const Payload = z.discriminatedUnion('format', [PlainPayload, SchemaPayload]).nullable();
export type Payload = z.infer<typeof Payload>;

/** NDJSON and plain-line imports: encode each line's key and/or value with a schema (none by default). */
export const ImportSchemas = z
  .object({ key: SchemaChoice.nullable().default(null), value: SchemaChoice.nullable().default(null) })
  .default({ key: null, value: null });
export type ImportSchemas = z.output<typeof ImportSchemas>;

export const MessageDraft = z.object({
  key: Payload,
  value: Payload,
  headers: z.array(z.object({ key: z.string().min(1, 'header key is empty').max(1000), value: z.string().max(1024 * 1024) })).max(200).default([]),
  /** null: by key with Kafka's murmur2 partitioner (round-robin for null keys). */
  partition: PartitionId.nullable().default(null),
  /** Create time in epoch ms; null: now. */
  timestamp: z.number().int().min(0).max(8_640_000_000_000_000).nullable().default(null),
});
export type MessageDraftInput = z.input<typeof MessageDraft>;
export type MessageDraft = z.output<typeof MessageDraft>;

export const Compression = z.enum(['none', 'gzip', 'snappy', 'lz4', 'zstd']);
export type Compression = z.infer<typeof Compression>;
export const Acks = z.enum(['all', 'leader', 'none']);
export type Acks = z.infer<typeof Acks>;

export const SendOptions = z.object({ compression: Compression.default('none'), acks: Acks.default('all') }).default({ compression: 'none', acks: 'all' });
export type SendOptions = z.output<typeof SendOptions>;

export interface SendResult {
  topic: string;
  partition: number;
  /** null with acks=none: the broker does not answer. */
  offset: string | null;
  /** Epoch ms: the create time sent, or the broker's log-append time. */
  timestamp: string;
  timestampType: 'CreateTime' | 'LogAppendTime';
}

export interface BurstSummary {
  runId: string;
  sent: number;
  failed: number;
  /** Failures grouped by the broker's (or the template's) reason. */
  errors: { reason: string; count: number }[];
  perPartition: { partition: number; count: number }[];
  elapsedMs: number;
  cancelled: boolean;
}

export interface ProduceProgress {
  runId: string;
  sent: number;
  failed: number;
  total: number;
  /** Messages per second over the last interval. */
  ratePerSecond: number;
  elapsedMs: number;
}

/** What a file will send, checked by main's own import code before anything is sent. */
export interface ImportPreview {
  /** Non-blank lines: one message each. */
  total: number;
  /** Lines the import would refuse (counted as failed, not sent). */
  invalid: number;
  /** The first refused line and the reason the import would give. */
  firstInvalid: { line: number; reason: string } | null;
  /** The first few lines as they are in the file (long ones cut). */
  sample: { line: number; text: string }[];
}

export const RunId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** Largest burst sent without `confirmed: true` (the UI asks first). */
export const LARGE_BURST = 100_000;

export const Template = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1, 'give the template a name').max(200),
  topic: z.string().max(249).nullable().default(null),
  message: MessageDraft,
  builtIn: z.boolean().default(false),
});
export type Template = z.output<typeof Template>;

export interface HistoryEntry {
  topic: string;
  message: MessageDraft;
  result: SendResult;
  sentAt: string;
}

const Target = WithConnection.extend({ topic: TopicName, options: SendOptions });

export const produceCalls = {
  /** One message; the result names its partition and offset. */
  'produce.send': defineCall<SendResult>()(Target.extend({ message: MessageDraft }), { write: true }),
  /** N copies of a templated message, at full speed or a given rate; progress as `produce.progress`. */
  'produce.burst': defineCall<BurstSummary>()(
    Target.extend({
      runId: RunId,
      message: MessageDraft,
      count: z.number().int().min(1).max(10_000_000),
      ratePerSecond: z.number().int().min(1).max(1_000_000).nullable().default(null),
      /** Required above LARGE_BURST messages. */
      confirmed: z.boolean().default(false),
    }),
    { write: true },
  ),
  /**
   * A file's content: NDJSON ({key, value, headers, partition, timestamp} per line; binary as base64
   * with keyEncoding/valueEncoding, as the Messages export writes it) or one value per line.
   * `keep`: take each line's partition (default) and timestamp (create time) from the file.
   */
  'produce.import': defineCall<BurstSummary>()(
    Target.extend({
      runId: RunId,
      format: z.enum(['ndjson', 'lines']),
      content: z.string().max(64 * 1024 * 1024, 'files up to 64 MiB'),
      keep: z.object({ partition: z.boolean().default(true), timestamp: z.boolean().default(false) }).default({ partition: true, timestamp: false }),
      /** Encode each line's value (NDJSON: and key) with these schemas; a string there is the value's JSON text. */
      schemas: ImportSchemas,
    }),
    { write: true },
  ),
  /** Checks a file as `produce.import` would and sends nothing: the Produce page shows it before the user sends. */
  'produce.importPreview': defineCall<ImportPreview>()(
    WithConnection.extend({
      topic: TopicName,
      format: z.enum(['ndjson', 'lines']),
      content: z.string().max(64 * 1024 * 1024, 'files up to 64 MiB'),
      keep: z.object({ partition: z.boolean().default(true), timestamp: z.boolean().default(false) }).default({ partition: true, timestamp: false }),
      /** Encode each line's value (NDJSON: and key) with these schemas; a string there is the value's JSON text. */
      schemas: ImportSchemas,
    }),
  ),
  /** Recently sent messages to this cluster, newest first. */
  'produce.history': defineCall<HistoryEntry[]>()(WithConnection),
  'produce.templates.list': defineCall<Template[]>()(z.object({})),
  /** Saves (or replaces, by id) a named template: user data, not the cluster. */
  'produce.templates.save': defineCall<Template[]>()(z.object({ template: Template })),
  'produce.templates.delete': defineCall<Template[]>()(z.object({ id: z.string().min(1).max(64) })),
  /** Adds templates from an exported JSON document (same ids are replaced). */
  'produce.templates.import': defineCall<Template[]>()(z.object({ json: z.string().max(10 * 1024 * 1024) })),
};

export const produceEvents = {
  'produce.progress': defineEvent<ProduceProgress>(),
};
