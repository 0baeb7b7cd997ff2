import type { GroupAlert, LagHistory } from '../../../shared/api';
import { lagAlert, type WatchState } from '../../../shared/groups/lag-watch';
import { DEFAULT_STATUS_OPTIONS, groupVerdict, partitionStatus, type Consumers, type LagSample } from '../../../shared/groups/lag-status';
import { lagEta, type LagTotals } from '../../../shared/groups/lag-eta';
import type { KafkaClient } from '../../kafka/client';
import { loadGroup } from './group-loader';
import type { Logger } from '../../log';

const MAX_SAMPLES = 720; // an hour at 5 s
const MAX_GROUPS = 100;
const WINDOW = 12;

type PartitionSample = { committed: number | null; logStart: number; logEnd: number };

interface Sample {
  at: number;
  /** null: the sample failed (broker unreachable), a gap in the history. */
  partitions: Map<string, PartitionSample> | null;
  consumers: Consumers;
  /** Not taken: the connection is lost, so sampling pauses (the chart shows the gap). */
  paused?: true;
}

interface Tracked {
  /** null while the group does not exist (sampling stopped). */
  timer: NodeJS.Timeout | null;
  /** A sample is under way: the next tick is skipped rather than piling requests onto a slow broker. */
  busy: boolean;
  gone: boolean;
  samples: Sample[];
  /** What the last sample looked like, for alerts. */
  watched?: WatchState;
}

/**
 * Samples a group's membership, committed offsets and log ends every few seconds once the UI
 * has looked at it, for the rest of the session (bounded: an hour of samples, 100 groups per
 * connection). A failed sample is kept as a gap; a group that no longer exists is not sampled
 * until the UI asks about it again and finds it back.
 */
export class LagSampler {
  private readonly tracked = new Map<string, Tracked>();
  private alerts: { listener: (alert: GroupAlert) => void; thresholdOf: (groupId: string) => Promise<number | null> } | null = null;

  /** Calls `listener` when a group with a threshold crosses it or changes verdict (checked at every sample). */
  onAlert(listener: (alert: GroupAlert) => void, thresholdOf: (groupId: string) => Promise<number | null>): void {
    this.alerts = { listener, thresholdOf };
  }

  constructor(
    private readonly log: Logger,
    private readonly intervalMs = 5_000,
    /** True while the connection is lost: no requests to a dead cluster, only a gap in the history. */
    private readonly isLost: (connectionId: string) => boolean = () => false,
  ) {}

  async history(connectionId: string, client: () => KafkaClient, groupId: string): Promise<LagHistory> {
    const key = `${connectionId}\u0000${groupId}`;
    let entry = this.tracked.get(key);
    if (!entry) {
      if (this.tracked.size >= MAX_GROUPS) this.forgetOldest();
      entry = { samples: [], timer: null, busy: false, gone: false };
      this.tracked.set(key, entry);
      this.startTimer(key, entry, client, groupId);
      await this.sample(key, client, groupId);
    } else if (entry.gone) {
      // Asked again: one look whether the group came back (a consumer may have recreated it).
      await this.sample(key, client, groupId);
    }
    return this.render(entry);
  }

  stopAll(): void {
    for (const t of this.tracked.values()) if (t.timer) clearInterval(t.timer);
    this.tracked.clear();
  }

  private startTimer(key: string, entry: Tracked, client: () => KafkaClient, groupId: string): void {
    entry.timer = setInterval(() => void this.sample(key, client, groupId), this.intervalMs);
    entry.timer.unref();
  }

  private async sample(key: string, client: () => KafkaClient, groupId: string): Promise<void> {
    const entry = this.tracked.get(key);
    if (!entry || entry.busy) return;
    let c: KafkaClient;
    try {
      c = client();
    } catch {
      // The connection closed: stop sampling it.
      if (entry.timer) clearInterval(entry.timer);
      this.tracked.delete(key);
      return;
    }
    const at = Date.now();
    if (this.isLost(key.slice(0, key.indexOf('\u0000')))) {
      this.push(entry, { at, partitions: null, consumers: 'unknown', paused: true });
      return;
    }
    entry.busy = true;
    try {
      const loaded = await loadGroup(c, groupId);
      const group = loaded?.description;
      // A share group's start offset stands for its commit: the chart shows the records from there to the log end.
      const committed = loaded?.share ? loaded.share.map((o) => ({ topic: o.topic, partition: o.partition, offset: o.startOffset ?? '-1' })) : (loaded?.offsets ?? []);
      const real = committed.filter((o) => Number(o.offset) >= 0);
      const shareLags = new Map<string, number>((loaded?.share ?? []).flatMap((o) => (o.lag === null ? [] : [[`${o.topic}:${o.partition}`, o.lag] as const])));
      // As groups.describe decides: Dead, no members and nothing committed is no group at all.
      if (!group || (group.state === 'Dead' && group.members.length === 0 && real.length === 0)) {
        if (entry.timer) clearInterval(entry.timer);
        entry.timer = null;
        if (!entry.gone) this.log.debug('group gone: lag sampling stopped', { groupId });
        entry.gone = true;
        return;
      }
      if (entry.gone || !entry.timer) {
        entry.gone = false;
        if (!entry.timer) this.startTimer(key, entry, client, groupId);
      }
      const consumers: Consumers = group.members.length > 0 ? 'running' : group.state === 'Empty' || group.state === 'EMPTY' ? 'none' : 'unknown';
      // The partitions of the topics it reads, committed or assigned, as groups.describe shows them.
      const topics = [...new Set([...real.map((o) => o.topic), ...group.members.flatMap((m) => m.assignment.map((a) => a.topic))])];
      const marks = topics.length > 0 ? await c.fetchWatermarks(topics) : [];
      const byKey = new Map(real.map((o) => [`${o.topic}:${o.partition}`, Number(o.offset)]));
      const partitions = new Map<string, PartitionSample>();
      for (const w of marks) {
        const k = `${w.topic}:${w.partition}`;
        // Share groups: where the broker gives Kafka's share lag (KIP-1226), the chart shows that lag, as the table does.
        const shareLag = shareLags.get(k);
        const committed = shareLag !== undefined && byKey.has(k) ? Number(w.high) - shareLag : (byKey.get(k) ?? null);
        partitions.set(k, { committed, logStart: Number(w.low), logEnd: Number(w.high) });
      }
      this.push(entry, { at, partitions, consumers });
      await this.checkAlert(key, entry, groupId);
    } catch (error) {
      this.log.debug('lag sample failed', { groupId, error });
      this.push(entry, { at, partitions: null, consumers: 'unknown' });
    } finally {
      entry.busy = false;
    }
  }

