import { z } from 'zod';
import { defineCall } from './define';
import { WithConnection } from './common';

export interface ClusterOverview {
  clusterId: string | null;
  /** Node id of the active controller as the brokers report it (-1 when unknown). */
  controllerId: number;
  brokerCount: number;
  topicCount: number;
  /** Topics whose name starts with "__" or that Kafka marks internal. */
  internalTopicCount: number;
  partitionCount: number;
  underReplicatedPartitions: number;
  offlinePartitions: number;
}

/** Disk use of one log directory of a broker (DescribeLogDirs). */
export interface BrokerLogDirUsage {
  path: string;
  /** e.g. KAFKA_STORAGE_ERROR for an offline disk; null when healthy. */
  error: string | null;
  /** Sum of the sizes of the replicas in this dir. */
  usedBytes: number;
  replicaCount: number;
  /** The file system's size and free space (Kafka 3.3+), null when the broker does not say. */
  totalBytes: number | null;
  usableBytes: number | null;
}

export interface BrokerInfo {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
  /** The active controller: see ControllerInfo for where this comes from. */
  isController: boolean;
  /** This node's place in the KRaft metadata quorum, when known. */
  quorumRole: 'leader' | 'voter' | 'observer' | null;
  /** Records of the metadata log it is behind the quorum leader, when known. */
  quorumLag: number | null;
  /** Partitions whose leader is this broker. */
  leaderCount: number;
  /** Partition replicas this broker holds (leaders included). */
  replicaCount: number;
  /** online: in the metadata and answering; unreachable: in the metadata but not answering, or no longer in it. */
  status: 'online' | 'unreachable';
  /** Why it is unreachable (the connection error, or "no longer in the cluster metadata"). */
  statusReason: string | null;
  /** When main last saw it online (ms since the epoch). */
  lastSeenAt: number;
  /** Sum over its log dirs; null when it did not answer. */
  diskUsedBytes: number | null;
  /** Why the disk use is unknown although the broker answered, e.g. CLUSTER_AUTHORIZATION_FAILED. */
  diskError: string | null;
  logDirs: BrokerLogDirUsage[];
}

export interface QuorumMemberInfo {
  nodeId: number;
  /** Records behind the leader's metadata log end, null when unknown. */
  lag: number | null;
  /** When the leader last heard from it (ms since the epoch), null when unknown or for the leader itself. */
  lastFetchAt: number | null;
}

/**
 * The active controller. In KRaft it is the leader of the metadata quorum, asked with
 * DescribeQuorum (source "quorum"); the controller id in metadata responses is just some
 * broker there, so it is only the fallback (source "metadata") where the quorum cannot be asked.
 */
export interface ControllerInfo {
  /** -1 when unknown (e.g. during an election). */
  nodeId: number;
  source: 'quorum' | 'metadata';
  /** false for a dedicated controller node, which clients never see as a broker. */
  isBroker: boolean;
  leaderEpoch: number | null;
  voters: QuorumMemberInfo[];
  observers: QuorumMemberInfo[];
  /** Why the quorum could not be asked, when source is "metadata". */
  note: string | null;
}

/** What one broker speaks: the Kafka release it runs is inferred from the newest metadata.version it supports. */
export interface BrokerVersionInfo {
  nodeId: number;
  reachable: boolean;
  error: string | null;
  /** e.g. "4.1"; null when the broker does not say (ZooKeeper mode, Kafka before 3.3) or the level is newer than we know. */
  release: string | null;
  /** How many Kafka APIs it answers. */
  apiCount: number;
}

/** A cluster feature (KIP-584): its agreed level and the range the brokers support. */
export interface FeatureInfo {
  name: string;
  /** 0 when not enabled. */
  level: number;
  /** The level's name where it has one, e.g. "4.1-IV1" for metadata.version. */
  levelName: string | null;
  /** The highest level every answering broker supports; raising to it is possible with kafka-features.sh upgrade. */
  maxSupported: number | null;
}

/** The Kafka versions and features of a cluster (ApiVersions v3 to every broker). */
export interface ClusterVersions {
  brokers: BrokerVersionInfo[];
  /** The distinct releases the brokers run, oldest first (more than one during a rolling upgrade). */
  releases: string[];
  features: FeatureInfo[];
}

export interface TopicThroughput {
  topic: string;
  /** New messages per second (high watermark delta over the sampling window). */
  messagesPerSecond: number;
}

/** Messages per second per topic, from the offsets of two samples: no JMX needed. */
export interface ClusterThroughput {
  /** When the newer sample was taken (ms since the epoch). */
  measuredAt: number;
  /** Time between the two samples. */
  windowMs: number;
  /** Over every non-internal topic. */
  totalPerSecond: number;
  /** Topics with traffic, busiest first, at most `top`. */
  topics: TopicThroughput[];
  /** How many topics were sampled. */
  topicCount: number;
}

export const clusterCalls = {
  'cluster.overview': defineCall<ClusterOverview>()(WithConnection),
  /** Every broker seen on this connection, with disk use and whether it still answers; `fresh` skips main's short metadata cache. */
  'cluster.brokers': defineCall<BrokerInfo[]>()(WithConnection.extend({ fresh: z.boolean().optional() })),
  'cluster.controller': defineCall<ControllerInfo>()(WithConnection.extend({ fresh: z.boolean().optional() })),
  'cluster.versions': defineCall<ClusterVersions>()(WithConnection),
  /** The first call on a connection samples twice, a second apart; later ones compare with the previous sample. */
  'cluster.throughput': defineCall<ClusterThroughput>()(WithConnection.extend({ top: z.number().int().min(1).max(100).default(10) })),
};
