import type { MessageFilter, MessagesBatch, SearchSummary, StartPosition } from '../../../shared/api';
import type { WireMessage } from '../../../shared/api/message-wire';
import { AppError } from '../../../shared/errors';
import type { KafkaClient } from '../../kafka/client';
import type { PartitionChunk } from '../../kafka/ports/messages';
import { BatchPusher } from './batch-pusher';
import { NewestOverall } from './newest-overall';
import { toWire } from './message-service';
import { choosePartitions, resolveRanges, type PartitionRange } from './ranges';
import { compileFilter, type RecordPredicate } from './record-filter';
import { abortableSleep } from '../abortable-sleep';
import { createLimiter } from '../limiter';

/** Bytes asked for per partition and fetch; one chunk is read ahead while the last is filtered. */
const SEARCH_CHUNK_BYTES = 1024 * 1024;
const TAIL_CHUNK_BYTES = 1024 * 1024;
/** How long the broker may hold a tail fetch when there is nothing new (cancel does not wait for it). */
const TAIL_WAIT_MS = 500;
const TAIL_RETRIES = 5;
const SEARCH_RETRIES = 3;
const FETCHES_IN_FLIGHT = 16;
const TROUBLED_PAUSE_MS = 300;

interface StreamRequest {
  runId: string;
  topic: string;
  partitions: number[] | null;
  filter: MessageFilter;
  signal: AbortSignal;
  push(batch: MessagesBatch): void;
}

export interface SearchRequest extends StreamRequest {
  position: StartPosition;
  limit: number;
}

export interface TailRequest extends StreamRequest {
  /** Where a paused tail stopped, per partition; others start at their end. */
  resumeFrom?: { partition: number; offset: string }[] | null;
  /** False once the connection is closed: the tail ends quietly. */
  isOpen(): boolean;
}

/**
 * Reads the range of each chosen partition (in parallel, oldest first within a partition),
 * filters in main and streams only the matches, with progress; ends at the range's end, at
 * `limit` matches, or at once when cancelled.
 */
export async function searchMessages(client: KafkaClient, req: SearchRequest): Promise<SearchSummary> {
  const filter = compileFilter(req.filter);
  const ranges = newestOnly(await resolveRanges(client, req.topic, req.partitions, req.position), req, filter === null);
  const pusher = new BatchPusher(req.runId, ranges.map((r) => ({ partition: r.partition, from: r.from, end: r.high })), req.push);
  // Stops every partition's reader when one fails, not only when the window cancels.
  const stop = linkedController(req.signal);
  // Every partition reads ahead; hundreds of partitions must not queue hundreds of MB of
  // fetches on one connection (on a slow link the last ones would time out).
  const inFlight = createLimiter(FETCHES_IN_FLIGHT);
  let limitReached = false;
  const full = () => limitReached || stop.signal.aborted;
  // Newest messages are chosen by time across partitions, so nothing is pushed before all are
  // read: "overall", the topic's newest N (then the matches among them); per partition, the
  // newest `limit` matches of all the partitions' newest N.
  const newest =
    req.position.kind !== 'newest' ? null : req.position.scope === 'overall' ? { keepAll: true, pick: new NewestOverall(req.position.count) } : { keepAll: false, pick: new NewestOverall(req.limit) };

  const readPartition = async (index: number) => {
    const { partition, from, high } = ranges[index]!;
    const fetch = (offset: bigint) => withRetries(() => inFlight(() => client.readChunk(req.topic, partition, offset.toString(), SEARCH_CHUNK_BYTES)), stop.signal);
    let offset = from;
    let next: Promise<PartitionChunk> | null = offset < high ? quiet(fetch(offset)) : null;
    while (next && !full()) {
      const chunk = await unlessAborted(next, stop.signal);
      if (!chunk) break;
      const after = BigInt(chunk.nextOffset);
      // No progress: the rest is an open transaction (beyond the last stable offset) or a gap.
      const progressed = after > offset;
      next = progressed && after < high ? quiet(fetch(after)) : null;
      const matches: WireMessage[] = [];
      let scanned = 0;
      let last = Number(offset);
      // Per record: plain numbers (offsets stay below 2^53), the room left counted once per chunk.
      const end = Number(high);
      const room = req.limit - pusher.matched;
      for (const r of chunk.records) {
        const at = Number(r.offset);
        if (at >= end) break;
        if (matches.length >= room) {
          limitReached = true;
          break;
        }
        scanned++;
        last = at + 1;
        const match = !filter || filter(r) ? toWire(r) : null;
        if (!newest) {
          if (match) matches.push(match);
        } else if (match || newest.keepAll) newest.pick.offer(Number(r.timestamp), partition, at, match);
      }
      if (limitReached) offset = BigInt(last);
      else if (progressed) offset = after < high ? after : high;
      pusher.add(index, offset, scanned, matches);
    }
  };

  try {
    await Promise.all(ranges.map((_, i) => readPartition(i))).catch((error: unknown) => {
      stop.abort();
      throw error;
    });
    if (newest && !req.signal.aborted) {
      const picked = newest.pick.matches();
      const kept = picked.slice(0, req.limit);
      limitReached = picked.length > req.limit;
      ranges.forEach((r, i) => {
        const own = kept.filter((m) => m[0] === r.partition);
        if (own.length > 0) pusher.add(i, BigInt(pusher.partitions[i]!.position), 0, own);
      });
    }
  } finally {
    pusher.flush();
    pusher.stop();
    stop.release();
  }
  return { runId: req.runId, progress: pusher.progress(), limitReached, cancelled: req.signal.aborted && !limitReached };
}

