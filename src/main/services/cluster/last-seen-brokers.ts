import type { KafkaClient } from '../../kafka/client';
import type { BrokerNode } from '../../kafka/ports/metadata';

export interface SeenBroker {
  node: BrokerNode;
  /** When it last answered (ms since the epoch); 0 when it never has. */
  lastSeenAt: number;
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
    for (const node of listed) seen.set(node.nodeId, { node, lastSeenAt: seen.get(node.nodeId)?.lastSeenAt ?? 0 });
    return new Map([...seen.entries()].sort(([a], [b]) => a - b));
  }

  markAnswered(client: KafkaClient, nodeIds: number[], at: number): void {
    const seen = this.byClient.get(client);
    for (const id of nodeIds) {
      const entry = seen?.get(id);
      if (entry) entry.lastSeenAt = at;
    }
  }
}
