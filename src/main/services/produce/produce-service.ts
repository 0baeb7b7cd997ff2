import { z } from 'zod';
import { LARGE_BURST, Template, type BurstSummary, type HistoryEntry, type ImportPreview, type ImportSchemas, type MessageDraft, type ProduceProgress, type SendOptions, type SendResult } from '../../../shared/api';
import { appError, AppError, ErrorCode, type AppErrorData } from '../../../shared/errors';
import { TemplateError } from '../../../shared/produce/template';
import { WRITTEN_UNCONFIRMED } from '../../../shared/produce/send-failure';
import type { KafkaClient } from '../../kafka/client';
import type { ProducerPort } from '../../kafka/ports/producer';
import type { JsonStore } from '../../storage/json-store';
import { runBurst } from './burst';
import { hasText, importedRecords, type ImportKeep } from './import-file';
import { BLOCK_CHARS } from './import-block';
import { ImportPool } from './import-pool';
import { BURST_BLOCK, checkImportInPool, runImport, runPooledBurst } from './import-run';
import type { SchemaEncoder } from '../../schemas/schema-encoder';
import { checkLines } from './check-lines';
import { messageFactory, SchemaValueError } from './message-factory';
import { resolveDraftSchemas, resolveImportSchemas } from './payload-schemas';
import { BUILT_IN_TEMPLATES, withHistoryEntry, type ProduceDocument } from './produce-store';

type Options = NonNullable<SendOptions>;

export interface Target {
  client: KafkaClient;
  /** Identifies the cluster for the history (its bootstrap list). */
  clusterKey: string;
  topic: string;
  options: Options;
  /** The connection's schema cache (its registry), for schema-format keys and values. */
  schemas: SchemaEncoder;
}

export interface StreamContext {
  runId: string;
  signal: AbortSignal;
  onProgress(progress: ProduceProgress): void;
}

/** Producing test events: one message, templated bursts, imported files; history and templates. */
export class ProduceService {
  constructor(private readonly store: JsonStore<ProduceDocument>) {}

  async send(target: Target, draft: MessageDraft): Promise<SendResult> {
    const partitions = await this.partitionCount(target);
    const schemas = await resolveDraftSchemas(target.schemas, draft);
    const record = invalidInput(() => messageFactory(draft, partitions, schemas)(1));
    let acks;
    try {
      acks = await target.client.produce(target.topic, [record], target.options);
    } catch (error) {
      const size = (typeof record.value === 'string' ? Buffer.byteLength(record.value) : (record.value?.length ?? 0)) + (record.key?.length ?? 0);
      throw await explainFailure(error, target.topic, topicConfigLookup(target), size);
    }
    const ack = acks.find((a) => a.partition === record.partition);
    const result: SendResult = {
      topic: target.topic,
      partition: record.partition,
      offset: ack?.baseOffset ?? null,
      timestamp: ack?.logAppendTime ?? String(record.timestamp),
      timestampType: ack?.logAppendTime ? 'LogAppendTime' : 'CreateTime',
    };
    const entry: HistoryEntry = { topic: target.topic, message: draft, result, sentAt: new Date().toISOString() };
    await this.store.update((doc) => withHistoryEntry(doc, target.clusterKey, entry));
    return result;
  }

  async burst(target: Target, draft: MessageDraft, count: number, ratePerSecond: number | null, confirmed: boolean, ctx: StreamContext): Promise<BurstSummary> {
    if (count > LARGE_BURST && !confirmed) {
      throw appError(ErrorCode.Validation, `Sending ${count.toLocaleString('en')} messages needs confirmation.`, { name: 'ConfirmationRequired', hint: 'Confirm the burst in the dialog to send it.' });
    }
    const partitions = await this.partitionCount(target);
    const schemas = await resolveDraftSchemas(target.schemas, draft);
    const record = invalidInput(() => messageFactory(draft, partitions, schemas));
    // Fail fast on a template that cannot render at all, instead of counting a million failures.
    invalidInput(() => record(1));
    // A big full-speed burst without schemas is built and encoded in worker threads (import-pool.ts).
    const pool = !schemas.key && !schemas.value && ratePerSecond === null && count > BURST_BLOCK ? ImportPool.shared() : null;
    if (pool) return runPooledBurst(this.explaining(target), { ...ctx, topic: target.topic, draft, count, partitionCount: partitions, options: target.options }, pool);
    return runBurst(this.explaining(target), { ...ctx, topic: target.topic, total: count, record, ratePerSecond, options: target.options });
  }

  async importFile(target: Target, format: 'ndjson' | 'lines', content: string, keep: ImportKeep, ctx: StreamContext, schemas: ImportSchemas = { key: null, value: null }): Promise<BurstSummary> {
    const partitions = await this.partitionCount(target);
    const resolved = await resolveImportSchemas(target.schemas, schemas);
    if (!resolved.key && !resolved.value) {
      if (!hasText(content)) throw noMessages();
      // A file bigger than a block is read and encoded in worker threads (import-pool.ts).
      const pool = content.length > BLOCK_CHARS ? ImportPool.shared() : null;
      return runImport(this.explaining(target), { ...ctx, topic: target.topic, content, format, partitionCount: partitions, keep, options: target.options }, pool);
    }
    const file = importedRecords(content, format, partitions, keep, resolved);
    if (file.total === 0) throw noMessages();
    return runBurst(this.explaining(target), { ...ctx, topic: target.topic, total: file.total, record: file.record, ratePerSecond: null, ordered: true, options: target.options });
  }

