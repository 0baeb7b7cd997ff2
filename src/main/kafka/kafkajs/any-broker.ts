import type { InternalBroker, InternalCluster, RawMetadata } from './internals';
import { lenientMetadata } from './raw/lenient-metadata';

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

/**
 * Metadata (null: every topic; offline partitions tolerated) from whichever broker answers:
 * kafkajs' pool first, then every other broker it knows of, directly, so that one stopped node
 * does not fail a question any broker can answer.
 */
export async function metadataFromAnyBroker(cluster: InternalCluster, topics: string[] | null): Promise<RawMetadata> {
  try {
    // kafkajs' pool knows no broker before its first refresh, and withBroker hides failures as null.
    if (!cluster.brokerPool.metadata) await cluster.refreshMetadata();
    const md = await cluster.brokerPool.withBroker(({ broker }) => lenientMetadata(broker, topics));
    if (md) return md;
    throw Object.assign(new Error('No broker answered the metadata request'), { name: 'KafkaJSConnectionError' });
  } catch (error) {
    if (!isConnectionFailure(error)) throw error;
    for (const { nodeId } of [...(cluster.brokerPool.metadata?.brokers ?? [])].sort(() => Math.random() - 0.5)) {
      try {
        return await lenientMetadata(await cluster.findBroker({ nodeId }), topics);
      } catch {
        continue;
      }
    }
    throw error;
  }
}

function isConnectionFailure(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? '';
  return /ConnectionError|ConnectionClosedError|BrokerNotFound|NumberOfRetriesExceeded/.test(name);
}
