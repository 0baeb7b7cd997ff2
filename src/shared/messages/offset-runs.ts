import type { OffsetRuns } from '../api/messages';

/**
 * The offsets of the given messages as runs per partition (see OffsetRuns in api/messages.ts):
 * what an export sends to main instead of a list of offsets. Partitions ascending; duplicate
 * offsets counted once.
 */
export function toOffsetRuns(messages: readonly { partition: number; offset: string }[]): OffsetRuns[] {
  const byPartition = new Map<number, bigint[]>();
  for (const m of messages) {
    let list = byPartition.get(m.partition);
    if (!list) byPartition.set(m.partition, (list = []));
    list.push(BigInt(m.offset));
  }
  return [...byPartition.keys()]
    .sort((a, b) => a - b)
    .map((partition) => {
      const offsets = byPartition.get(partition)!.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const runs: number[] = [];
      let runStart = offsets[0]!;
      let prev = runStart;
      for (let i = 1; i <= offsets.length; i++) {
        const o = offsets[i];
        if (o === prev) continue;
        if (o !== undefined && o === prev + 1n) {
          prev = o;
          continue;
        }
        runs.push(Number(prev - runStart + 1n));
        if (o !== undefined) {
          runs.push(Number(o - prev - 1n));
          runStart = prev = o;
        }
      }
      return { partition, from: offsets[0]!.toString(), runs };
    });
}

/** The runs as half-open offset intervals [start, end), ascending; empty runs skipped. */
export function offsetIntervals(r: Pick<OffsetRuns, 'from' | 'runs'>): { start: bigint; end: bigint }[] {
  const out: { start: bigint; end: bigint }[] = [];
  let at = BigInt(r.from);
  for (let i = 0; i < r.runs.length; i++) {
    const n = BigInt(r.runs[i]!);
    if (i % 2 === 0 && n > 0n) out.push({ start: at, end: at + n });
    at += n;
  }
  return out;
}

/** How many offsets the runs cover. */
export function offsetCount(r: Pick<OffsetRuns, 'runs'>): number {
  let n = 0;
  for (let i = 0; i < r.runs.length; i += 2) n += r.runs[i]!;
  return n;
}
