import type { GroupSummary, ListedGroupRow } from '../api/groups';

/** Batches in flight at once: main batches each into a few requests per coordinator. */
const IN_FLIGHT = 2;

/**
 * Loads the details of listed groups in the order a user needs them: `first` (the rows on
 * screen) alone, then the rest in batches of `batchSize`, handing each batch over as it
 * arrives. `priority` is asked again before each batch, so rows scrolled to meanwhile go next.
 * The groups list uses it in the window, and bench/p4 measures the same path.
 */
export async function streamGroupSummaries(options: {
  rows: ListedGroupRow[];
  first: string[];
  batchSize: number;
  fetch: (rows: ListedGroupRow[]) => Promise<GroupSummary[]>;
  onBatch: (summaries: GroupSummary[]) => void;
  /** Ids to load next (rows now on screen); loaded or unknown ids are ignored. */
  priority?: () => string[];
  signal?: AbortSignal;
}): Promise<void> {
  const { rows, batchSize, fetch, onBatch, signal } = options;
  const pending = new Map(rows.map((r) => [r.groupId, r]));
  const take = (ids: string[], max: number): ListedGroupRow[] => {
    const out: ListedGroupRow[] = [];
    for (const id of ids) {
      const row = pending.get(id);
      if (!row) continue;
      pending.delete(id);
      out.push(row);
      if (out.length >= max) break;
    }
    return out;
  };
  const firstBatch = take(options.first, batchSize);
  if (firstBatch.length > 0) onBatch(await fetch(firstBatch));
  const next = (): ListedGroupRow[] => {
    const urgent = take(options.priority?.() ?? [], batchSize);
    return urgent.length > 0 ? urgent : take([...pending.keys()].slice(0, batchSize), batchSize);
  };
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let batch = next(); batch.length > 0 && !signal?.aborted; batch = next()) onBatch(await fetch(batch));
    }),
  );
}