/**
 * Follows the chosen partitions from their end (or from where a paused tail stopped): one
 * long-poll fetch per leader for all partitions, matches pushed in batches. Runs until
 * cancelled or the connection closes; never joins a group, never commits.
 */
export async function tailMessages(client: KafkaClient, req: TailRequest): Promise<SearchSummary> {
  const filter: RecordPredicate | null = compileFilter(req.filter);
  const partitions = await choosePartitions(client, req.topic, req.partitions);
  // The end a read-committed reader sees (the last stable offset): starting at the high
  // watermark would skip a transaction still open now and committed a moment later.
  const marks = new Map((await client.fetchWatermarks([req.topic], { committed: true })).map((w) => [w.partition, w]));
  const resume = new Map((req.resumeFrom ?? []).map((r) => [r.partition, BigInt(r.offset)]));
  const positions = partitions.map((p, index) => {
    const mark = marks.get(p);
    const high = BigInt(mark?.high ?? '0');
    const low = BigInt(mark?.low ?? '0');
    const from = resume.get(p);
    // A resumed offset the retention has deleted since: continue from the oldest kept.
    return { index, partition: p, offset: from === undefined ? high : from < low ? low : from > high ? high : from, high };
  });
  const pusher = new BatchPusher(req.runId, positions.map((p) => ({ partition: p.partition, from: p.offset, end: p.high })), req.push);
  pusher.announce();
  let failures = 0;
  let round = 0;
  try {
    while (!req.signal.aborted && req.isOpen()) {
      // The broker hands a batch bigger than the size asked for only to the first partition of
      // a fetch that has data: a different partition leads each time, so none waits forever.
      const order = rotate(positions, round++);
      let chunks: PartitionChunk[] | null;
      try {
        chunks = await unlessAborted(
          quiet(client.readChunks(req.topic, order.map((p) => ({ partition: p.partition, offset: p.offset.toString() })), TAIL_CHUNK_BYTES, TAIL_WAIT_MS)),
          req.signal,
        );
        // Only when every partition failed is the tail itself in trouble (retried, then ended).
        if (chunks && chunks.length > 0 && chunks.every((c) => c.error)) {
          for (const [i, c] of chunks.entries()) if (c.error?.code === 'OFFSET_OUT_OF_RANGE') await moveIntoLog(client, req.topic, order[i]!);
          throw chunks[0]!.error;
        }
        failures = 0;
      } catch (error) {
        if (req.signal.aborted || !req.isOpen()) break;
        // A leader moving or a broker restarting: try again a few times before giving up.
        if (AppError.is(error) && error.retriable && ++failures <= TAIL_RETRIES) {
          await abortableSleep(500 * failures, req.signal);
          continue;
        }
        throw error;
      }
      if (!chunks) break;
      const troubled = chunks.filter((c) => c.error).length;
      for (const [i, chunk] of chunks.entries()) {
        const p = order[i]!;
        pusher.setError(p.index, chunk.error?.message ?? null);
        if (chunk.error?.code === 'OFFSET_OUT_OF_RANGE') await moveIntoLog(client, req.topic, p);
      }
      chunks.forEach((chunk, i) => {
        const p = order[i]!;
        if (chunk.error) return;
        const after = BigInt(chunk.nextOffset);
        if (chunk.records.length === 0 && after === p.offset && BigInt(chunk.highWatermark) <= BigInt(pusher.partitions[p.index]!.end)) return;
        const matches: WireMessage[] = [];
        for (const r of chunk.records) if (!filter || filter(r)) matches.push(toWire(r));
        if (after > p.offset) p.offset = after;
        pusher.add(p.index, p.offset, chunk.records.length, matches, BigInt(chunk.highWatermark));
      });
      // The healthy partitions may answer at once: do not hammer the failing ones meanwhile.
      if (troubled > 0) await abortableSleep(TROUBLED_PAUSE_MS, req.signal);
    }
  } finally {
    pusher.flush();
    pusher.stop();
  }
  return { runId: req.runId, progress: pusher.progress(), limitReached: false, cancelled: true };
}

