import type { CopyOptions, HeaderRewrite, RedriveOptions } from '../../../shared/api';
import { TopicName } from '../../../shared/api';
import { partitionForKey } from '../../../shared/produce/murmur2';
import type { RawRecord } from '../../kafka/ports/messages';
import type { OutgoingRecord } from '../../kafka/ports/producer';

/** A copy of one source record, ready for the target's producer. */
export interface CopyRecord extends OutgoingRecord {
  topic: string;
}

/** What becomes of one source record: written (as `record`), skipped (a redrive marker says it was done), or failed before sending. */
export type Planned = { record: CopyRecord } | { skipped: string } | { failed: string };

export interface RewriteSettings {
  sourceTopic: string;
  /** The chosen target topic; null when a redrive takes every topic from a header. */
  targetTopic: string | null;
  options: Pick<CopyOptions, 'keepKey' | 'keepHeaders' | 'timestamp' | 'partitioning' | 'headers'>;
  redrive: RedriveOptions | null;
  /** Now, for `timestamp: 'now'` (one clock read per chunk is enough). */
  now?: () => number;
}

/**
 * Turns a source record into the record a copy writes: the topic (chosen, or a redrive's
 * header), key, headers (kept or not, then rewritten, then the redrive marker), create time
 * and partition (same number, murmur2 by key as Kafka's default partitioner, or round-robin).
 * Pure but for the round-robin counter, so the preview shows exactly what the copy sends.
 */
export function recordRewriter(settings: RewriteSettings): {
  /** The topic a record goes to, or null (a redrive header missing and no topic chosen). */
  topicOf(r: RawRecord): string | null;
  /** `partitionsOf(topic)`: the target topic's partition count, looked up before (undefined: no such topic). */
  rewrite(r: RawRecord, partitionsOf: (topic: string) => number | undefined): Planned;
} {
  const { options, redrive } = settings;
  const now = settings.now ?? Date.now;
  const roundRobin = new Map<string, number>();
  const nextRoundRobin = (topic: string, count: number) => {
    const n = roundRobin.get(topic) ?? 0;
    roundRobin.set(topic, n + 1);
    return n % count;
  };
  const headerText = (r: RawRecord, key: string) => {
    const h = r.headers.find((x) => x.key === key);
    return h?.value ? h.value.toString('utf8') : null;
  };
  // Checked once per topic name (a zod parse per record would cost more than the rest of the rewrite).
  const validTopics = new Map<string, boolean>();
  const valid = (topic: string) => {
    let ok = validTopics.get(topic);
    if (ok === undefined) validTopics.set(topic, (ok = TopicName.safeParse(topic).success));
    return ok;
  };
  const topicOf = (r: RawRecord): string | null => {
    const named = redrive?.topicHeader ? headerText(r, redrive.topicHeader) : null;
    return named ?? settings.targetTopic;
  };

  return {
    topicOf,
    rewrite(r, partitionsOf) {
      if (redrive?.marker && r.headers.some((h) => h.key === redrive.marker)) return { skipped: `already redriven (it carries ${redrive.marker})` };
      const topic = topicOf(r);
      if (topic === null) return { failed: `no ${redrive?.topicHeader ?? 'target'} header and no target topic chosen` };
      if (!valid(topic)) return { failed: `${redrive?.topicHeader ?? 'target'} header names no valid topic (${JSON.stringify(topic.slice(0, 80))})` };
      const count = partitionsOf(topic);
      if (count === undefined) return { failed: `Topic ${topic} does not exist on the target cluster` };
      const key = options.keepKey ? r.key : null;
      let partition: number;
      if (options.partitioning === 'same') {
        if (r.partition >= count) return { failed: `${topic} has no partition ${r.partition} (it has ${count})` };
        partition = r.partition;
      } else if (options.partitioning === 'key' && key !== null) {
        partition = partitionForKey(key, count);
      } else {
        partition = nextRoundRobin(topic, count);
      }
      let headers = !options.keepHeaders || r.headers.length === 0 ? NO_HEADERS : r.headers.map((h) => ({ key: h.key, value: h.value ?? EMPTY }));
      if (options.headers.length > 0) headers = rewriteHeaders(headers, options.headers);
      if (redrive?.marker) headers = [...headers.filter((h) => h.key !== redrive.marker), { key: redrive.marker, value: Buffer.from(`${settings.sourceTopic}/${r.partition}/${r.offset}`, 'utf8') }];
      return { record: { topic, partition, key, value: r.value, headers, timestamp: options.timestamp === 'original' ? Number(r.timestamp) : now() } };
    },
  };
}

const EMPTY = Buffer.alloc(0);
/** Shared by every copy without headers (most of them), never written to. */
const NO_HEADERS: { key: string; value: Buffer }[] = [];

/** Applies the header changes in order; values are UTF-8 text. */
export function rewriteHeaders(headers: { key: string; value: Buffer }[], rewrites: readonly HeaderRewrite[]): { key: string; value: Buffer }[] {
  let out = headers;
  for (const w of rewrites) {
    if (w.op === 'remove') out = out.filter((h) => h.key !== w.key);
    else if (w.op === 'set') out = [...out.filter((h) => h.key !== w.key), { key: w.key, value: Buffer.from(w.value, 'utf8') }];
    else out = [...out, { key: w.key, value: Buffer.from(w.value, 'utf8') }];
  }
  return out;
}
