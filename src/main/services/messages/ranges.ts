import type { StartPosition } from '../../../shared/api';
import { appError, ErrorCode } from '../../../shared/errors';
import type { KafkaClient } from '../../kafka/client';

export interface PartitionRange {
  partition: number;
  from: bigint;
  /** The high watermark when the read started: the range is [from, high). */
  high: bigint;
}

/** The chosen partitions (all when null), checked against the topic's. */
export async function choosePartitions(client: KafkaClient, topic: string, partitions: number[] | null): Promise<number[]> {
  const [meta] = await client.fetchMetadata([topic]);
  const all = meta?.partitions.map((p) => p.partition).sort((a, b) => a - b) ?? [];
  const chosen = partitions ?? all;
  const missing = chosen.filter((p) => !all.includes(p));
  if (missing.length > 0) throw appError(ErrorCode.Validation, `${topic} has no partition ${missing.join(', ')} (it has ${all.length}).`);
  return chosen;
}

/** Resolves a start position against the watermarks (and the time index) of each chosen partition. */
export async function resolveRanges(client: KafkaClient, topic: string, partitions: number[] | null, position: StartPosition): Promise<PartitionRange[]> {
  const chosen = await choosePartitions(client, topic, partitions);
  const marks = (await client.fetchWatermarks([topic])).filter((w) => chosen.includes(w.partition));
  const byTime = new Map<number, bigint>();
  if (position.kind === 'timestamp') {
    for (const e of await client.offsetsForTimestamp(topic, position.timestamp)) byTime.set(e.partition, BigInt(e.offset));
  }
  const committed = position.kind === 'group' ? await groupPositions(client, topic, position.groupId, position.back) : null;
  return marks.map((w) => {
    const low = BigInt(w.low);
    const high = BigInt(w.high);
    let from = low;
    if (position.kind === 'newest') from = high - BigInt(position.count) > low ? high - BigInt(position.count) : low;
    if (position.kind === 'offset') from = clamp(BigInt(position.offset), low, high);
    // No message at or after the time: start at the end (nothing to read).
    if (position.kind === 'timestamp') from = clamp(byTime.get(w.partition) ?? high, low, high);
    if (committed) from = clamp(committed.get(w.partition) ?? low, low, high);
    return { partition: w.partition, from, high };
  });
}

function clamp(v: bigint, lo: bigint, hi: bigint): bigint {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * Where a group stands on a topic: its committed offset per partition, less `back`. Read with
 * OffsetFetch, as `kafka-consumer-groups.sh --describe` does: the group is never joined.
 */
async function groupPositions(client: KafkaClient, topic: string, groupId: string, back: number): Promise<Map<number, bigint>> {
  const offsets = (await client.committedOffsets(groupId)).filter((o) => o.topic === topic && BigInt(o.offset) >= 0n);
  if (offsets.length === 0) {
    throw appError(ErrorCode.Validation, `The group ${groupId} has no committed offset on ${topic}.`, {
      hint: 'Pick a group that reads this topic (its page lists the topics it has offsets for).',
    });
  }
  return new Map(offsets.map((o) => [o.partition, BigInt(o.offset) - BigInt(back)]));
}
