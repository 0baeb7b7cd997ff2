/**
 * A partition's health over a sliding window of lag samples, in the spirit of Burrow's rules,
 * and the one-sentence verdict for a group. Pure: main evaluates it on its samples, tests on
 * scripted ones.
 *
 * Two things are facts from a single sample and are said at once: the committed offset is
 * behind the log start (ERR), and nobody consumes a partition with lag (STOP). Everything else
 * is a trend and waits for enough samples (COLLECTING, never OK by default).
 */
export type LagStatus = 'NO_COMMIT' | 'OK' | 'COLLECTING' | 'WARN' | 'STALL' | 'STOP' | 'ERR';

/** Whether the group has members: 'unknown' when the classic API cannot tell (a KIP-848 group seen as Dead). */
export type Consumers = 'running' | 'none' | 'unknown';

export interface LagSample {
  /** Epoch ms. */
  at: number;
  /** Committed offset, or null when the group has none for the partition. */
  committed: number | null;
  logStart: number;
  logEnd: number;
}

export const STATUS_EXPLAINED: Record<LagStatus, string> = {
  NO_COMMIT:
    'The group never committed an offset on this partition, so there is no lag to measure (Kafka’s own kafka-consumer-groups.sh shows “-” for it too). Not counted as OK.',
  OK: 'The consumer keeps up: its committed offset advances and lag is not growing.',
  COLLECTING: 'Not enough samples yet to see a trend: no verdict until there are.',
  WARN: 'Lag grows in every sample although commits still advance: the consumer is slower than the producers.',
  STALL: 'Commits stopped advancing while there is lag: the consumer is stuck (or commits the same offset).',
  STOP: 'Lag that will not go down: no consumer is running, or no commit has advanced for longer than the stop threshold.',
  ERR: 'The committed offset is older than the log start: messages it had not read were deleted by retention.',
};

/** Mildest first; a group is as bad as its worst partition. NO_COMMIT ranks lowest: it says nothing about health. */
export const STATUS_ORDER: LagStatus[] = ['NO_COMMIT', 'OK', 'COLLECTING', 'WARN', 'STALL', 'STOP', 'ERR'];

export interface StatusOptions {
  /** How long commits may stand still (with lag) before STALL becomes STOP. */
  stopAfterMs: number;
  /** Samples needed before a trend (OK, WARN, STALL, STOP by time) is said. */
  minSamples: number;
}

export const DEFAULT_STATUS_OPTIONS: StatusOptions = { stopAfterMs: 5 * 60_000, minSamples: 3 };

const lagOf = (s: LagSample) => (s.committed === null ? 0 : Math.max(0, s.logEnd - s.committed));

/**
 * One partition's status from its successful samples, oldest first.
 * `consumers`: whether the group has members now (from the latest sample).
 */
export function partitionStatus(window: LagSample[], options: StatusOptions = DEFAULT_STATUS_OPTIONS, consumers: Consumers = 'unknown'): LagStatus {
  const last = window.at(-1);
  if (!last) return 'COLLECTING';
  if (last.committed === null) return 'NO_COMMIT';
  if (last.committed < last.logStart) return 'ERR';
  // Nobody reads it: the lag cannot go down, however few samples there are.
  if (consumers === 'none' && lagOf(last) > 0) return 'STOP';
  if (window.length < options.minSamples) return 'COLLECTING';
  if (lagOf(last) === 0) return 'OK';

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
  const growing = recent.every((s, i) => i === 0 || lagOf(s) > lagOf(recent[i - 1]!));
  return growing ? 'WARN' : 'OK';
}

/** The worst of the partitions' statuses; NO_COMMIT when there is nothing committed to judge. */
export function worstStatus(statuses: LagStatus[]): LagStatus {
  return statuses.reduce<LagStatus>((worst, s) => (STATUS_ORDER.indexOf(s) > STATUS_ORDER.indexOf(worst) ? s : worst), 'NO_COMMIT');
}

export interface VerdictInput {
  /** Every partition's status. */
  statuses: LagStatus[];
  consumers: Consumers;
  /** Total lag over committed partitions at the latest sample (null: nothing committed or no sample). */
  lag: number | null;
  /** Successful samples so far, and how many a verdict needs. */
  samples: number;
  samplesNeeded: number;
  /** The group no longer exists (sampling stopped). */
  gone?: boolean;
}

export interface Verdict {
  status: LagStatus;
  /** Badge text: the status, "collecting (n of N samples)" or "no commit". */
  label: string;
  /** One sentence for the user. */
  sentence: string;
}

/** The group's status, its badge text and one sentence that never calls a group without consumers OK. */
export function groupVerdict(input: VerdictInput): Verdict {
  const status = worstStatus(input.statuses);
  const n = Math.min(input.samples, input.samplesNeeded);
  const label = status === 'COLLECTING' ? `collecting (${n} of ${input.samplesNeeded} samples)` : status === 'NO_COMMIT' ? 'no commit' : status;
  const lag = (input.lag ?? 0).toLocaleString('en');
  let sentence: string;
  if (input.gone) sentence = 'The group no longer exists: sampling stopped.';
  else if (status === 'ERR') sentence = STATUS_EXPLAINED.ERR;
  else if (input.consumers === 'none' && (input.lag ?? 0) > 0) sentence = `No consumer is running; lag ${lag} will not go down until one starts.`;
  else if (status === 'COLLECTING') sentence = `Collecting samples (${n} of ${input.samplesNeeded}): no verdict until there are enough to see a trend.`;
  else if (status === 'NO_COMMIT') sentence = 'The group has committed no offset on these partitions, so there is no lag to judge (Kafka’s own tool shows none either).';
  else if (input.consumers === 'none') sentence = 'No consumer is running; nothing is behind now (lag 0).';
  else sentence = STATUS_EXPLAINED[status];
  return { status, label, sentence };
}
