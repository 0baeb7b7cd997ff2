/** Broker-level views (disk, quorum, configuration), independent of the client library. */
import type { ConfigEntry } from './topic-admin';

export interface LogDirReplica {
  topic: string;
  partition: number;
  sizeBytes: number;
  /** How far a future replica (being moved between dirs) is behind; 0 otherwise. */
  offsetLag: number;
  /** A replica being moved to this dir (alter-replica-log-dirs), not yet the live one. */
  isFuture: boolean;
}

export interface LogDirDescription {
  path: string;
  /** The dir's error, e.g. KAFKA_STORAGE_ERROR for an offline disk, or null. */
  error: string | null;
  /** Known from DescribeLogDirs v4 (Kafka 3.3+); null before. */
  totalBytes: number | null;
  usableBytes: number | null;
  replicas: LogDirReplica[];
}

export interface BrokerLogDirs {
  nodeId: number;
  /** false when the broker did not answer (down, unknown, or past the deadline). */
  reachable: boolean;
  error: string | null;
  logDirs: LogDirDescription[];
}

export interface QuorumMember {
  nodeId: number;
  /** The member's last fetched offset in the metadata log (-1 when unknown). */
  logEndOffset: number;
  /** How far behind the leader's log end offset it is (null when unknown). */
  lag: number | null;
  /** When the leader last heard from it, in ms since the epoch (null when unknown). */
  lastFetchTimestamp: number | null;
  lastCaughtUpTimestamp: number | null;
}

export interface QuorumDescription {
  /** The active controller: the leader of the KRaft metadata quorum (-1 during an election). */
  leaderId: number;
  leaderEpoch: number;
  highWatermark: number;
  voters: QuorumMember[];
  observers: QuorumMember[];
}

/** A feature a broker can run at, e.g. metadata.version 1–27 (KIP-584). */
export interface FeatureRange {
  name: string;
  minVersion: number;
  maxVersion: number;
}

/** A feature's level the cluster has agreed on (what `kafka-features.sh describe` calls finalized). */
export interface FinalizedFeature {
  name: string;
  level: number;
  minLevel: number;
}

/** What one broker says it speaks (ApiVersions v3). */
export interface BrokerFeatures {
  nodeId: number;
  /** false when the broker did not answer; then error says why. */
  reachable: boolean;
  error: string | null;
  apiCount: number;
  supported: FeatureRange[];
  finalized: FinalizedFeature[];
  finalizedEpoch: number;
}

export interface BrokersPort {
  /** ApiVersions v3 to each broker, in parallel, each with its own deadline; never throws for one broker. */
  describeFeatures(nodeIds: number[]): Promise<BrokerFeatures[]>;
  /**
   * One request per broker, in parallel, each with its own deadline; an unreachable broker gives
   * reachable:false, never throws. Once `signal` aborts it rejects with it, and the answers still
   * on the way are not read (every replica of a big cluster takes ~100 ms a broker to decode).
   */
  describeLogDirs(nodeIds: number[], topics?: string[] | null, signal?: AbortSignal): Promise<BrokerLogDirs[]>;
  /** The KRaft metadata quorum, or null where the cluster does not have one (ZooKeeper mode, or a broker too old to say). */
  describeQuorum(): Promise<QuorumDescription | null>;
  /** Every config of one broker with its source; sensitive values are never returned. */
  describeBrokerConfigs(nodeId: number): Promise<ConfigEntry[]>;
}
