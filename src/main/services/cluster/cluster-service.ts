import type { BrokerInfo, ClusterOverview, ClusterVersions, ControllerInfo } from '../../../shared/api';
import type { KafkaClient } from '../../kafka/client';
import { AppError } from '../../../shared/errors';
import { buildBrokerRows, controllerFrom, countsByBroker } from './broker-rows';
import { summarizeVersions } from './kafka-versions';
import { LastSeenBrokers } from './last-seen-brokers';
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

export class ClusterService {
  private readonly seen = new LastSeenBrokers();

  constructor(private readonly snapshots: MetadataSnapshots) {}

  async overview(client: KafkaClient, options: { fresh?: boolean } = {}): Promise<ClusterOverview> {
    return summarizeCluster(await this.snapshots.get(client, options));
  }

  /** Every broker seen on this connection: counts, disk per log dir (one DescribeLogDirs each, in parallel), quorum role, online or not. */
  async brokers(client: KafkaClient, options: { fresh?: boolean } = {}, signal?: AbortSignal): Promise<BrokerInfo[]> {
    const snapshot = await this.snapshots.get(client, options);
    signal?.throwIfAborted();
    const seen = this.seen.merge(client, snapshot.cluster.brokers);
    // Only brokers the metadata lists can be asked; the others are unreachable by definition.
    const [logDirs, controller] = await Promise.all([
      // Cancelled when the page that asked is left: no one waits for the replicas then.
      client.describeLogDirs(snapshot.cluster.brokers.map((b) => b.nodeId), null, signal),
      this.controllerOf(client, snapshot),
    ]);
    const now = Date.now();
    // What each broker that answers is credited with now becomes its last-known figures, should it stop.
    this.seen.markAnswered(client, logDirs.filter((d) => d.reachable).map((d) => d.nodeId), now, countsByBroker(snapshot));
    return buildBrokerRows({ snapshot, seen, logDirs, controller, now });
  }

  /** Releases per broker and the cluster's feature levels (one ApiVersions v3 per listed broker). */
  async versions(client: KafkaClient): Promise<ClusterVersions> {
    const snapshot = await this.snapshots.get(client, {});
    return summarizeVersions(await client.describeFeatures(snapshot.cluster.brokers.map((b) => b.nodeId)));
  }

  async controller(client: KafkaClient, options: { fresh?: boolean } = {}): Promise<ControllerInfo> {
    return this.controllerOf(client, await this.snapshots.get(client, options));
  }

  private async controllerOf(client: KafkaClient, snapshot: MetadataSnapshot): Promise<ControllerInfo> {
    try {
      return controllerFrom(await client.describeQuorum(), snapshot.cluster.brokers, snapshot.cluster.controllerId, null);
    } catch (error) {
      // e.g. no cluster-level DESCRIBE permission: fall back to the metadata, and say why.
      const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
      const hint = AppError.is(error) && error.hint ? ` ${error.hint}` : '';
      return controllerFrom(null, snapshot.cluster.brokers, snapshot.cluster.controllerId, `${reason}.${hint} Shown instead: the controller the metadata names, which in KRaft may be any broker.`);
    }
  }
}
