import type { MessageFilter } from '../../../shared/api';
import { defaultPartitionFor } from '../../kafka/kafkajs/default-partition';

/**
 * For a read by exact key (unless it asks to scan all partitions): the one partition of
 * `partitionCount` the key's messages are in if they were written with the default partitioner;
 * null for other reads.
 */
export function keyPartition(filter: Pick<MessageFilter, 'key' | 'keyScan'> | undefined, partitionCount: number): number | null {
  if (!filter || filter.key === null || filter.keyScan === 'all') return null;
  return defaultPartitionFor(Buffer.from(filter.key, 'utf8'), partitionCount);
}

/** The partitions to read: the key's one, if the read chose it (none otherwise), else the chosen ones. */
export function narrowToKey(chosen: number[], byKey: number | null): number[] {
  if (byKey === null) return chosen;
  return chosen.includes(byKey) ? [byKey] : [];
}
