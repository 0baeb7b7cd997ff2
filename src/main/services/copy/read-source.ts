import type { CopySource, MessageFilter } from '../../../shared/api';
import { appError, AppError, ErrorCode } from '../../../shared/errors';
import { offsetIntervals } from '../../../shared/messages/offset-runs';
import type { KafkaClient } from '../../kafka/client';
import type { PartitionChunk, RawRecord } from '../../kafka/ports/messages';
import type { SchemaDecoder } from '../../schemas/schema-decoder';
import { unlessAborted, withRetries } from '../cancellable';
import { choosePartitionsWithMarks, refuseLeaderless, resolveRanges } from '../messages/ranges';
import { compileFilter } from '../messages/record-filter';
import { filterable } from '../messages/schema-records';

/** Bytes asked for per partition and fetch (a bigger record batch still comes whole, KIP-74). */
const CHUNK_BYTES = 1024 * 1024;
/** Partitions fetched per round: with one round read ahead, at most about 2 × 16 MiB are held. */
const PARTITIONS_PER_ROUND = 16;
const RETRIES = 3;

/** What a copy reads, planned up front: per partition, the offset intervals [start, end) to copy. */
export interface SourcePlan {
  partitions: { partition: number; intervals: { start: bigint; end: bigint }[] }[];
  /** Offsets in the plan (before filtering). */
  total: number;
}

/** Resolves the source against the partitions' watermarks (and time index): nothing outside [low, high) is asked for. */
export async function planSource(client: KafkaClient, topic: string, source: CopySource): Promise<SourcePlan> {
  if (source.kind === 'range') {
    const { ranges, leaderless } = await resolveRanges(client, topic, source.partitions, source.position);
    refuseLeaderless(topic, leaderless, 'nothing was copied');
    const until = source.untilOffset === null ? null : BigInt(source.untilOffset);
    const partitions = ranges.map((r) => ({ partition: r.partition, intervals: [{ start: r.from, end: until !== null && until < r.high ? until : r.high }] }));
    return withTotal(partitions);
  }
  const { marks, leaderless } = await choosePartitionsWithMarks(client, topic, source.selection.map((s) => s.partition));
  refuseLeaderless(topic, leaderless, 'nothing was copied');
  const partitions = source.selection.map((s) => {
    const mark = marks.get(s.partition);
    if (!mark) throw appError(ErrorCode.Validation, `${topic} has no partition ${s.partition}.`);
    const intervals = offsetIntervals(s)
      .map((i) => ({ start: i.start < mark.low ? mark.low : i.start, end: i.end > mark.high ? mark.high : i.end }))
      .filter((i) => i.start < i.end);
    return { partition: s.partition, intervals };
  });
  return withTotal(partitions);
}

function withTotal(partitions: SourcePlan['partitions']): SourcePlan {
  const kept = partitions.filter((p) => p.intervals.length > 0);
  return { partitions: kept, total: kept.reduce((n, p) => n + p.intervals.reduce((m, i) => m + Number(i.end - i.start), 0), 0) };
}

export interface SourceRead {
  /** Records wanted from one round of fetches, partition by partition in offset order; `scanned` counts those looked at (filtered ones too). */
  records: RawRecord[];
  scanned: number;
}

/**
 * Reads the plan's records: one fetch request per leader for up to 16 partitions at a time,
 * the next round fetched while the caller handles this one (no more is held), filtered in main
 * as a read is. Ends at each partition's end, at `limit` records, or when `signal` aborts.
 */
