import murmur2 from 'kafkajs/src/producer/partitioners/default/murmur2.js';

/**
 * The partition the default partitioner of the Java client (and kafkajs') writes a key to:
 * `toPositive(murmur2(key)) % partitions`, over all partitions of the topic.
 */
export function defaultPartitionFor(key: Buffer, partitions: number): number {
  return (murmur2(key) & 0x7fffffff) % partitions;
}

/** Kafka's murmur2 of the bytes, signed 32-bit, as the Java client's Utils.murmur2. */
export function kafkaMurmur2(key: Buffer): number {
  return murmur2(key);
}
