import type { LagHistory } from '../../../shared/api';
import { partitionStatus, worstStatus, type LagSample } from '../../../shared/groups/lag-status';
import type { KafkaClient } from '../../kafka/client';
import type { Logger } from '../../log';

const MAX_SAMPLES = 720; // an hour at 5 s
const MAX_GROUPS = 100;
const WINDOW = 12;

interface Tracked {
  timer: NodeJS.Timeout;
  samples: { at: number; partitions: Map<string, { committed: number | null; logStart: number; logEnd: number }> }[];
}

/**
 * Samples a group's committed offsets and log ends every few seconds once the UI has looked at
 * it, for the rest of the session (bounded: an hour of samples, 100 groups per connection).
 */
export class LagSampler {
  private readonly tracked = new Map<string, Tracked>();

  constructor(
    private readonly log: Logger,
    private readonly intervalMs = 5_000,
  ) {}

  async history(connectionId: string, client: () => KafkaClient, groupId: string): Promise<LagHistory> {
    const key = `${connectionId}\u0000${groupId}`;
    let entry = this.tracked.get(key);
    if (!entry) {
      if (this.tracked.size >= MAX_GROUPS) this.forgetOldest();
      entry = { samples: [], timer: setInterval(() => void this.sample(key, client, groupId), this.intervalMs) };
      entry.timer.unref();
      this.tracked.set(key, entry);
      await this.sample(key, client, groupId);
    }
    return this.render(entry);
  }

  stopAll(): void {
    for (const t of this.tracked.values()) clearInterval(t.timer);
    this.tracked.clear();
  }

  private async sample(key: string, client: () => KafkaClient, groupId: string): Promise<void> {
    const entry = this.tracked.get(key);
    if (!entry) return;
    let c: KafkaClient;
    try {
      c = client();
    } catch {
      // The connection closed: stop sampling it.
      clearInterval(entry.timer);
      this.tracked.delete(key);
      return;
    }
    try {
      const committed = await c.committedOffsets(groupId);
      const topics = [...new Set(committed.map((o) => o.topic))];
      const marks = topics.length > 0 ? await c.fetchWatermarks(topics) : [];
      const byKey = new Map(committed.map((o) => [`${o.topic}:${o.partition}`, Number(o.offset)]));
      const partitions = new Map<string, { committed: number | null; logStart: number; logEnd: number }>();
      for (const w of marks) {
        const k = `${w.topic}:${w.partition}`;
        const off = byKey.get(k);
        partitions.set(k, { committed: off === undefined || off < 0 ? null : off, logStart: Number(w.low), logEnd: Number(w.high) });
      }
      entry.samples.push({ at: Date.now(), partitions });
      if (entry.samples.length > MAX_SAMPLES) entry.samples.shift();
    } catch (error) {
      this.log.debug('lag sample failed', { groupId, error });
    }
  }

  private render(entry: Tracked): LagHistory {
    const keys = [...new Set(entry.samples.flatMap((s) => [...s.partitions.keys()]))].sort();
    const window = entry.samples.slice(-WINDOW);
    const partitions = keys.map((k) => {
      const [topic, partition] = [k.slice(0, k.lastIndexOf(':')), Number(k.slice(k.lastIndexOf(':') + 1))];
      const series: LagSample[] = window.flatMap((s) => {
        const p = s.partitions.get(k);
        return p ? [{ at: s.at, ...p }] : [];
      });
      return { topic, partition, status: partitionStatus(series) };
    });
    const topics = [...new Set(keys.map((k) => k.slice(0, k.lastIndexOf(':'))))];
    return {
      intervalMs: this.intervalMs,
      points: entry.samples.map((s) => ({
        at: s.at,
        lagByTopic: topics.map((t) => {
          let sum = 0;
          for (const [k, p] of s.partitions) if (k.startsWith(`${t}:`) && p.committed !== null) sum += Math.max(0, p.logEnd - p.committed);
          return sum;
        }),
      })),
      topics,
      partitions,
      status: worstStatus(partitions.map((p) => p.status)),
    };
  }

  private forgetOldest(): void {
    const [oldest] = this.tracked.keys();
    if (oldest === undefined) return;
    clearInterval(this.tracked.get(oldest)!.timer);
    this.tracked.delete(oldest);
  }
}
