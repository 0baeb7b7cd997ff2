import { format, formatDistanceStrict } from 'date-fns';
import prettyBytes from 'pretty-bytes';

export interface RetentionFacts {
  /** retention.ms; -1 keeps messages forever (by time). */
  retentionMs: number;
  /** retention.bytes per partition; -1 means no size limit. */
  retentionBytes: number;
  /** cleanup.policy: "delete", "compact" or both. */
  cleanupPolicy: string;
  /** Timestamp of the oldest message still kept (the first of each partition), null when empty. */
  oldestTimestamp: number | null;
}

const UNITS: [string, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/** 604800000 → "7 days", 129600000 → "1 day 12 hours", 1500 → "1.5 seconds". */
export function humanDuration(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    // The two largest units that are not zero: 24 h 30 min is "1 day 30 minutes", not "1 day".
    if (n > 0 && parts.length < 2) {
      parts.push(`${n} ${unit}${n === 1 ? '' : 's'}`);
      rest -= n * size;
    }
  }
  if (parts.length === 1 && ms < 60_000 && ms % 1_000 !== 0) return `${ms / 1_000} seconds`;
  return parts.join(' ');
}

export function humanBytes(bytes: number): string {
  return prettyBytes(bytes, { binary: true });
}

/** How long messages stay, in one line, e.g. "Kept 7 days or until a partition reaches 1 GiB, whichever comes first". */
export function keptFor(facts: Pick<RetentionFacts, 'retentionMs' | 'retentionBytes' | 'cleanupPolicy'>): string {
  const policies = facts.cleanupPolicy.split(',').map((p) => p.trim());
  if (!policies.includes('delete')) return 'Not deleted by age or size';
  const byTime = facts.retentionMs >= 0;
  const bySize = facts.retentionBytes >= 0;
  if (byTime && bySize) return `Kept ${humanDuration(facts.retentionMs)} or until a partition reaches ${humanBytes(facts.retentionBytes)}, whichever comes first`;
  if (byTime) return `Kept ${humanDuration(facts.retentionMs)}`;
  if (bySize) return `Kept until a partition reaches ${humanBytes(facts.retentionBytes)}`;
  return 'Kept forever';
}

/**
 * The retention summary the topic page shows: "Kept 7 days or until a partition reaches 1 GiB,
 * whichever comes first; compacted: no; oldest message now: 2026-11-20 14:03 (3 days ago)".
 */
/** `when` formats the oldest message's time (the renderer passes the app's one date format). */
export function describeRetention(facts: RetentionFacts, now: number, when: (ms: number) => string = (ms) => format(ms, 'yyyy-MM-dd HH:mm')): string {
  const compacted = facts.cleanupPolicy.split(',').some((p) => p.trim() === 'compact');
  const oldest =
    facts.oldestTimestamp === null
      ? 'no messages now'
      : `oldest message now: ${when(facts.oldestTimestamp)} (${formatDistanceStrict(facts.oldestTimestamp, now, { addSuffix: true })})`;
  return `${keptFor(facts)}; compacted: ${compacted ? 'yes (the latest value of each key is kept)' : 'no'}; ${oldest}`;
}
