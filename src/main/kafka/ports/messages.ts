import type { AppError } from '../../../shared/errors';
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

/**
 * A chunk's records before they are made objects: what a long read scans. A read of a million
 * that shows 50,000 makes a RawRecord only for those it filters or shows (see record-table.ts).
 */
export interface RecordRows {
  readonly length: number;
  /** The row's offset: a number, exact as Kafka's offsets stay below 2^53. Ascending by row. */
  offset(row: number): number;
  /**
   * False when no row has headers, or a key or value that starts as schema-registry framing does
   * (byte 0, at least 5 bytes): then a schema decoder has nothing to do here unless the topic is
   * mapped to a local type.
   */
  readonly mayBeFramed: boolean;
  /** The row made a record (a new object each call; keys and values are views, not copies). */
  record(row: number): RawRecord;
  /** The caller will not ask for rows below `row` again: what only they need may be let go. */
  release?(row: number): void;
  /** Rows from `row` on may be asked for much later or never: keep them small meanwhile. */
  hold?(row: number): void;
}

export interface PartitionChunk {
  /** The records as objects (made on first use when the chunk has `rows`). */
  readonly records: RawRecord[];
  /** The same records, not yet made objects (from the raw Fetch path; fakes may leave it out). */
  rows?: RecordRows;
  /** This partition could not be read this time (readChunks only; readChunk throws it). */
  error?: AppError;
  /** The offset to ask for next (past control records and aborted transactions too). */
  nextOffset: string;
  highWatermark: string;
}

export interface ReadOptions {
  /**
   * Compressed batches are decompressed when the chunk's rows are first looked at, not when the
   * answer arrives: chunks read ahead then hold compressed bytes (a tenth of the size for JSON).
   * A corrupt batch then throws where the rows are looked at, instead of failing the chunk.
   */
  deferDecompression?: boolean;
}

/**
 * Reads partitions directly from their leaders, without joining a consumer group and without
 * committing anything: browsing leaves no trace on the cluster.
 */
export interface MessagesPort {
  /** One fetch from `offset` of one partition (committed messages only; control records skipped). */
  readChunk(topic: string, partition: number, offset: string, maxBytes: number): Promise<PartitionChunk>;
  /**
   * One fetch per partition leader for all the given partitions (what a tail needs: a few
   * requests however many partitions); the broker waits up to `maxWaitMs` for new data.
   * Chunks come back in the order asked for; a partition that failed carries its error.
   */
  readChunks(topic: string, positions: { partition: number; offset: string }[], maxBytesPerPartition: number, maxWaitMs: number, options?: ReadOptions): Promise<PartitionChunk[]>;
}
