import type { CopyOptions, CopyPreview, CopyPreviewMessage, CopyProgress, CopySource, CopySummary, RedriveOptions, WrittenRange } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { KafkaClient } from '../../kafka/client';
import type { RawRecord } from '../../kafka/ports/messages';
import type { SchemaDecoder } from '../../schemas/schema-decoder';
import { textOrBase64 } from '../messages/export-format';
import { maskForCopy, type CopyMasking, type MaskedForCopy } from './mask-for-copy';
import { planSource, readSource } from './read-source';
import { recordRewriter, type CopyRecord, type Planned } from './rewrite-record';
import { sendLanes } from './send-lanes';

export interface CopyEnds {
  source: { client: KafkaClient; topic: string; schemas?: SchemaDecoder };
  /** The target connection's client (never a read-only one: the handler refuses those first). */
  target: { client: KafkaClient; topic: string | null };
}

export interface CopyJob {
  runId: string;
  source: CopySource;
  options: CopyOptions;
  redrive: RedriveOptions | null;
  signal: AbortSignal;
  onProgress(progress: CopyProgress): void;
  /** The source connection's masking rules, applied to every record before it is rewritten, sent or previewed. */
  mask?: CopyMasking;
}

const PROGRESS_EVERY_MS = 100;
/** Rounds being sent at once (each at most 16 partitions × 1 MiB): enough that the broker always has the next send queued. */
const ROUNDS_IN_FLIGHT = 2;

/**
 * Copies a topic's range or chosen offsets to a target topic as a pipeline: up to two rounds
 * being sent (send-lanes.ts: one request in flight per target partition, all partitions at
 * once), the next rewritten (rewrite-record.ts), the one after fetched. So memory holds about
 * four rounds (each at most 16 partitions × 1 MiB) whatever the range, and every target
 * partition gets its records in source order.
 */
export async function runCopy(ends: CopyEnds, job: CopyJob): Promise<CopySummary> {
  const started = Date.now();
  const plan = await planSource(ends.source.client, ends.source.topic, job.source);
  const rewriter = recordRewriter({ sourceTopic: ends.source.topic, targetTopic: ends.target.topic, options: job.options, redrive: job.redrive });
  const counts = partitionCounts(ends.target.client);
  const errors = new Map<string, number>();
  const skips = new Map<string, number>();
  const written = new Map<string, WrittenRange>();
  let scanned = 0;
  let sent = 0;
  let failed = 0;
  let skipped = 0;
  let bytes = 0;
  const tally = (map: Map<string, number>, reason: string, n: number) => map.set(reason, (map.get(reason) ?? 0) + n);
  const fail = (reason: string, n: number) => {
    failed += n;
    tally(errors, reason, n);
  };

  let lastEmit = 0;
  let last = { at: started, sent: 0, bytes: 0 };
  let rate = { messages: 0, bytes: 0 };
  const progress = (force = false): CopyProgress => {
    const now = Date.now();
    if (now - last.at >= PROGRESS_EVERY_MS || force) {
      const ms = Math.max(1, now - last.at);
      rate = { messages: Math.round(((sent - last.sent) * 1000) / ms), bytes: Math.round(((bytes - last.bytes) * 1000) / ms) };
      last = { at: now, sent, bytes };
    }
    const p: CopyProgress = { runId: job.runId, scanned, sent, failed, skipped, total: plan.total, ratePerSecond: rate.messages, bytesPerSecond: rate.bytes, elapsedMs: now - started };
    if (force || now - lastEmit >= PROGRESS_EVERY_MS) {
      lastEmit = now;
      job.onProgress(p);
    }
    return p;
  };

  const filter = job.source.kind === 'range' ? job.source.filter : null;
  const limit = job.source.kind === 'range' ? job.source.limit : null;
  const lanes = sendLanes(
    (topic, list) => ends.target.client.produce(topic, list, { compression: job.options.compression, acks: job.options.acks }),
    (outcome) => {
      if ('error' in outcome) return fail(reasonOf(outcome.error, outcome.topic), outcome.records.length);
      sent += outcome.records.length;
      for (const r of outcome.records) bytes += (r.key?.length ?? 0) + (typeof r.value === 'string' ? Buffer.byteLength(r.value) : (r.value?.length ?? 0));
      noteWritten(written, outcome.topic, outcome.records, outcome.acks);
      progress();
    },
  );
  // Rounds handed to the lanes and not yet all sent: at most ROUNDS_IN_FLIGHT, which bounds memory.
  const sending: Promise<void>[] = [];
  for await (const read of readSource(ends.source.client, ends.source.topic, plan, { filter, limit, signal: job.signal, schemas: ends.source.schemas })) {
    scanned += read.scanned;
    const records = await masked(read.records, ends, job);
    await counts.ensure(job.redrive?.topicHeader ? records.flatMap((m) => ('record' in m ? [rewriter.topicOf(m.record)] : [])) : [ends.target.topic]);
    const byTopic = new Map<string, CopyRecord[]>();
    for (const m of records) {
      const planned = 'record' in m ? rewriter.rewrite(m.record, counts.get) : m;
      if ('skipped' in planned) {
        skipped++;
        tally(skips, planned.skipped, 1);
      } else if ('failed' in planned) {
        fail(planned.failed, 1);
      } else {
        const list = byTopic.get(planned.record.topic);
        if (list) list.push(planned.record);
        else byTopic.set(planned.record.topic, [planned.record]);
      }
    }
    // This round is rewritten (and the next fetched) while earlier ones are still being sent.
    while (sending.length >= ROUNDS_IN_FLIGHT) await sending.shift();
    sending.push(lanes.push(byTopic));
    progress();
  }
  await Promise.all(sending);
  const end = progress(true);
  const ms = Math.max(1, Date.now() - started);
  return {
    ...end,
    ratePerSecond: Math.round((sent * 1000) / ms),
    errors: sorted(errors),
    skips: sorted(skips),
    written: [...written.values()].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
    cancelled: job.signal.aborted,
  };
}