  /**
   * Runs a file through the import's own line reader without sending: every line the import
   * would refuse is counted, the first named with the same reason the send would give.
   */
  async previewImport(
    target: Pick<Target, 'client' | 'topic' | 'schemas'>,
    format: 'ndjson' | 'lines',
    content: string,
    keep: ImportKeep,
    schemas: ImportSchemas = { key: null, value: null },
  ): Promise<ImportPreview> {
    // The file is about to be sent: start the import's workers while the user looks at the preview.
    const pool = content.length > BLOCK_CHARS ? ImportPool.shared() : null;
    pool?.warm();
    const partitions = await this.partitionCount(target);
    const resolved = await resolveImportSchemas(target.schemas, schemas);
    const sample = sampleLines(content);
    if (pool && !resolved.key && !resolved.value) {
      // A worker that fails leaves the check to main, as the import leaves it the encoding.
      const checked = await checkImportInPool({ content, format, partitionCount: partitions, keep }, pool).catch(() => null);
      if (checked) return { ...checked, sample };
    }
    const file = importedRecords(content, format, partitions, keep, resolved);
    return { total: file.total, ...(await checkLines(file)), sample };
  }

  async history(clusterKey: string): Promise<HistoryEntry[]> {
    return (await this.store.read()).history[clusterKey] ?? [];
  }

  async templates(): Promise<Template[]> {
    return [...BUILT_IN_TEMPLATES, ...(await this.store.read()).templates];
  }

  async saveTemplate(template: Template): Promise<Template[]> {
    if (BUILT_IN_TEMPLATES.some((t) => t.id === template.id)) throw appError(ErrorCode.Validation, 'Built-in templates cannot be changed: save it under a new name.');
    await this.store.update((doc) => ({ ...doc, templates: [...doc.templates.filter((t) => t.id !== template.id), { ...template, builtIn: false }] }));
    return this.templates();
  }

  async deleteTemplate(id: string): Promise<Template[]> {
    await this.store.update((doc) => ({ ...doc, templates: doc.templates.filter((t) => t.id !== id) }));
    return this.templates();
  }

  async importTemplates(json: string): Promise<Template[]> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (error) {
      throw appError(ErrorCode.Validation, `Not a JSON file: ${(error as Error).message}`);
    }
    const list = z.array(Template).safeParse(Array.isArray(parsed) ? parsed : (parsed as { templates?: unknown })?.templates);
    if (!list.success) throw appError(ErrorCode.Validation, `Not a template export: ${list.error.issues[0]?.path.join('.')} ${list.error.issues[0]?.message}`);
    const incoming = list.data.filter((t) => !t.builtIn).map((t) => ({ ...t, builtIn: false }));
    await this.store.update((doc) => ({ ...doc, templates: [...doc.templates.filter((t) => !incoming.some((i) => i.id === t.id)), ...incoming] }));
    return this.templates();
  }

  private async partitionCount(target: Pick<Target, 'client' | 'topic'>): Promise<number> {
    let topic;
    try {
      [topic] = await target.client.fetchMetadata([target.topic]);
    } catch (error) {
      // The metadata names a deleted topic's code ("Topic t: UNKNOWN_TOPIC_OR_PARTITION"): say it in words.
      if (AppError.is(error) && error.code === UNKNOWN_TOPIC) throw topicMissing(target.topic);
      throw error;
    }
    if (!topic || topic.partitions.length === 0) throw topicMissing(target.topic);
    return topic.partitions.length;
  }

  /**
   * The client, with each failed send of a burst or import explained as a single send's is. The
   * topic's configs are looked up once per run, and the reason does not vary by batch, so
   * failures group as one.
   */
  private explaining(target: Target): ProducerPort {
    const client = target.client;
    const config = topicConfigLookup(target, new Map());
    const explain = async (error: unknown): Promise<never> => {
      throw await explainFailure(error, target.topic, config);
    };
    return {
      topicConfig: (topic, name) => client.topicConfig(topic, name),
      // No await here: the records are not held while the request is out (see the producer).
      produce: (topic, records, options) => client.produce(topic, records, options).catch(explain),
      produceBatches: (topic, batches, options) => client.produceBatches(topic, batches, options).catch(explain),
    };
  }
}

/** The target topic's config `name`, null when it cannot be read; each name looked up once with a cache. */
function topicConfigLookup(target: Target, cache?: Map<string, Promise<string | null>>): (name: string) => Promise<string | null> {
  const look = (name: string) => target.client.topicConfig(target.topic, name).catch(() => null);
  if (!cache) return look;
  return (name) => {
    let value = cache.get(name);
    if (!value) cache.set(name, (value = look(name)));
    return value;
  };
}

