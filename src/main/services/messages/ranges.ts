import type { MessageFilter, StartPosition } from '../../../shared/api';
import { AppError, appError, ErrorCode } from '../../../shared/errors';
import type { KafkaClient } from '../../kafka/client';
import { keyPartition, narrowToKey } from './key-partition';

export interface PartitionRange {
  partition: number;
  from: bigint;
  /** The high watermark when the read started: the range is [from, high). */
  high: bigint;
}

/** The chosen partitions (all when null), checked against the topic's. */
export async function choosePartitions(client: Pick<KafkaClient, 'fetchMetadata'>, topic: string, partitions: number[] | null): Promise<number[]> {
  const [meta] = await client.fetchMetadata([topic]);
  return checkChosen(topic, meta?.partitions.map((p) => p.partition) ?? [], partitions);
}

function checkChosen(topic: string, partitionsOfTopic: number[], partitions: number[] | null): number[] {
  const all = [...partitionsOfTopic].sort((a, b) => a - b);
  const chosen = partitions ?? all;
  const missing = chosen.filter((p) => !all.includes(p));
  if (missing.length > 0) throw appError(ErrorCode.Validation, `${topic} has no partition ${missing.join(', ')} (it has ${all.length}).`);
  return chosen;
}

export interface Watermarks {
  low: bigint;
  high: bigint;
}

/** What narrows a read's partitions and its watermarks: a key filter, a read-committed end. */
export interface MarksOptions {
  /** `high` is the last stable offset (see fetchWatermarks): where a live tail starts. */
  committed?: boolean;
  /** An exact key (see keyPartition) narrows the chosen partitions to the one it is written to. */
  filter?: Pick<MessageFilter, 'key' | 'keyScan'>;
}

/**
 * The chosen partitions (all when null), checked against the topic's and narrowed to a key's
 * (`byKey`: that partition, null for a read not by key), and the watermarks of each, from one
 * metadata request. A partition of the topic that has none has no leader right now (its broker
 * is down): `leaderless` lists those among `chosen`, never mistaken for empty partitions nor for
 * partitions the topic lacks.
 */
export async function choosePartitionsWithMarks(
  client: Pick<KafkaClient, 'fetchWatermarksOfEveryPartition' | 'fetchMetadata'>,
  topic: string,
  partitions: number[] | null,
  options: MarksOptions = {},
): Promise<{ chosen: number[]; marks: Map<number, Watermarks>; leaderless: number[]; byKey: number | null }> {
  const every = await client.fetchWatermarksOfEveryPartition([topic], { committed: options.committed ?? false });
  // No partition at all: the topic does not exist, and the metadata says so in its own words.
  if (every.length === 0) return { chosen: await choosePartitions(client, topic, partitions), marks: new Map(), leaderless: [], byKey: null };
  const byKey = keyPartition(options.filter, every.length);
  const chosen = narrowToKey(checkChosen(topic, every.map((w) => w.partition), partitions), byKey);
  const marks = new Map<number, Watermarks>();
  for (const w of every) if (w.low !== null) marks.set(w.partition, { low: BigInt(w.low), high: BigInt(w.high) });
  return { chosen, marks, leaderless: chosen.filter((p) => !marks.has(p)), byKey };
}

/** Refuses a read (an export, a copy) that would silently leave out partitions it cannot reach now. */
export function refuseLeaderless(topic: string, leaderless: readonly number[], nothing: string): void {
  if (leaderless.length === 0) return;
  const which = leaderless.length === 1 ? `partition ${leaderless[0]} has` : `partitions ${leaderless.join(', ')} have`;
  throw new AppError({
    name: 'KafkaProtocolError',
    code: 'LEADER_NOT_AVAILABLE',
    message: `${topic}: ${which} no leader right now, so ${nothing}.`,
    hint: 'Its broker is down or leadership is moving. Try again once it is back, or choose other partitions.',
    retriable: true,
  });
}

/**
 * Resolves a start position against the watermarks (and the time index) of each chosen
 * partition. `leaderless`: the chosen partitions that cannot be read now (no range for them).
 */
export async function resolveRanges(
  client: KafkaClient,
  topic: string,
  partitions: number[] | null,
  position: StartPosition,
  options: MarksOptions = {},
): Promise<{ ranges: PartitionRange[]; leaderless: number[]; byKey: number | null }> {
  const { chosen, marks, leaderless, byKey } = await choosePartitionsWithMarks(client, topic, partitions, options);
  const byTime = new Map<number, bigint>();
  if (position.kind === 'timestamp') {
    for (const e of await client.fetchOffsetsAtTime(topic, position.timestamp)) byTime.set(e.partition, BigInt(e.offset));
  }
  const committed = position.kind === 'group' ? await groupPositions(client, topic, position.groupId, position.back) : null;
  const ranges = chosen.flatMap((partition) => {
    const w = marks.get(partition);
    if (!w) return [];
    const { low, high } = w;
    let from = low;
    if (position.kind === 'newest') from = high - BigInt(position.count) > low ? high - BigInt(position.count) : low;
    if (position.kind === 'offset') from = clamp(BigInt(position.offset), low, high);
    // No message at or after the time: start at the end (nothing to read).
    if (position.kind === 'timestamp') from = clamp(byTime.get(partition) ?? high, low, high);
    if (committed) from = clamp(committed.get(partition) ?? low, low, high);
    return [{ partition, from, high }];
  });
  return { ranges, leaderless, byKey };
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
