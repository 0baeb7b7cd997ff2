import type { Acks, Compression } from '../../../shared/api';

export interface OutgoingRecord {
  /** A string is sent as its UTF-8 bytes, like a value's. */
  key: Buffer | string | null;
  /** A string is sent as its UTF-8 bytes (saves a copy per record in big bursts). */
  value: Buffer | string | null;
  headers: { key: string; value: Buffer }[];
  /** Always explicit: the service picks it (murmur2 by key), so it knows where each record went. */
  partition: number;
  /** Create time, epoch ms. */
  timestamp: number;
}

export interface ProduceOptions {
  compression: Compression;
  acks: Acks;
}

/** What the partition leader answered for the records of one partition in a send. */
export interface PartitionAck {
  partition: number;
  /** Offset of the first record of this send in the partition; null with acks=none. */
  baseOffset: string | null;
  /** Set when the topic uses LogAppendTime; -1/null otherwise. */
  logAppendTime: string | null;
}

export interface ProducerPort {
  /** Sends records to one topic in one request per leader. */
  produce(topic: string, records: OutgoingRecord[], options: ProduceOptions): Promise<PartitionAck[]>;
  /**
   * Sends record batches already encoded (Kafka's v2 format, with the compression in `options`),
   * each partition's in order: an import encodes them in worker threads.
   */
  produceBatches(topic: string, batches: ReadonlyMap<number, readonly Buffer[]>, options: ProduceOptions): Promise<PartitionAck[]>;
  /** A topic's config value as the broker reports it (e.g. max.message.bytes), for error messages. */
  topicConfig(topic: string, name: string): Promise<string | null>;
}