export async function* readSource(
  client: KafkaClient,
  topic: string,
  plan: SourcePlan,
  opts: { filter: MessageFilter | null; limit: number | null; signal: AbortSignal; schemas?: SchemaDecoder | undefined },
): AsyncGenerator<SourceRead> {
  const filter = opts.filter ? compileFilter(opts.filter) : null;
  // Per partition: where it stands, and which interval it is in.
  const state = plan.partitions.map((p) => ({ partition: p.partition, intervals: p.intervals, k: 0, offset: p.intervals[0]!.start }));
  let wanted = opts.limit ?? Number.POSITIVE_INFINITY;
  let cursor = 0;

  const nextRound = () => {
    const live = state.filter((s) => s.k < s.intervals.length);
    if (live.length === 0) return null;
    // Rotate through the partitions so each gets its turn when there are more than a round holds.
    const start = cursor % live.length;
    const round = [...live.slice(start), ...live.slice(0, start)].slice(0, PARTITIONS_PER_ROUND);
    cursor = start + round.length;
    const positions = round.map((s) => ({ partition: s.partition, offset: s.offset.toString() }));
    return { round, fetch: fetchRound(client, topic, positions, opts.signal) };
  };

  let pending = nextRound();
  while (pending && wanted > 0 && !opts.signal.aborted) {
    const chunks = await unlessAborted(pending.fetch, opts.signal);
    if (!chunks) break;
    const round = pending.round;
    // Move every partition on before the next fetch is asked for.
    const byPartition: { s: (typeof state)[number]; records: RawRecord[] }[] = [];
    round.forEach((s, i) => {
      const chunk = chunks[i]!;
      const records: RawRecord[] = [];
      for (const r of chunk.records) {
        const o = BigInt(r.offset);
        while (s.k < s.intervals.length && o >= s.intervals[s.k]!.end) s.k++;
        if (s.k >= s.intervals.length) break;
        if (o < s.intervals[s.k]!.start) continue;
        records.push(r);
      }
      const next = BigInt(chunk.nextOffset);
      // No progress: the rest is an open transaction (beyond the last stable offset) or a gap.
      if (next <= s.offset) s.k = s.intervals.length;
      else s.offset = next;
      while (s.k < s.intervals.length && s.offset >= s.intervals[s.k]!.end) s.k++;
      if (s.k < s.intervals.length && s.offset < s.intervals[s.k]!.start) s.offset = s.intervals[s.k]!.start;
      byPartition.push({ s, records });
    });
    pending = nextRound();
    let scanned = 0;
    const out: RawRecord[] = [];
    for (const { records } of byPartition) {
      const decoded = filter && opts.schemas ? await opts.schemas.decodeRecords(records, topic) : null;
      for (let i = 0; i < records.length && wanted > 0; i++) {
        scanned++;
        const r = records[i]!;
        if (filter && !filter(filterable(r, decoded ? decoded[i]! : null))) continue;
        out.push(r);
        wanted--;
      }
    }
    yield { records: out, scanned };
  }
  // A round fetched ahead and not wanted: its failure must not surface later.
  pending?.fetch.catch(() => undefined);
}

async function fetchRound(client: KafkaClient, topic: string, positions: { partition: number; offset: string }[], signal: AbortSignal): Promise<PartitionChunk[]> {
  const work = withRetries(
    async () => {
      const chunks = await client.readChunks(topic, positions, CHUNK_BYTES, 50);
      const failed = chunks.find((c) => c.error);
      if (failed?.error) throw failed.error;
      // A record batch bigger than the per-partition limit comes whole only for the first
      // partition of a response (KIP-74); elsewhere it is cut and decodes to nothing. Such a
      // partition is asked again alone, where the broker returns its first batch whole.
      for (let i = 0; i < chunks.length; i++) {
        const c = chunks[i]!;
        if (c.records.length === 0 && BigInt(c.nextOffset) <= BigInt(positions[i]!.offset) && BigInt(c.highWatermark) > BigInt(positions[i]!.offset)) {
          chunks[i] = await client.readChunk(topic, positions[i]!.partition, positions[i]!.offset, CHUNK_BYTES);
        }
      }
      return chunks;
    },
    signal,
    RETRIES,
  );
  work.catch(() => undefined);
  return work.catch((error: unknown) => {
    if (AppError.is(error) && error.code === 'OFFSET_OUT_OF_RANGE') {
      throw appError(ErrorCode.NotFound, `${topic}: messages of the copy were deleted (retention) while it ran.`, { hint: 'Copy again from the current start of the topic.' });
    }
    throw error;
  });
}
