import type { BrokerRef, CurrentPartition, PartitionTarget } from './plan';

/**
 * Plan generators. Each returns a target for every partition it was given (unchanged ones
 * included, so the editor can show them); diffPlan keeps only what moves. They keep as many
 * current replicas as possible (less data copied) and keep the current first replica first
 * where it stays, so the preferred leader does not move without need.
 */

/** Replica count per broker over the given partitions (after targets), for balancing. */
function loadOf(partitions: { replicas: number[] }[], brokers: BrokerRef[]): Map<number, number> {
  const load = new Map(brokers.map((b) => [b.nodeId, 0]));
  for (const p of partitions) for (const r of p.replicas) if (load.has(r)) load.set(r, (load.get(r) ?? 0) + 1);
  return load;
}

/** A rack name for each broker; a broker without one is its own rack. */
const rackOf = (brokers: BrokerRef[]) => {
  const racks = new Map(brokers.map((b) => [b.nodeId, b.rack ?? `node-${b.nodeId}`]));
  return (nodeId: number) => racks.get(nodeId) ?? `node-${nodeId}`;
};

/**
 * Picks the next broker for a partition: not already a replica; a rack the partition does not
 * use yet when one is left; then the least loaded; then the lowest id (stable results).
 */
function pickBroker(replicas: number[], candidates: BrokerRef[], load: Map<number, number>, rack: (n: number) => string): number | null {
  const usedRacks = new Set(replicas.map(rack));
  const free = candidates.filter((b) => !replicas.includes(b.nodeId));
  if (free.length === 0) return null;
  free.sort((a, b) => {
    const ra = usedRacks.has(rack(a.nodeId)) ? 1 : 0;
    const rb = usedRacks.has(rack(b.nodeId)) ? 1 : 0;
    return ra - rb || (load.get(a.nodeId) ?? 0) - (load.get(b.nodeId) ?? 0) || a.nodeId - b.nodeId;
  });
  return free[0]!.nodeId;
}

const clone = (current: CurrentPartition[]): PartitionTarget[] => current.map((c) => ({ topic: c.topic, partition: c.partition, replicas: [...c.replicas] }));

/** Moves every replica off `nodeId` to the other brokers, rack-aware and least-loaded first. */
export function moveOffBroker(current: CurrentPartition[], brokers: BrokerRef[], nodeId: number): PartitionTarget[] {
  const others = brokers.filter((b) => b.nodeId !== nodeId);
  const rack = rackOf(brokers);
  const targets = clone(current);
  const load = loadOf(targets, others);
  for (const t of targets) {
    const at = t.replicas.indexOf(nodeId);
    if (at < 0) continue;
    const kept = t.replicas.filter((r) => r !== nodeId);
    const pick = pickBroker(kept, others, load, rack);
    if (pick === null) continue; // nowhere to go: left as it is (planProblems does not flag it, the preview shows no move)
    // The new broker takes the leaving one's place, so a leaving preferred leader hands over to an existing replica first.
    const next = [...kept];
    if (at === 0 && kept.length > 0) next.push(pick);
    else next.splice(at, 0, pick);
    t.replicas = next;
    load.set(pick, (load.get(pick) ?? 0) + 1);
  }
  return targets;
}

/** Sets the replication factor to `rf`: adds replicas on the least-loaded brokers (new racks first), or drops the most-loaded ones (never the first). */
export function changeReplicationFactor(current: CurrentPartition[], brokers: BrokerRef[], rf: number): PartitionTarget[] {
  if (rf < 1 || rf > brokers.length) throw new RangeError(`The replication factor must be between 1 and ${brokers.length} (the number of brokers).`);
  const rack = rackOf(brokers);
  const targets = clone(current);
  const load = loadOf(targets, brokers);
  for (const t of targets) {
    while (t.replicas.length < rf) {
      const pick = pickBroker(t.replicas, brokers, load, rack);
      if (pick === null) break;
      t.replicas.push(pick);
      load.set(pick, (load.get(pick) ?? 0) + 1);
    }
    while (t.replicas.length > rf) {
      // Drop a replica whose rack is doubled first, then the busiest broker; the preferred leader stays.
      const rest = t.replicas.slice(1);
      const rackCount = (n: number) => t.replicas.filter((r) => rack(r) === rack(n)).length;
      rest.sort((a, b) => rackCount(b) - rackCount(a) || (load.get(b) ?? 0) - (load.get(a) ?? 0) || b - a);
      const drop = rest[0]!;
      t.replicas = t.replicas.filter((r) => r !== drop);
      load.set(drop, (load.get(drop) ?? 0) - 1);
    }
  }
  return targets;
}

/**
 * Spreads replicas evenly over the brokers at each partition's current replication factor,
 * rack-aware: every replica on a different rack where there are enough racks. Replicas stay
 * where the broker is not above its fair share, so a balanced cluster gets no moves, and
 * preferred leaders are rotated so each broker leads its share.
 */
export function spreadEvenly(current: CurrentPartition[], brokers: BrokerRef[]): PartitionTarget[] {
  if (brokers.length === 0) return clone(current);
  const rack = rackOf(brokers);
  const ids = brokers.map((b) => b.nodeId);
  const targets = clone(current);
  const total = targets.reduce((n, t) => n + Math.min(t.replicas.length, ids.length), 0);
  const fair = Math.ceil(total / ids.length);
  const load = new Map(ids.map((id) => [id, 0]));
  // Keep replicas while their broker is under its fair share and their rack is not yet used by the partition.
  const kept = targets.map((t) => {
    const keep: number[] = [];
    for (const r of t.replicas) {
      if (!load.has(r) || (load.get(r) ?? 0) >= fair) continue;
      if (keep.some((k) => rack(k) === rack(r)) && new Set(ids.map(rack)).size >= t.replicas.length) continue;
      keep.push(r);
      load.set(r, (load.get(r) ?? 0) + 1);
    }
    return keep;
  });
  targets.forEach((t, i) => {
    const want = Math.min(t.replicas.length, ids.length);
    const next = kept[i]!;
    while (next.length < want) {
      const pick = pickBroker(next, brokers, load, rack);
      if (pick === null) break;
      next.push(pick);
      load.set(pick, (load.get(pick) ?? 0) + 1);
    }
    t.replicas = next;
  });
  // Preferred leaders: rotate so each broker leads about as many partitions as it may.
  const leads = new Map(ids.map((id) => [id, 0]));
  const fairLeads = Math.ceil(targets.length / ids.length);
  for (const t of targets) {
    const first = t.replicas[0];
    if (first !== undefined && (leads.get(first) ?? 0) < fairLeads) {
      leads.set(first, (leads.get(first) ?? 0) + 1);
      continue;
    }
    const better = [...t.replicas].sort((a, b) => (leads.get(a) ?? 0) - (leads.get(b) ?? 0) || a - b)[0];
    if (better === undefined) continue;
    t.replicas = [better, ...t.replicas.filter((r) => r !== better)];
    leads.set(better, (leads.get(better) ?? 0) + 1);
  }
  return targets;
}
