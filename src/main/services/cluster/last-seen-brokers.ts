import type { KafkaClient } from '../../kafka/client';
import type { BrokerNode } from '../../kafka/ports/metadata';

/** What the metadata credited a broker with the last time it answered. */
export interface BrokerCounts {
  leaderCount: number;
  replicaCount: number;
}

export interface SeenBroker {
  node: BrokerNode;
  /** When it last answered (ms since the epoch); 0 when it never has. */
  lastSeenAt: number;
  /** Its leaders and replicas at `lastSeenAt`; null when it never answered. */
  lastCounts: BrokerCounts | null;
}

/**
 * Every broker a connection has seen. A stopped KRaft broker soon drops out of the metadata
 * (it is fenced), and a view that only shows the metadata would silently lose it: keeping the
 * last-seen list per connection lets the brokers view show it as unreachable instead.
 */
export class LastSeenBrokers {
  private readonly byClient = new WeakMap<KafkaClient, Map<number, SeenBroker>>();

  /** Adds or updates the brokers the metadata lists now; returns every broker ever seen, by id. */
  merge(client: KafkaClient, listed: BrokerNode[]): Map<number, SeenBroker> {
    let seen = this.byClient.get(client);
    if (!seen) this.byClient.set(client, (seen = new Map()));
    for (const node of listed) {
      const before = seen.get(node.nodeId);
      seen.set(node.nodeId, { node, lastSeenAt: before?.lastSeenAt ?? 0, lastCounts: before?.lastCounts ?? null });
    }
    return new Map([...seen.entries()].sort(([a], [b]) => a - b));
  }

  /**
   * Records that these brokers answered at `at`, with what the metadata credits them with then:
   * once one stops answering, those are its last-known figures (the metadata soon says it leads
   * nothing, or still names it leader for a few seconds after a crash; neither is what it did).
   */
  markAnswered(client: KafkaClient, nodeIds: number[], at: number, counts: ReadonlyMap<number, BrokerCounts> = new Map()): void {
    const seen = this.byClient.get(client);
    for (const id of nodeIds) {
      const entry = seen?.get(id);
      if (!entry) continue;
      entry.lastSeenAt = at;
      entry.lastCounts = counts.get(id) ?? entry.lastCounts;
    }
  }
}
