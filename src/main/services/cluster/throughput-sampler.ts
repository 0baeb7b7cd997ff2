import type { ClusterThroughput } from '../../../shared/api';
import type { KafkaClient } from '../../kafka/client';
import { abortableSleep } from '../abortable-sleep';
import type { MetadataSnapshots } from './metadata-snapshot';

/** High watermark of every partition, by "topic\0partition", when it was read, and the topics the metadata named then. */
interface Sample {
  at: number;
  highs: Map<string, bigint>;
  topics: ReadonlySet<string>;
}

/** Below this the deltas are mostly noise. */
const MIN_WINDOW_MS = 1_000;
/** An older previous sample says little about now: sample afresh. */
const MAX_WINDOW_MS = 5 * 60_000;

/**
 * Messages per second per topic, from the growth of high watermarks between two samples (the
 * same numbers kafka-get-offsets.sh shows), so it needs no JMX. One previous sample per
 * connection: every call compares with it, then replaces it. The first call of a connection
 * (or one after a long pause) samples twice, a second apart, so the overview has rates at once.
 */
export class ThroughputSampler {
  private readonly last = new WeakMap<KafkaClient, { sample: Sample }>();

  constructor(private readonly snapshots: MetadataSnapshots) {}

  async throughput(client: KafkaClient, top: number, signal: AbortSignal): Promise<ClusterThroughput> {
    let previous = this.last.get(client);
    if (!previous || Date.now() - previous.sample.at > MAX_WINDOW_MS) previous = { sample: await takeSample(client, this.snapshots) };
    // At least a second between the two samples (a Refresh right after the last one waits the rest).
    const age = Date.now() - previous.sample.at;
    if (age < MIN_WINDOW_MS) await abortableSleep(MIN_WINDOW_MS - age, signal);
    // The overview was left (its query cancelled): on a big cluster a sample is a sweep of every
    // partition's offsets, which would only compete with the page the user went to.
    signal.throwIfAborted();
    const current = await takeSample(client, this.snapshots);
    const answer = rates(previous.sample, current);
    this.last.set(client, { sample: current });
    return { ...answer, topics: answer.topics.slice(0, top) };
  }
}

/** The shared metadata snapshot names the topics and routes the offsets: no metadata request of its own. */
async function takeSample(client: KafkaClient, snapshots: MetadataSnapshots): Promise<Sample> {
  const metadata = (await snapshots.get(client)).topics.filter((t) => !t.internal && !t.name.startsWith('__'));
  const topics = metadata.map((t) => t.name);
  const at = Date.now();
  const marks = topics.length > 0 ? await client.fetchLogEnds(topics, { metadata }) : [];
  return { at, highs: new Map(marks.map((m) => [`${m.topic}\u0000${m.partition}`, BigInt(m.high)])), topics: new Set(topics) };
}

/**
 * Rates per topic between two samples. A topic the earlier metadata did not name was created
 * since: everything it holds was written in the window (offsets start at 0). A new partition of a
 * known topic, a partition whose read failed, or offsets that went back (re-created) count as 0.
 */
export function rates(before: Sample, after: Sample): ClusterThroughput {
  const seconds = Math.max(0.001, (after.at - before.at) / 1000);
  const delta = new Map<string, bigint>();
  for (const [key, high] of after.highs) {
    const topic = key.slice(0, key.indexOf('\u0000'));
    const was = before.highs.get(key);
    const since = was ?? (before.topics.has(topic) ? undefined : 0n);
    const grew = since !== undefined && high > since ? high - since : 0n;
    delta.set(topic, (delta.get(topic) ?? 0n) + grew);
  }
  const topics = [...delta]
    .map(([topic, n]) => ({ topic, messagesPerSecond: Number(n) / seconds }))
    .filter((t) => t.messagesPerSecond > 0)
    .sort((a, b) => b.messagesPerSecond - a.messagesPerSecond || (a.topic < b.topic ? -1 : 1));
  return {
    measuredAt: after.at,
    windowMs: after.at - before.at,
    totalPerSecond: topics.reduce((sum, t) => sum + t.messagesPerSecond, 0),
    topics,
    topicCount: delta.size,
  };
}
