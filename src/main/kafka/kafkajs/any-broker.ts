import type { InternalBroker, InternalCluster } from './internals';

/**
 * A broker that accepts a connection now, for requests any broker can answer (configs,
 * metadata). kafkajs' own withBroker() gives up at the first broker it cannot reach, and keeps
 * stopped brokers in its pool until the next metadata refresh.
 */
export async function anyReachableBroker(cluster: InternalCluster): Promise<InternalBroker> {
  const known = cluster.brokerPool.metadata?.brokers.map((b) => b.nodeId) ?? [];
  let last: unknown = new Error('No broker is known yet');
  for (const nodeId of [...known].sort(() => Math.random() - 0.5)) {
    try {
      return await cluster.findBroker({ nodeId });
    } catch (error) {
      last = error;
    }
  }
  // Nothing known (no metadata yet) or nothing reachable: let kafkajs try its seed broker.
  return cluster.brokerPool.withBroker(async ({ broker }) => broker).catch(() => {
    throw last;
  });
}
