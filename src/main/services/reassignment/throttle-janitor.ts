import type { ThrottleCleanup } from '../../../shared/api/reassignment';
import { partitionKey } from '../../../shared/reassignment/plan';
import type { ThrottleLeft } from '../../../shared/reassignment/throttle';
import type { KafkaClient } from '../../kafka/client';
import { removeThrottles } from './throttles';

interface Watch {
  partitions: Set<string>;
  throttles: ThrottleLeft[];
  timer: NodeJS.Timeout | null;
  status: ThrottleCleanup;
  failures: number;
}

const sameThrottle = (a: ThrottleLeft, b: ThrottleLeft) => a.resource === b.resource && a.name === b.name && a.config === b.config;

/**
 * Removes a throttle once the moves it was set for are done, from main, so it happens even
 * when no window watches the progress. Per connection; a second plan on the same connection
 * joins the first (the throttles go when both are done). If the connection closes first, the
 * throttles stay: the progress view lists whatever is left on the cluster.
 */
export class ThrottleJanitor {
  private readonly watches = new Map<string, Watch>();

  constructor(
    private readonly clientOf: (connectionId: string) => KafkaClient,
    private readonly intervalMs = 2_000,
  ) {}

  watch(connectionId: string, partitions: { topic: string; partition: number }[], throttles: ThrottleLeft[]): void {
    const existing = this.watches.get(connectionId);
    const watch: Watch =
      existing && existing.status.state === 'waiting'
        ? existing
        : { partitions: new Set(), throttles: [], timer: null, status: { state: 'waiting', at: Date.now(), message: '' }, failures: 0 };
    for (const p of partitions) watch.partitions.add(partitionKey(p));
    for (const t of throttles) if (!watch.throttles.some((x) => sameThrottle(x, t))) watch.throttles.push(t);
    watch.status = { state: 'waiting', at: Date.now(), message: `The throttle is removed when the ${watch.partitions.size} moving partition${watch.partitions.size === 1 ? '' : 's'} are done.` };
    this.watches.set(connectionId, watch);
    this.schedule(connectionId, watch);
  }

  status(connectionId: string): ThrottleCleanup | null {
    return this.watches.get(connectionId)?.status ?? null;
  }

  /** Runs a check now (the progress call does, so a finished move clears its throttle without waiting for the timer). */
  async check(connectionId: string, ongoing?: { topic: string; partition: number }[]): Promise<void> {
    const watch = this.watches.get(connectionId);
    if (!watch || watch.status.state !== 'waiting') return;
    try {
      const client = this.clientOf(connectionId);
      const moving = ongoing ?? (await client.listReassignments());
      if (moving.some((m) => watch.partitions.has(partitionKey(m)))) {
        watch.failures = 0;
        return;
      }
      const failed = await removeThrottles(client, watch.throttles);
      watch.status =
        failed.length === 0
          ? { state: 'removed', at: Date.now(), message: 'The moves are done and their throttle was removed.' }
          : { state: 'failed', at: Date.now(), message: `The moves are done, but ${failed.length} throttle setting${failed.length === 1 ? ' was' : 's were'} not removed.` };
      this.stop(watch);
    } catch (error) {
      watch.failures += 1;
      if (watch.failures >= 5) {
        watch.status = { state: 'failed', at: Date.now(), message: `Could not check the moves (${(error as Error).message}): the throttle was left in place.` };
        this.stop(watch);
      }
    }
  }

  close(): void {
    for (const watch of this.watches.values()) this.stop(watch);
    this.watches.clear();
  }

  private schedule(connectionId: string, watch: Watch): void {
    if (watch.timer) return;
    watch.timer = setInterval(() => void this.check(connectionId), this.intervalMs);
    watch.timer.unref();
  }

  private stop(watch: Watch): void {
    if (watch.timer) clearInterval(watch.timer);
    watch.timer = null;
  }
}
