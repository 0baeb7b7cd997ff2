import type { InternalBroker, InternalCluster, RawMetadata } from './internals';
import { firstToAnswer } from './first-to-answer';
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
 * How long one broker may take with a metadata request before another is asked too. Longer
 * than a loaded broker needs for a big cluster's metadata; far shorter than the request timeout
 * a frozen broker (alive, connected, silent) would hold the question for.
 */
const HEDGE_AFTER_MS = 2_000;

/**
 * Metadata (null: every topic; offline partitions tolerated) from whichever broker answers first:
 * the known brokers in random order, the next one asked when one fails or is silent for
 * HEDGE_AFTER_MS, so one stopped or frozen node does not fail or stall a question any broker can
 * answer. Before the first refresh only kafkajs' seed broker is known.
 */
export async function metadataFromAnyBroker(cluster: InternalCluster, topics: string[] | null): Promise<RawMetadata> {
  // kafkajs' pool knows no broker before its first refresh.
  if (!cluster.brokerPool.metadata) await cluster.refreshMetadata();
  const nodes = [...(cluster.brokerPool.metadata?.brokers ?? [])].map((b) => b.nodeId).sort(() => Math.random() - 0.5);
  const asks = nodes.map((nodeId) => async () => lenientMetadata(await cluster.findBroker({ nodeId }), topics));
  return firstToAnswer(asks, HEDGE_AFTER_MS, (error) => !isConnectionFailure(error) && !isTimeout(error));
}

/** Kafka's UNKNOWN_TOPIC_OR_PARTITION. */
const UNKNOWN_TOPIC = 3;

/**
 * Metadata for named topics, where a topic unknown to the broker that answered is looked up on
 * every other broker before it counts as missing: a new topic reaches the brokers one after the
 * other through the metadata log, so a page opened right after another tool created it would
 * otherwise say it does not exist.
 */
export async function topicMetadataFromAnyBroker(cluster: InternalCluster, topics: string[]): Promise<RawMetadata> {
  const md = await metadataFromAnyBroker(cluster, topics);
  const unknown = new Set(md.topicMetadata.filter((t) => t.topicErrorCode === UNKNOWN_TOPIC).map((t) => t.topic));
  if (unknown.size === 0) return md;
  for (const { nodeId } of cluster.brokerPool.metadata?.brokers ?? []) {
    let other: RawMetadata;
    try {
      other = await lenientMetadata(await cluster.findBroker({ nodeId }), [...unknown]);
    } catch {
      continue; // an unreachable broker cannot tell either way
    }
    for (const t of other.topicMetadata) {
      if (!unknown.has(t.topic) || t.topicErrorCode !== 0) continue;
      md.topicMetadata = md.topicMetadata.map((known) => (known.topic === t.topic ? t : known));
      unknown.delete(t.topic);
    }
    if (unknown.size === 0) break;
  }
  return md;
}

function isConnectionFailure(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? '';
  return /ConnectionError|ConnectionClosedError|BrokerNotFound|NumberOfRetriesExceeded/.test(name);
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name ?? '';
  return name.includes('Timeout'); // KafkaJSRequestTimeoutError, KafkaJSTimeout, KafkaJSLockTimeout
}
