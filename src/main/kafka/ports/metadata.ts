/** Cluster and topic metadata, as the app needs it, independent of the client library. */
export interface BrokerNode {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface ClusterDescription {
  clusterId: string | null;
  controllerId: number;
  brokers: BrokerNode[];
}

export interface PartitionMetadata {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
  /** The broker's error for this partition, e.g. LEADER_NOT_AVAILABLE, or null. */
  error: string | null;
}

export interface TopicMetadata {
  name: string;
  internal: boolean;
  partitions: PartitionMetadata[];
}

export interface PartitionWatermarks {
  topic: string;
  partition: number;
  /** Log start offset. */
  low: string;
  /** Log end offset. */
  high: string;
}

/** Watermarks, or null for both: the partition could not be read (see fetchWatermarksOfEveryPartition). */
export type PartitionWatermarksOrUnread = PartitionWatermarks | { topic: string; partition: number; low: null; high: null };

export interface MetadataPort {
  describeCluster(): Promise<ClusterDescription>;
  /** All topics when `topics` is omitted. */
  fetchMetadata(topics?: string[]): Promise<TopicMetadata[]>;
  /**
   * Low and high watermarks of every partition of the given topics, batched per leader. With
   * `committed`, `high` is the last stable offset: where a read-committed reader's log ends
   * while a transaction is open (what a live tail must start from to miss none of it).
   * With `metadata` (a recent snapshot of these topics), its leaders route the requests and no
   * metadata is asked first (for 9,000 topics that request costs as much as the offsets), and
   * the requests go over the bulk connections, so they do not delay what a page waits for.
   */
  fetchWatermarks(topics: string[], options?: { committed?: boolean; metadata?: TopicMetadata[] }): Promise<PartitionWatermarks[]>;
  /**
   * Every partition of `topics`, with its watermarks, or null for both where none could be read
   * (no leader right now, or its leader did not answer): what a page that lists each partition
   * needs, from one metadata request rather than a second one to find the missing. `committed`
   * as for fetchWatermarks.
   */
  fetchWatermarksOfEveryPartition(topics: string[], options?: { committed?: boolean }): Promise<PartitionWatermarksOrUnread[]>;
  /**
   * The log end offset (high watermark) of every partition, as `fetchWatermarks` reads it but
   * without the log start: half the requests, for a sweep that only needs ends (the Overview's
   * throughput, a group's lag).
   */
  fetchLogEnds(topics: string[], options?: { metadata?: TopicMetadata[] }): Promise<PartitionLogEnd[]>;
  /**
   * Per partition of `topic`, the first offset whose timestamp is at or after `timestamp` (the
   * time index, as `kcat -Q` reads it), or the end when no message is that recent. A partition
   * without a leader right now is left out; the others are answered.
   */
  fetchOffsetsAtTime(topic: string, timestamp: number): Promise<{ partition: number; offset: string }[]>;
}

export type PartitionLogEnd = Omit<PartitionWatermarks, 'low'>;
