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
    seen.markAnswered(a, [1, 2], 10);
    const later = seen.merge(a, [node(1, 'moved')]);
    expect([...later.values()]).toEqual([
      { node: node(1, 'moved'), lastSeenAt: 10 },
      { node: node(2), lastSeenAt: 10 },
    ]);
    expect([...seen.merge(b, [node(7)]).keys()]).toEqual([7]);
  });
});
