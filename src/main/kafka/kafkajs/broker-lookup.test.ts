import { describe, expect, it } from 'vitest';
import { lookUpBrokersAgainAfterRefresh } from './broker-lookup';
import type { InternalBroker, InternalCluster } from './internals';

class BrokerNotFound extends Error {
  override name = 'KafkaJSBrokerNotFound';
}

/** kafkajs' Cluster#findBroker: a broker the pool lacks makes it refresh, then it still throws. */
function fakeCluster(listed: number[], known: number[]) {
  const pool = new Set(known);
  let refreshes = 0;
  const cluster = {
    async findBroker({ nodeId }: { nodeId: number | string }) {
      if (pool.has(Number(nodeId))) return { nodeId: Number(nodeId) } as InternalBroker;
      refreshes++;
      for (const id of listed) pool.add(id);
      throw new BrokerNotFound(`Broker ${nodeId} not found in the cached metadata`);
    },
  } as unknown as InternalCluster;
  return { cluster, refreshes: () => refreshes };
}

describe('looking a broker up again after kafkajs refreshed its pool', () => {
  it('finds a broker the pool did not hold yet, with the one refresh kafkajs made', async () => {
    const { cluster, refreshes } = fakeCluster([1, 2, 3], [1]);
    lookUpBrokersAgainAfterRefresh(cluster);
    expect((await cluster.findBroker({ nodeId: 3 })).nodeId).toBe(3);
    expect(refreshes()).toBe(1);
    expect((await cluster.findBroker({ nodeId: 2 })).nodeId).toBe(2);
    expect(refreshes()).toBe(1);
  });

  it('still fails for a broker the cluster does not list, and passes other errors on as they are', async () => {
    const { cluster } = fakeCluster([1, 2, 3], [1]);
    lookUpBrokersAgainAfterRefresh(cluster);
    await expect(cluster.findBroker({ nodeId: 7 })).rejects.toThrow('Broker 7 not found in the cached metadata');
    const failing = { findBroker: async () => Promise.reject(new Error('Connection refused')) } as unknown as InternalCluster;
    lookUpBrokersAgainAfterRefresh(failing);
    await expect(failing.findBroker({ nodeId: 1 })).rejects.toThrow('Connection refused');
  });
});
