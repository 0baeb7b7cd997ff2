/**
 * A partition's health over a sliding window of lag samples, in the spirit of Burrow's rules.
 * Pure: main evaluates it on its samples, tests on scripted ones.
 */
export type LagStatus = 'OK' | 'WARN' | 'STALL' | 'STOP' | 'ERR';

export interface LagSample {
  /** Epoch ms. */
  at: number;
  /** Committed offset, or null when the group has none for the partition. */
  committed: number | null;
  logStart: number;
  logEnd: number;
}

export const STATUS_EXPLAINED: Record<LagStatus, string> = {
  OK: 'The consumer keeps up: its committed offset advances and lag is not growing.',
  WARN: 'Lag grows in every sample although commits still advance: the consumer is slower than the producers.',
  STALL: 'Commits stopped advancing while there is lag: the consumer is stuck (or commits the same offset).',
  STOP: 'No commit has advanced for longer than the stop threshold while there is lag: the consumer has probably stopped.',
  ERR: 'The committed offset is older than the log start: messages it had not read were deleted by retention.',
};

export const STATUS_ORDER: LagStatus[] = ['OK', 'WARN', 'STALL', 'STOP', 'ERR'];

export interface StatusOptions {
  /** How long commits may stand still (with lag) before STALL becomes STOP. */
  stopAfterMs: number;
  /** Samples needed before anything but OK/ERR is said. */
  minSamples: number;
}

export const DEFAULT_STATUS_OPTIONS: StatusOptions = { stopAfterMs: 5 * 60_000, minSamples: 3 };

export function partitionStatus(window: LagSample[], options: StatusOptions = DEFAULT_STATUS_OPTIONS): LagStatus {
  const last = window.at(-1);
  if (!last || last.committed === null) return 'OK';
  if (last.committed < last.logStart) return 'ERR';
  const lag = (s: LagSample) => (s.committed === null ? 0 : Math.max(0, s.logEnd - s.committed));
  if (window.length < options.minSamples || lag(last) === 0) return 'OK';

  // When did the committed offset last move? (the window's start if it never did)
  let lastAdvance = window[0]!.at;
  let advanced = false;
  for (let i = 1; i < window.length; i++) {
    if ((window[i]!.committed ?? 0) > (window[i - 1]!.committed ?? 0)) {
      lastAdvance = window[i]!.at;
      advanced = true;
    }
  }
  const recent = window.slice(-options.minSamples);
  const stillInRecent = recent.every((s) => s.committed === last.committed);
  if (stillInRecent) return last.at - lastAdvance >= options.stopAfterMs || (!advanced && last.at - window[0]!.at >= options.stopAfterMs) ? 'STOP' : 'STALL';
  const growing = recent.every((s, i) => i === 0 || lag(s) > lag(recent[i - 1]!));
  return growing ? 'WARN' : 'OK';
}

export function worstStatus(statuses: LagStatus[]): LagStatus {
  return statuses.reduce<LagStatus>((worst, s) => (STATUS_ORDER.indexOf(s) > STATUS_ORDER.indexOf(worst) ? s : worst), 'OK');
}