/**
 * A tail's position the log no longer has: retention deleted it (continue from the oldest kept)
 * or the topic was recreated (continue from its end).
 */
async function moveIntoLog(client: KafkaClient, topic: string, p: { partition: number; offset: bigint }): Promise<void> {
  const mark = (await client.fetchWatermarks([topic], { committed: true }).catch(() => [])).find((w) => w.partition === p.partition);
  if (!mark) return;
  const low = BigInt(mark.low);
  const high = BigInt(mark.high);
  p.offset = p.offset < low ? low : p.offset > high ? high : p.offset;
}

/**
 * Without a filter, each partition's newest `limit` hold every message a "newest" read can
 * show: reading further back (N may be far above the limit) would only be thrown away.
 */
function newestOnly(ranges: PartitionRange[], req: SearchRequest, unfiltered: boolean): PartitionRange[] {
  if (req.position.kind !== 'newest' || !unfiltered) return ranges;
  const limit = BigInt(req.limit);
  return ranges.map((r) => (r.high - r.from > limit ? { ...r, from: r.high - limit } : r));
}

/** A fetch retried a few times when the error says it may pass (a leader moving, a broker restarting). */
async function withRetries<T>(work: () => Promise<T>, signal: AbortSignal): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (signal.aborted || !AppError.is(error) || !error.retriable || attempt > SEARCH_RETRIES) throw error;
      await abortableSleep(300 * attempt, signal);
    }
  }
}

/** An AbortController that also fires when `outer` does; `release` stops listening to `outer`. */
function linkedController(outer: AbortSignal): AbortController & { release(): void } {
  const controller = new AbortController();
  const forward = () => controller.abort();
  if (outer.aborted) controller.abort();
  else outer.addEventListener('abort', forward, { once: true });
  return Object.assign(controller, { release: () => outer.removeEventListener('abort', forward) });
}

function rotate<T>(items: T[], by: number): T[] {
  const k = items.length === 0 ? 0 : by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/**
 * The work's result, or null at once when the signal fires. Not Promise.race against one
 * long-lived "aborted" promise: each race would stay subscribed to it, keeping every chunk ever
 * read alive until the read ends (hundreds of MB in a long read; without end in a tail).
 */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T | null> {
  if (signal.aborted) return Promise.resolve(null);
  return new Promise<T | null>((resolve, reject) => {
    const onAbort = () => resolve(null);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** A fetch that may be abandoned: its late failure must not become an unhandled rejection. */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}
