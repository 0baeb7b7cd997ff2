import type { ReadProgress } from '../../../shared/api';

/**
 * A resumed tail's progress as the user sees it: the counts from before the pause plus those of
 * the resumed run (main counts each run from zero), so "scanned/matched" keep agreeing with the
 * messages shown. Each partition keeps where it was first read from.
 */
export function carryProgress(before: ReadProgress | null, now: ReadProgress): ReadProgress {
  if (!before) return now;
  const earlier = new Map(before.partitions.map((p) => [p.partition, p]));
  const partitions = now.partitions.map((p) => {
    const b = earlier.get(p.partition);
    // A partition the paused run never started has no `from` of its own to keep.
    return b && !b.unstarted ? { ...p, from: b.from, scanned: b.scanned + p.scanned, matched: b.matched + p.matched } : p;
  });
  const seen = new Set(now.partitions.map((p) => p.partition));
  for (const b of before.partitions) if (!seen.has(b.partition)) partitions.push(b);
  return {
    scanned: before.scanned + now.scanned,
    matched: before.matched + now.matched,
    partitions,
    elapsedMs: before.elapsedMs + now.elapsedMs,
    ...(now.waiting ? { waiting: now.waiting } : {}),
    ...(before.gaps || now.gaps ? { gaps: [...(before.gaps ?? []), ...(now.gaps ?? [])] } : {}),
  };
}

/** Where a paused tail resumes: each partition at its position, but one it never started (no leader) at its end again. */
export function resumePositions(paused: ReadProgress): { partition: number; offset: string }[] {
  return paused.partitions.filter((p) => !p.unstarted).map((p) => ({ partition: p.partition, offset: p.position }));
}
