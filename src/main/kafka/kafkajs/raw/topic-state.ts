import type { InternalCluster, RawMetadata } from '../internals';
import { lenientMetadata } from './lenient-metadata';
import { anyReachableBroker } from '../any-broker';

export interface TopicState {
  exists: boolean;
  partitions: number;
  /** Partitions without a leader yet (just created) or any more (offline). */
  leaderless: number;
}

/**
 * What the brokers' metadata says about one topic right now, errors included. Brokers learn of
 * a change from the metadata log one after the other, so each reachable broker is asked: a change
 * counts as done when every answer shows it, whichever broker the next view asks.
 */
export async function topicStates(cluster: InternalCluster, topic: string): Promise<TopicState[]> {
  const nodes = cluster.brokerPool.metadata?.brokers.map((b) => b.nodeId) ?? [];
  const states = await Promise.all(
    nodes.map(async (nodeId) => {
      try {
        return stateIn(await lenientMetadata(await cluster.findBroker({ nodeId }), [topic]), topic);
      } catch {
        return null; // an unreachable broker cannot be waited for
      }
    }),
  );
  const answered = states.filter((s): s is TopicState => s !== null);
  if (answered.length > 0) return answered;
  return [stateIn(await lenientMetadata(await anyReachableBroker(cluster), [topic]), topic)];
}

function stateIn(md: RawMetadata, topic: string): TopicState {
  const t = md.topicMetadata.find((x) => x.topic === topic);
  if (!t || t.topicErrorCode !== 0) return { exists: false, partitions: 0, leaderless: 0 };
  return { exists: true, partitions: t.partitionMetadata.length, leaderless: t.partitionMetadata.filter((p) => p.leader < 0).length };
}
