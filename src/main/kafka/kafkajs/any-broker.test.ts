import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InternalBroker, InternalCluster, RawMetadata } from './internals';
import { metadataFromAnyBroker, topicMetadataFromAnyBroker } from './any-broker';

/** A broker whose metadata answer is fixed: lenientMetadata returns what its connection pool sends back. */
function broker(nodeId: number, knows: boolean): InternalBroker {
  const answer = (topic: string): RawMetadata['topicMetadata'][number] =>
    knows
      ? { topicErrorCode: 0, topic, partitionMetadata: [{ partitionErrorCode: 0, partitionId: 0, leader: 2, replicas: [2], isr: [2] }] }
      : { topicErrorCode: 3, topic, partitionMetadata: [] };
  const send = async ({ request }: { request: { encode(): Promise<{ buf: Buffer }> } }) => {
    await request.encode();
    return { brokers: [], topicMetadata: [answer('fresh')] } satisfies RawMetadata;
  };
  return { nodeId, connectionPool: { send } } as unknown as InternalBroker;
}

function cluster(brokers: InternalBroker[]): InternalCluster {
  return {
    brokerPool: {
      metadata: { brokers: brokers.map((b) => ({ nodeId: b.nodeId, host: '127.0.0.1', port: 1 })), topicMetadata: [] },
      withBroker: (fn: (args: { nodeId: string; broker: InternalBroker }) => Promise<unknown>) => fn({ nodeId: String(brokers[0]!.nodeId), broker: brokers[0]! }),
    },
    findBroker: async ({ nodeId }: { nodeId: number }) => brokers.find((b) => b.nodeId === Number(nodeId))!,
  } as unknown as InternalCluster;
}

describe('topicMetadataFromAnyBroker: a new topic reaches the brokers one after the other', () => {
  it('finds a topic on another broker when the one asked has not heard of it yet', async () => {
    const md = await topicMetadataFromAnyBroker(cluster([broker(1, false), broker(2, true), broker(3, false)]), ['fresh']);
    expect(md.topicMetadata).toHaveLength(1);
    expect(md.topicMetadata[0]).toMatchObject({ topic: 'fresh', topicErrorCode: 0 });
    expect(md.topicMetadata[0]!.partitionMetadata[0]!.leader).toBe(2);
  });

  it('still reports a topic no broker knows as unknown', async () => {
    const md = await topicMetadataFromAnyBroker(cluster([broker(1, false), broker(2, false)]), ['fresh']);
    expect(md.topicMetadata[0]!.topicErrorCode).toBe(3);
  });
});

/** A broker that accepts the request and never answers (a frozen JVM, a black-holed network). */
function frozen(nodeId: number): InternalBroker {
  return { nodeId, connectionPool: { send: () => new Promise(() => undefined) } } as unknown as InternalBroker;
}

describe('metadataFromAnyBroker: a frozen broker', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('costs a few seconds, not the request timeout: the next broker is asked after 2 s of silence', async () => {
    vi.useFakeTimers();
    // Two of three frozen: whatever the random order, the answer comes within two hedges.
    const answer = metadataFromAnyBroker(cluster([frozen(1), frozen(2), broker(3, true)]), ['fresh']);
    let settled = false;
    void answer.finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(4_001);
    expect(settled).toBe(true);
    expect((await answer).topicMetadata[0]).toMatchObject({ topic: 'fresh', topicErrorCode: 0 });
  });
});
