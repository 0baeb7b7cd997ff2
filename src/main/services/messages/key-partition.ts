import type { MessageFilter } from '../../../shared/api';
import type { KafkaClient } from '../../kafka/client';
import { defaultPartitionFor } from '../../kafka/kafkajs/default-partition';
import { choosePartitions } from './ranges';

/**
 * For a read by exact key (unless it asks to scan all partitions): the one partition the key's
 * messages are in if they were written with the default partitioner; null for other reads.
 */
export async function keyPartition(client: KafkaClient, topic: string, filter: MessageFilter): Promise<number | null> {
  if (filter.key === null || filter.keyScan === 'all') return null;
  const all = await choosePartitions(client, topic, null);
  return defaultPartitionFor(Buffer.from(filter.key, 'utf8'), all.length);
}

/** The partitions to read: the key's one, if the read chose it (none otherwise), else the chosen ones. */
export function narrowToKey(chosen: number[] | null, byKey: number | null): number[] | null {
  if (byKey === null) return chosen;
  return chosen === null || chosen.includes(byKey) ? [byKey] : [];
}
