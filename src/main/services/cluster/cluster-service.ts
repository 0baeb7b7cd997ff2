import type { BrokerInfo, ClusterOverview } from '../../../shared/api';
import type { KafkaClient } from '../../kafka/client';
import { isOffline, isUnderReplicated, type MetadataSnapshot, type MetadataSnapshots } from './metadata-snapshot';

/** Counts for the cluster overview, from one metadata snapshot. */
export function summarizeCluster(snapshot: MetadataSnapshot): ClusterOverview {
  let partitionCount = 0;
  let underReplicatedPartitions = 0;
  let offlinePartitions = 0;
  let internalTopicCount = 0;
  for (const topic of snapshot.topics) {
    if (topic.internal) internalTopicCount++;
    for (const p of topic.partitions) {
      partitionCount++;
      if (isUnderReplicated(p)) underReplicatedPartitions++;
      if (isOffline(p)) offlinePartitions++;
    }
  }
  return {
    clusterId: snapshot.cluster.clusterId,
    controllerId: snapshot.cluster.controllerId,
    brokerCount: snapshot.cluster.brokers.length,
    topicCount: snapshot.topics.length,
    internalTopicCount,
    partitionCount,
    underReplicatedPartitions,
    offlinePartitions,
  };
}

/** Per-broker leader and replica counts. */
export function summarizeBrokers(snapshot: MetadataSnapshot): BrokerInfo[] {
  const leaders = new Map<number, number>();
  const replicas = new Map<number, number>();
  for (const topic of snapshot.topics) {
    for (const p of topic.partitions) {
      if (p.leader >= 0) leaders.set(p.leader, (leaders.get(p.leader) ?? 0) + 1);
      for (const r of p.replicas) replicas.set(r, (replicas.get(r) ?? 0) + 1);
    }
  }
  return snapshot.cluster.brokers.map((b) => ({
    nodeId: b.nodeId,
    host: b.host,
    port: b.port,
    rack: b.rack,
    isController: b.nodeId === snapshot.cluster.controllerId,
    leaderCount: leaders.get(b.nodeId) ?? 0,
    replicaCount: replicas.get(b.nodeId) ?? 0,
  }));
}

export class ClusterService {
  constructor(private readonly snapshots: MetadataSnapshots) {}

  async overview(client: KafkaClient, options: { fresh?: boolean } = {}): Promise<ClusterOverview> {
    return summarizeCluster(await this.snapshots.get(client, options));
  }

  async brokers(client: KafkaClient): Promise<BrokerInfo[]> {
    return summarizeBrokers(await this.snapshots.get(client));
  }
}