/**
 * Adds what the broker's error code alone does not say, e.g. the size limit that was exceeded, or
 * whether the message is in the topic. `size` is known for a single send only.
 */
async function explainFailure(error: unknown, topic: string, config: (name: string) => Promise<string | null>, size?: number): Promise<unknown> {
  if (!AppError.is(error)) return error;
  if (error.code === UNKNOWN_TOPIC) return topicMissing(topic);
  if (error.code === ErrorCode.Timeout) return new AppError(unanswered(error, topic));
  if (NOT_ENOUGH_REPLICAS.has(error.code)) return new AppError(notEnoughReplicas(error, topic, await config('min.insync.replicas')));
  if (error.code !== 'MESSAGE_TOO_LARGE') return error;
  const accepts = `${topic} accepts at most ${sizeLimit(await config('max.message.bytes'))}.`;
  const message = size === undefined ? `Message too large: ${accepts}` : `Message too large: about ${size.toLocaleString('en')} bytes, and ${accepts}`;
  return new AppError({ ...error.toData(), message });
}

const UNKNOWN_TOPIC = 'UNKNOWN_TOPIC_OR_PARTITION';
/** Codes that need the topic's min.insync.replicas to be explained. */
const NOT_ENOUGH_REPLICAS = new Set(['NOT_ENOUGH_REPLICAS', ...WRITTEN_UNCONFIRMED]);

/**
 * acks=all needs min.insync.replicas replicas in sync; say how many the topic asks for. The codes
 * differ in what matters most: NOT_ENOUGH_REPLICAS wrote nothing, while AFTER_APPEND and a
 * Produce's REQUEST_TIMED_OUT mean the leader had already written the records when the replicas
 * fell away or did not copy them in time, so sending again would write them twice.
 */
function notEnoughReplicas(error: AppError, topic: string, min: string | null): AppErrorData {
  const needs = `${topic} needs ${min ? `min.insync.replicas=${min}` : 'enough in-sync replicas'} for acks=all`;
  if (error.code === 'NOT_ENOUGH_REPLICAS') {
    return {
      ...error.toData(),
      message: `Not enough in-sync replicas: ${needs}, and fewer are in sync. Nothing was written.`,
      hint: 'A broker holding a replica is probably down: bring it back, or send with acks=leader to write to the leader alone (recent Kafka versions show it to readers only once enough replicas are in sync again).',
    };
  }
  const what = error.code === 'REQUEST_TIMED_OUT' ? 'but its replicas did not copy it within the request timeout, as' : 'then fewer replicas stayed in sync than';
  return {
    ...error.toData(),
    message: `The leader of ${topic} wrote the message, ${what} acks=all needs (${min ? `min.insync.replicas=${min}` : 'its min.insync.replicas'}). It is in the topic but not confirmed: it could be lost if that leader fails before the others copy it.`,
    hint: 'Sending it again would write it twice. Bring back the broker that is down so the replicas catch up; read the topic to check what was written.',
  };
}

/** The leader said nothing in time (not even its own timeout): whether it wrote is unknown, so no "try again". */
function unanswered(error: AppError, topic: string): AppErrorData {
  return {
    ...error.toData(),
    message: `The leader of ${topic} did not answer in time: the message may or may not have been written.`,
    hint: 'Read the topic before sending it again, or it may be written twice.',
  };
}

function noMessages(): AppError {
  return appError(ErrorCode.Validation, 'The file has no messages (it is empty or only blank lines).');
}

/** A topic that is not (or no longer) on the cluster, in one sentence; the code stays for the UI to act on. */
export function topicMissing(topic: string): AppError {
  return appError(UNKNOWN_TOPIC, `Topic ${topic} does not exist on this cluster: it may have been deleted.`, { name: 'KafkaProtocolError', hint: 'Pick another topic, or create this one again.' });
}

const SAMPLE_LINES = 3;
const SAMPLE_CHARS = 200;

/** The first few non-blank lines of a file, numbered as in the file, long ones cut. */
function sampleLines(content: string): ImportPreview['sample'] {
  const sample: ImportPreview['sample'] = [];
  let start = 0;
  for (let line = 1; start <= content.length && sample.length < SAMPLE_LINES; line++) {
    const end = content.indexOf('\n', start);
    const raw = content.slice(start, end < 0 ? content.length : end).replace(/\r$/, '');
    if (/\S/.test(raw)) sample.push({ line, text: raw.length > SAMPLE_CHARS ? `${raw.slice(0, SAMPLE_CHARS)}…` : raw });
    if (end < 0) break;
    start = end + 1;
  }
  return sample;
}

function sizeLimit(limit: string | null): string {
  return limit ? `${Number(limit).toLocaleString('en')} bytes (max.message.bytes)` : 'its max.message.bytes';
}

function invalidInput<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof TemplateError) throw appError(ErrorCode.Validation, error.message, { name: 'TemplateError' });
    // Refused before anything is sent, naming the field that does not fit.
    if (error instanceof SchemaValueError) throw appError('SCHEMA_MISMATCH', error.message, { name: 'SchemaMismatch', hint: 'Fix the field, or start again from the schema’s skeleton.' });
    throw error;
  }
}