/** The first `count` source records exactly as the copy would write them (or why not); nothing is sent. */
export async function previewCopy(ends: CopyEnds, job: Omit<CopyJob, 'runId' | 'onProgress'>, count: number): Promise<CopyPreview> {
  const plan = await planSource(ends.source.client, ends.source.topic, job.source);
  const rewriter = recordRewriter({ sourceTopic: ends.source.topic, targetTopic: ends.target.topic, options: job.options, redrive: job.redrive });
  const counts = partitionCounts(ends.target.client);
  const filter = job.source.kind === 'range' ? job.source.filter : null;
  const limit = Math.min(count, job.source.kind === 'range' && job.source.limit !== null ? job.source.limit : count);
  const messages: CopyPreviewMessage[] = [];
  for await (const read of readSource(ends.source.client, ends.source.topic, plan, { filter, limit: limit - messages.length, signal: job.signal, schemas: ends.source.schemas })) {
    const records = await masked(read.records, ends, job);
    await counts.ensure(records.flatMap((m) => ('record' in m ? [rewriter.topicOf(m.record)] : [])));
    read.records.forEach((r, i) => {
      const m = records[i]!;
      messages.push('record' in m ? previewOf(m.record, rewriter.rewrite(m.record, counts.get)) : previewOf(r, m, true));
    });
    if (messages.length >= limit) break;
  }
  return { messages, inRange: plan.total };
}

/** A round's records as masking leaves them (as they were when the source's profile has no rule for the topic). */
async function masked(records: RawRecord[], ends: CopyEnds, job: Pick<CopyJob, 'mask'>): Promise<MaskedForCopy[]> {
  const masker = job.mask?.(ends.source.topic) ?? null;
  return masker ? maskForCopy(records, ends.source.topic, masker, ends.source.schemas) : records.map((record) => ({ record }));
}

/** @param hide the record failed masking: its bytes are not shown, only why it will not be written. */
function previewOf(r: RawRecord, planned: Planned, hide = false): CopyPreviewMessage {
  const bytes = (b: Buffer | string | null) => {
    if (b === null) return null;
    const buf = typeof b === 'string' ? Buffer.from(b, 'utf8') : b;
    // A preview, not the whole: long values are cut (the copy sends them whole).
    const shown = textOrBase64(buf.length > PREVIEW_BYTES ? buf.subarray(0, PREVIEW_BYTES) : buf);
    return { encoding: shown.encoding!, data: shown.data!, size: buf.length };
  };
  const from = { partition: r.partition, offset: r.offset };
  if (!('record' in planned)) {
    const shown = hide ? { key: null, value: null } : { key: bytes(r.key), value: bytes(r.value) };
    return { from, topic: null, partition: null, timestamp: r.timestamp, ...shown, headers: [], skipped: 'skipped' in planned ? planned.skipped : planned.failed };
  }
  const w = planned.record;
  return { from, topic: w.topic, partition: w.partition, timestamp: String(w.timestamp), key: bytes(w.key), value: bytes(w.value), headers: w.headers.map((h) => ({ key: h.key, value: bytes(h.value)! })) };
}

const PREVIEW_BYTES = 2048;

/** Target topics' partition counts, looked up once each (undefined: the topic does not exist there). */
function partitionCounts(client: KafkaClient) {
  const known = new Map<string, number | undefined>();
  return {
    get: (topic: string) => known.get(topic),
    async ensure(topics: (string | null)[]) {
      for (const topic of new Set(topics)) {
        if (topic === null || known.has(topic) || !/^[a-zA-Z0-9._-]{1,249}$/.test(topic)) continue;
        try {
          const [meta] = await client.fetchMetadata([topic]);
          known.set(topic, meta && meta.partitions.length > 0 ? meta.partitions.length : undefined);
        } catch (error) {
          if (AppError.is(error) && error.code === 'UNKNOWN_TOPIC_OR_PARTITION') known.set(topic, undefined);
          else throw error;
        }
      }
    },
  };
}

/** Each send's acks: the first offset per partition; the send's records there follow it. */
function noteWritten(written: Map<string, WrittenRange>, topic: string, list: CopyRecord[], acks: { partition: number; baseOffset: string | null }[]) {
  const perPartition = new Map<number, number>();
  for (const r of list) perPartition.set(r.partition, (perPartition.get(r.partition) ?? 0) + 1);
  for (const ack of acks) {
    const n = perPartition.get(ack.partition) ?? 0;
    if (ack.baseOffset === null || n === 0) continue;
    const id = `${topic}\u0000${ack.partition}`;
    const lastOffset = (BigInt(ack.baseOffset) + BigInt(n - 1)).toString();
    const range = written.get(id);
    if (range) {
      range.last = lastOffset;
      range.count += n;
    } else written.set(id, { topic, partition: ack.partition, first: ack.baseOffset, last: lastOffset, count: n });
  }
}

function reasonOf(error: unknown, topic: string): string {
  if (AppError.is(error)) return error.code === 'UNKNOWN_TOPIC_OR_PARTITION' ? `Topic ${topic} does not exist on the target cluster` : error.message;
  return error instanceof Error ? error.message : String(error);
}

function sorted(map: Map<string, number>): { reason: string; count: number }[] {
  return [...map].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}
