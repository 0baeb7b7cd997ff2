/** One record as stored, before any decoding: what the message views are built from. */
export interface RawRecord {
  partition: number;
  offset: string;
  timestamp: string;
  timestampType: 'CreateTime' | 'LogAppendTime';
  key: Buffer | null;
  value: Buffer | null;
  headers: { key: string; value: Buffer | null }[];
}

export interface PartitionChunk {
  records: RawRecord[];
  /** The offset to ask for next (past control records and aborted transactions too). */
  nextOffset: string;
  highWatermark: string;
}

/**
 * Reads partitions directly from their leaders, without joining a consumer group and without
 * committing anything: browsing leaves no trace on the cluster.
 */
export interface MessagesPort {
  /** One fetch from `offset` of one partition (committed messages only; control records skipped). */
  readChunk(topic: string, partition: number, offset: string, maxBytes: number): Promise<PartitionChunk>;
}
