import type { PartitionMove } from './plan';

/** Kafka's dynamic configs for a reassignment throttle (what kafka-reassign-partitions.sh --throttle sets). */
export const BROKER_THROTTLE_RATES = ['leader.replication.throttled.rate', 'follower.replication.throttled.rate'] as const;
export const TOPIC_THROTTLED_REPLICAS = ['leader.replication.throttled.replicas', 'follower.replication.throttled.replicas'] as const;

export interface ThrottlePlan {
  /** Brokers that send or receive data: each gets both rates. */
  brokers: number[];
  /** Per topic: the replicas throttled as leaders (the current ones) and as followers (the new ones), as "partition:broker" lists. */
  topics: { topic: string; leaderReplicas: string; followerReplicas: string }[];
}

/**
 * What to throttle for a set of moves, as Kafka's own command does: the current replicas of a
 * moving partition may serve the copy (leader side), the added ones receive it (follower side).
 * Moves that copy nothing (order only, or only removals) need no throttle.
 */
export function throttlePlan(moves: PartitionMove[]): ThrottlePlan {
  const brokers = new Set<number>();
  const byTopic = new Map<string, { leader: string[]; follower: string[] }>();
  for (const m of moves) {
    if (m.added.length === 0) continue;
    const entry = byTopic.get(m.topic) ?? { leader: [], follower: [] };
    for (const r of m.current) {
      entry.leader.push(`${m.partition}:${r}`);
      brokers.add(r);
    }
    for (const r of m.added) {
      entry.follower.push(`${m.partition}:${r}`);
      brokers.add(r);
    }
    byTopic.set(m.topic, entry);
  }
  return {
    brokers: [...brokers].sort((a, b) => a - b),
    topics: [...byTopic].map(([topic, e]) => ({ topic, leaderReplicas: e.leader.join(','), followerReplicas: e.follower.join(',') })).sort((a, b) => a.topic.localeCompare(b.topic)),
  };
}

/** A throttle still set on the cluster: which resource, which config, which value. */
export interface ThrottleLeft {
  resource: 'broker' | 'topic';
  name: string;
  config: string;
  value: string | null;
}
