/**
 * A reassignment plan: the replica list each partition should end with. The first replica is
 * the preferred leader, as in Kafka. Pure data, shared by the plan editor and main.
 */

/** A partition as it is now, with the size its replicas hold (what a new replica must copy). */
export interface CurrentPartition {
  topic: string;
  partition: number;
  replicas: number[];
  leader: number;
  /** The largest replica's size in bytes (from DescribeLogDirs); null when unknown. */
  sizeBytes: number | null;
}

export interface BrokerRef {
  nodeId: number;
  rack: string | null;
}

/** One partition's target replica list. */
export interface PartitionTarget {
  topic: string;
  partition: number;
  replicas: number[];
}

/** What a target changes compared with the current assignment. */
export interface PartitionMove extends PartitionTarget {
  current: number[];
  added: number[];
  removed: number[];
  /** Only the order changed: no data moves, only the preferred leader. */
  reorderOnly: boolean;
  /** Bytes the new replicas copy: the partition's size once per added replica. */
  copyBytes: number | null;
}

export const partitionKey = (p: { topic: string; partition: number }): string => `${p.topic}-${p.partition}`;

/** The targets that differ from the current assignment, with what each copies. Unchanged partitions are left out. */
export function diffPlan(current: CurrentPartition[], targets: PartitionTarget[]): PartitionMove[] {
  const byKey = new Map(current.map((c) => [partitionKey(c), c]));
  const moves: PartitionMove[] = [];
  for (const t of targets) {
    const now = byKey.get(partitionKey(t));
    const before = now?.replicas ?? [];
    if (sameList(before, t.replicas)) continue;
    const added = t.replicas.filter((r) => !before.includes(r));
    const removed = before.filter((r) => !t.replicas.includes(r));
    const size = now?.sizeBytes ?? null;
    moves.push({
      topic: t.topic,
      partition: t.partition,
      replicas: [...t.replicas],
      current: [...before],
      added,
      removed,
      reorderOnly: added.length === 0 && removed.length === 0,
      copyBytes: added.length === 0 ? 0 : size === null ? null : size * added.length,
    });
  }
  return moves.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

/** Problems that make a target impossible, in words; empty when it can be applied. */
export function planProblems(current: CurrentPartition[], targets: PartitionTarget[], brokers: BrokerRef[]): string[] {
  const known = new Set(brokers.map((b) => b.nodeId));
  const existing = new Set(current.map(partitionKey));
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const t of targets) {
    const key = partitionKey(t);
    if (seen.has(key)) problems.push(`${key} appears twice.`);
    seen.add(key);
    if (!existing.has(key)) problems.push(`${key} does not exist.`);
    if (t.replicas.length === 0) problems.push(`${key} has no replicas.`);
    if (new Set(t.replicas).size !== t.replicas.length) problems.push(`${key} names a broker twice.`);
    const unknown = t.replicas.filter((r) => !known.has(r));
    if (unknown.length > 0) problems.push(`${key}: no broker ${unknown.join(', ')} in the cluster.`);
  }
  return problems;
}

export function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Bytes per broker that a plan copies in (new replicas) and out (the current leader serves them). */
export function trafficByBroker(moves: PartitionMove[], leaders: Map<string, number>): { inBytes: Map<number, number>; outBytes: Map<number, number> } {
  const inBytes = new Map<number, number>();
  const outBytes = new Map<number, number>();
  for (const m of moves) {
    if (m.added.length === 0 || m.copyBytes === null) continue;
    const each = m.copyBytes / m.added.length;
    for (const r of m.added) inBytes.set(r, (inBytes.get(r) ?? 0) + each);
    const leader = leaders.get(partitionKey(m)) ?? m.current[0];
    if (leader !== undefined && leader >= 0) outBytes.set(leader, (outBytes.get(leader) ?? 0) + m.copyBytes);
  }
  return { inBytes, outBytes };
}

/**
 * Expected time at a throttle of `bytesPerSec` per broker (both directions, as Kafka applies
 * it): the busiest broker sets the pace. Null without a throttle or with unknown sizes.
 */
export function expectedSeconds(moves: PartitionMove[], leaders: Map<string, number>, bytesPerSec: number | null): number | null {
  if (!bytesPerSec || bytesPerSec <= 0) return null;
  if (moves.some((m) => m.copyBytes === null)) return null;
  const { inBytes, outBytes } = trafficByBroker(moves, leaders);
  const busiest = Math.max(0, ...inBytes.values(), ...outBytes.values());
  return busiest / bytesPerSec;
}
