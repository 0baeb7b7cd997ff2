import { describe, expect, it } from 'vitest';
import { clusterLane } from './cluster-lane';
import type { InternalCluster } from './internals';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** As kafkajs' cluster does it: "connected" once the first broker is, the pool filled by the metadata refresh after. */
function fakeCluster() {
  let connected = false;
  const brokers = new Set<number>();
  const cluster = {
    brokerPool: { metadata: null as object | null, createBroker: () => ({}) },
    isConnected: () => connected,
    async connect() {
      await tick();
      connected = true;
    },
    async refreshMetadata() {
      await tick();
      cluster.brokerPool.metadata = { brokers: [{ nodeId: 1 }] };
      await tick();
      brokers.add(1);
    },
    async findBroker({ nodeId }: { nodeId: number }) {
      if (!brokers.has(nodeId)) throw Object.assign(new Error(`Broker ${nodeId} not found in the cached metadata`), { name: 'KafkaJSBrokerNotFound' });
      return { nodeId };
    },
  };
  return cluster;
}

describe('a cluster lane', () => {
  it('makes a caller that comes while it connects wait until the brokers are known, not only the first one connected', async () => {
    const cluster = fakeCluster();
    let made = 0;
    const lane = clusterLane(() => (made++, cluster as unknown as InternalCluster), () => false);
    const first = lane.get();
    // The first broker is connected, the metadata not read yet.
    while (!cluster.isConnected()) await tick();
    const second = await lane.get();
    // Asked for by id as soon as the lane gives the cluster (the Brokers page's log dirs, each broker's).
    await expect(second.findBroker({ nodeId: 1 })).resolves.toEqual({ nodeId: 1 });
    expect(await first).toBe(second);
    expect(made).toBe(1);
  });

  it('refuses once the connection is closed', async () => {
    const lane = clusterLane(() => fakeCluster() as unknown as InternalCluster, () => true);
    await expect(lane.get()).rejects.toThrow('The connection is closed.');
  });
});
