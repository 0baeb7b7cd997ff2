import type { BurstSummary, ProduceProgress } from '../../../shared/api';

const PROGRESS_EVERY_MS = 100;

/**
 * What a burst or an import has sent and failed so far, per partition and per reason: progress
 * pushed at most every 100 ms with the recent rate, and the summary at the end.
 */
export class BurstTally {
  private readonly started = Date.now();
  private readonly perPartition = new Map<number, number>();
  private readonly errors = new Map<string, number>();
  private sentCount = 0;
  private failedCount = 0;
  private lastEmit = 0;
  private lastSent = 0;
  private lastAt = this.started;
  private rate = 0;

  constructor(
    private readonly runId: string,
    private readonly total: number,
    private readonly onProgress: (progress: ProduceProgress) => void,
  ) {}

  /** Records the broker acknowledged, counted by partition. */
  sent(byPartition: Iterable<[partition: number, count: number]>): void {
    for (const [p, n] of byPartition) {
      this.perPartition.set(p, (this.perPartition.get(p) ?? 0) + n);
      this.sentCount += n;
    }
  }

  /** Records not sent, and why (the same reason is counted once, with its total). */
  fail(reason: string, count: number): void {
    this.failedCount += count;
    this.errors.set(reason, (this.errors.get(reason) ?? 0) + count);
  }

  progress(force = false): void {
    const now = Date.now();
    if (!force && now - this.lastEmit < PROGRESS_EVERY_MS) return;
    if (now > this.lastAt) this.rate = Math.round(((this.sentCount - this.lastSent) * 1000) / (now - this.lastAt));
    this.lastEmit = this.lastAt = now;
    this.lastSent = this.sentCount;
    this.onProgress({ runId: this.runId, sent: this.sentCount, failed: this.failedCount, total: this.total, ratePerSecond: this.rate, elapsedMs: now - this.started });
  }

  summary(cancelled: boolean): BurstSummary {
    this.progress(true);
    return {
      runId: this.runId,
      sent: this.sentCount,
      failed: this.failedCount,
      errors: [...this.errors].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
      perPartition: [...this.perPartition].map(([partition, count]) => ({ partition, count })).sort((a, b) => a.partition - b.partition),
      elapsedMs: Date.now() - this.started,
      cancelled,
    };
  }
}
