import type { LagStatus } from './lag-status';

/** What a watched group looked like at one sample. */
export interface WatchState {
  /** Total lag over committed partitions; null when nothing is committed. */
  lag: number | null;
  status: LagStatus;
}

/** Statuses that are not a verdict yet: a change from or to them says nothing. */
const NO_VERDICT: ReadonlySet<LagStatus> = new Set(['COLLECTING', 'NO_COMMIT']);

/**
 * The sentence to notify about when a watched group moves from `before` to `now`, or null.
 * Lag crossing the threshold (either way) and a change between real verdicts (OK → STALL …)
 * are news; the first sample only when it is already over the threshold.
 */
export function lagAlert(groupId: string, before: WatchState | undefined, now: WatchState, threshold: number | null): string | null {
  const over = (s: WatchState | undefined) => threshold !== null && s !== undefined && (s.lag ?? 0) > threshold;
  const lag = (now.lag ?? 0).toLocaleString('en');
  if (threshold !== null && over(now) && !over(before)) return `${groupId}: lag ${lag} is over your threshold of ${threshold.toLocaleString('en')}.`;
  if (threshold !== null && before !== undefined && over(before) && !over(now)) return `${groupId}: lag ${lag} is back under your threshold of ${threshold.toLocaleString('en')}.`;
  if (before && before.status !== now.status && !NO_VERDICT.has(before.status) && !NO_VERDICT.has(now.status)) return `${groupId}: ${before.status} → ${now.status} (lag ${lag}).`;
  return null;
}
