import { describe, expect, it } from 'vitest';
import type { KafkaClient } from '../../kafka/client';
import { LastSeenBrokers } from './last-seen-brokers';

const node = (nodeId: number, host = `h${nodeId}`) => ({ nodeId, host, port: 9092, rack: null });

describe('last-seen brokers per connection', () => {
  it('keeps brokers the metadata dropped, updates moved ones, and separates connections', () => {
    const seen = new LastSeenBrokers();
    const a = {} as KafkaClient;
    const b = {} as KafkaClient;
    seen.merge(a, [node(2), node(1)]);
    seen.markAnswered(a, [1, 2], 10, new Map([[1, { leaderCount: 3, replicaCount: 5 }], [2, { leaderCount: 1, replicaCount: 5 }]]));
    const later = seen.merge(a, [node(1, 'moved')]);
    expect([...later.values()]).toEqual([
      { node: node(1, 'moved'), lastSeenAt: 10, lastCounts: { leaderCount: 3, replicaCount: 5 } },
      { node: node(2), lastSeenAt: 10, lastCounts: { leaderCount: 1, replicaCount: 5 } },
    ]);
    // Broker 2 no longer answers: its figures stay those of time 10, not what a later metadata credits it with.
    seen.markAnswered(a, [1], 20, new Map([[1, { leaderCount: 4, replicaCount: 5 }], [2, { leaderCount: 0, replicaCount: 5 }]]));
    expect(seen.merge(a, [node(1)]).get(2)).toEqual({ node: node(2), lastSeenAt: 10, lastCounts: { leaderCount: 1, replicaCount: 5 } });
    expect([...seen.merge(b, [node(7)]).keys()]).toEqual([7]);
  });
});
