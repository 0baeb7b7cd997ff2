import { z } from 'zod';
import { LARGE_BURST, Template, type BurstSummary, type HistoryEntry, type MessageDraft, type ProduceProgress, type SendOptions, type SendResult } from '../../../shared/api';
import { appError, AppError, ErrorCode } from '../../../shared/errors';
import { TemplateError } from '../../../shared/produce/template';
import type { KafkaClient } from '../../kafka/client';
import type { JsonStore } from '../../storage/json-store';
import { runBurst } from './burst';
import { importedRecords } from './import-file';
import { messageFactory } from './message-factory';
import { BUILT_IN_TEMPLATES, withHistoryEntry, type ProduceDocument } from './produce-store';

type Options = NonNullable<SendOptions>;

export interface Target {
  client: KafkaClient;
  /** Identifies the cluster for the history (its bootstrap list). */
  clusterKey: string;
  topic: string;
  options: Options;
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
    const record = invalidInput(() => messageFactory(draft, partitions)(1));
    let acks;
    try {
      acks = await target.client.produce(target.topic, [record], target.options);
    } catch (error) {
      throw await this.explain(error, target, (typeof record.value === 'string' ? Buffer.byteLength(record.value) : (record.value?.length ?? 0)) + (record.key?.length ?? 0));
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
    const record = invalidInput(() => messageFactory(draft, partitions));
    // Fail fast on a template that cannot render at all, instead of counting a million failures.
    invalidInput(() => record(1));
    return runBurst(target.client, { ...ctx, topic: target.topic, total: count, record, ratePerSecond, options: target.options });
  }

  async importFile(target: Target, format: 'ndjson' | 'lines', content: string, ctx: StreamContext): Promise<BurstSummary> {
    const partitions = await this.partitionCount(target);
    const file = importedRecords(content, format, partitions);
    if (file.total === 0) throw appError(ErrorCode.Validation, 'The file has no messages (it is empty or only blank lines).');
    return runBurst(target.client, { ...ctx, topic: target.topic, total: file.total, record: file.record, ratePerSecond: null, options: target.options });
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

  private async partitionCount(target: Target): Promise<number> {
    const [topic] = await target.client.fetchMetadata([target.topic]);
    if (!topic || topic.partitions.length === 0) {
      throw appError('UNKNOWN_TOPIC_OR_PARTITION', `Topic ${target.topic} does not exist.`, { name: 'KafkaProtocolError', hint: 'Pick an existing topic, or create it first.' });
    }
    return topic.partitions.length;
  }

  /** Adds what the broker's error code alone does not say, e.g. the size limit that was exceeded. */
  private async explain(error: unknown, target: Target, size: number): Promise<unknown> {
    if (!AppError.is(error)) return error;
    const config = (name: string) => target.client.topicConfig(target.topic, name).catch(() => null);
    const data = error.toData();
    if (error.code === 'MESSAGE_TOO_LARGE') {
      const limit = await config('max.message.bytes');
      data.message = `Message too large: about ${size.toLocaleString('en')} bytes, and ${target.topic} accepts at most ${limit ? `${Number(limit).toLocaleString('en')} bytes (max.message.bytes)` : 'its max.message.bytes'}.`;
    } else if (error.code === 'NOT_ENOUGH_REPLICAS' || error.code === 'NOT_ENOUGH_REPLICAS_AFTER_APPEND') {
      // acks=all needs min.insync.replicas replicas in sync; say how many the topic asks for.
      const min = await config('min.insync.replicas');
      data.message = `Not enough in-sync replicas: ${target.topic} needs ${min ? `min.insync.replicas=${min}` : 'more in-sync replicas'} for acks=all, and fewer are in sync.`;
      data.hint = 'A broker holding a replica is probably down; send with acks=leader to write anyway, or bring the broker back.';
    } else {
      return error;
    }
    return new AppError(data);
  }
}

function invalidInput<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof TemplateError) throw appError(ErrorCode.Validation, error.message, { name: 'TemplateError' });
    throw error;
  }
}