  private async checkAlert(key: string, entry: Tracked, groupId: string): Promise<void> {
    if (!this.alerts) return;
    const history = this.render(entry);
    const last = history.points.at(-1)?.lagByTopic ?? null;
    const lag = last === null || last.every((l) => l === null) ? null : last.reduce<number>((sum, l) => sum + (l ?? 0), 0);
    const now: WatchState = { lag, status: history.status };
    const before = entry.watched;
    entry.watched = now;
    const threshold = await this.alerts.thresholdOf(groupId);
    // Only groups the user watches (a threshold in the settings) notify.
    if (threshold === null) return;
    const message = lagAlert(groupId, before, now, threshold);
    if (message) this.alerts.listener({ connectionId: key.slice(0, key.indexOf('\u0000')), groupId, message, status: now.status, lag });
  }

  private push(entry: Tracked, sample: Sample): void {
    entry.samples.push(sample);
    if (entry.samples.length > MAX_SAMPLES) entry.samples.shift();
  }

  private render(entry: Tracked): LagHistory {
    const good = entry.samples.filter((s): s is Sample & { partitions: Map<string, PartitionSample> } => s.partitions !== null);
    const latest = good.at(-1);
    const consumers = latest?.consumers ?? 'unknown';
    const window = good.slice(-WINDOW);
    // Statuses for the partitions the group reads now; the chart keeps every topic it ever had.
    const current = [...(latest?.partitions.keys() ?? [])].sort();
    const partitions = current.map((k) => {
      const [topic, partition] = [k.slice(0, k.lastIndexOf(':')), Number(k.slice(k.lastIndexOf(':') + 1))];
      const series: LagSample[] = window.flatMap((s) => {
        const p = s.partitions.get(k);
        return p ? [{ at: s.at, ...p }] : [];
      });
      return { topic, partition, status: partitionStatus(series, DEFAULT_STATUS_OPTIONS, consumers) };
    });
    let lag: number | null = null;
    for (const p of latest?.partitions.values() ?? []) if (p.committed !== null) lag = (lag ?? 0) + Math.max(0, p.logEnd - p.committed);
    const verdict = groupVerdict({ statuses: partitions.map((p) => p.status), consumers, lag, samples: good.length, samplesNeeded: DEFAULT_STATUS_OPTIONS.minSamples, gone: entry.gone });
    const keys = [...new Set(good.flatMap((s) => [...s.partitions.keys()]))].sort();
    const topics = [...new Set(keys.map((k) => k.slice(0, k.lastIndexOf(':'))))];
    return {
      intervalMs: this.intervalMs,
      points: entry.samples.map((s) => ({
        ...(s.paused ? { paused: true as const } : {}),
        at: s.at,
        lagByTopic: s.partitions
          ? topics.map((t) => {
              // null, not 0, while the group has committed nothing on the topic: there is no lag to draw.
              let sum: number | null = null;
              for (const [k, p] of s.partitions!) if (k.startsWith(`${t}:`) && p.committed !== null) sum = (sum ?? 0) + Math.max(0, p.logEnd - p.committed);
              return sum;
            })
          : null,
      })),
      topics,
      partitions,
      status: verdict.status,
      label: verdict.label,
      verdict: verdict.sentence,
      samples: good.length,
      samplesNeeded: DEFAULT_STATUS_OPTIONS.minSamples,
      consumers,
      gone: entry.gone,
      eta: entry.gone ? null : lagEta(windowTotals(window)),
    };
  }

  private forgetOldest(): void {
    const [oldest] = this.tracked.keys();
    if (oldest === undefined) return;
    const t = this.tracked.get(oldest)!.timer;
    if (t) clearInterval(t);
    this.tracked.delete(oldest);
  }
}

/**
 * The window's committed and log-end sums over the partitions committed in both its first and
 * its last sample, so a partition appearing or vanishing midway does not read as a rate.
 */
function windowTotals(window: { at: number; partitions: Map<string, PartitionSample> }[]): LagTotals[] {
  const first = window[0];
  const last = window.at(-1);
  if (!first || !last || first === last) return [];
  const keys = [...last.partitions.keys()].filter((k) => first.partitions.get(k)?.committed != null && last.partitions.get(k)!.committed !== null);
  if (keys.length === 0) return [];
  const totals = (s: { at: number; partitions: Map<string, PartitionSample> }): LagTotals => {
    let committed = 0;
    let logEnd = 0;
    for (const k of keys) {
      const p = s.partitions.get(k)!;
      committed += p.committed!;
      logEnd += p.logEnd;
    }
    return { at: s.at, committed, logEnd };
  };
  return [totals(first), totals(last)];
}
