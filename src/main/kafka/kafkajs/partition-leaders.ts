import type { InternalCluster } from './internals';

/**
 * The given partitions grouped by their leader's node id (from kafkajs' cached metadata), and
 * those without a leader apart: kafkajs files a leaderless partition under node "-1", which is
 * no broker anyone can send to. `unknownTopic` says the metadata does not name the topic at all
 * (deleted since it was last used, or not yet known), which is not a leader problem.
 */
export function partitionLeaders(cluster: InternalCluster, topic: string, partitions: number[]): { byLeader: [nodeId: string, partitions: number[]][]; leaderless: number[]; unknownTopic: boolean } {
  const found = (cluster as unknown as { findLeaderForPartitions(t: string, p: number[]): Record<string, number[]> }).findLeaderForPartitions(topic, partitions);
  const byLeader = Object.entries(found).filter(([nodeId]) => Number(nodeId) >= 0);
  const led = new Set(byLeader.flatMap(([, led]) => led));
  const unknownTopic = byLeader.length === 0 && cluster.findTopicPartitionMetadata(topic).length === 0;
  return { byLeader, leaderless: partitions.filter((p) => !led.has(p)), unknownTopic };
}
