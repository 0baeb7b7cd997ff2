import type { SearchSummary } from '../../../shared/api';
import type { WireMessage } from '../../../shared/api/message-wire';
import { AppError } from '../../../shared/errors';
import { isConnectionUnavailable } from '../../../shared/connection-errors';
import type { KafkaClient } from '../../kafka/client';
import type { PartitionChunk } from '../../kafka/ports/messages';
import { abortableSleep } from '../abortable-sleep';
import { quiet, unlessAborted } from '../cancellable';
import { BatchPusher } from './batch-pusher';
import { toWire } from './message-service';
import { decodeParts, failedParts, filterable } from './schema-records';
import { choosePartitionsWithMarks } from './ranges';
import { compileFilter, type RecordPredicate } from './record-filter';
import { BACKLOG_POLL_MS, MAX_BACKLOG_BYTES, type TailRequest } from './stream-request';

const TAIL_CHUNK_BYTES = 1024 * 1024;
/** How long the broker may hold a tail fetch when there is nothing new (cancel does not wait for it). */
const TAIL_WAIT_MS = 500;
const TAIL_RETRIES = 5;
const TROUBLED_PAUSE_MS = 300;
/** Between two tries to find where a leaderless partition stood when the tail started. */
const START_RETRY_MS = 1_000;
const WAITING_FOR_LEADER = 'No leader: its tail starts once the partition can be read (the messages written since the tail began included)';
/** Between two looks at a cluster that does not answer, while the health monitor has not called it lost. */
const UNAVAILABLE_PAUSE_MS = 1_000;

interface TailPosition {
  index: number;
  partition: number;
  /** The next offset to read. */
  offset: bigint;
  high: bigint;
  /** False while the partition's starting offset is unknown (no leader when the tail began). */
  started: boolean;
}

/**
 * Follows the chosen partitions from their end (or from where a paused tail stopped): one
 * long-poll fetch per leader for all partitions, matches pushed in batches. Runs until
 * cancelled or the connection closes; never joins a group, never commits. An outage does not
 * end it: it says it waits for the cluster, and resumes from the same offsets when the brokers
 * are back (offsets deleted meanwhile are reported as gaps).
 */
export async function tailMessages(client: KafkaClient, req: TailRequest): Promise<SearchSummary> {
  const filter: RecordPredicate | null = compileFilter(req.filter);
  const startedAt = Date.now();
  // The end a read-committed reader sees (the last stable offset): starting at the high
  // watermark would skip a transaction still open now and committed a moment later.
  const { chosen: partitions, marks } = await choosePartitionsWithMarks(client, req.topic, req.partitions, { committed: true, filter: req.filter });
  const resume = new Map((req.resumeFrom ?? []).map((r) => [r.partition, BigInt(r.offset)]));
  const positions: TailPosition[] = partitions.map((p, index) => {
    const mark = marks.get(p);
    const from = resume.get(p);
    // No leader, so no end offset: the partition waits (see startWaiting), never starts at 0.
    if (!mark) return { index, partition: p, offset: from ?? 0n, high: from ?? 0n, started: from !== undefined };
    const { high, low } = mark;
    // A resumed offset the retention has deleted since: continue from the oldest kept.
    return { index, partition: p, offset: from === undefined ? high : from < low ? low : from > high ? high : from, high, started: true };
  });
  const pusher = new BatchPusher(req.runId, positions.map((p) => ({ partition: p.partition, from: p.offset, end: p.high, unstarted: !p.started })), req.push);
  for (const p of positions) if (!p.started) pusher.setError(p.index, WAITING_FOR_LEADER);
  let nextStartTry = Date.now() + START_RETRY_MS;
  pusher.announce();
  let failures = 0;
  let round = 0;
  try {
    while (!req.signal.aborted && req.isOpen()) {
      // The broker hands a batch bigger than the size asked for only to the first partition of
      // a fetch that has data: a different partition leads each time, so none waits forever.
      if (Date.now() >= nextStartTry && positions.some((p) => !p.started)) {
        await startWaiting(client, req.topic, positions, startedAt, pusher);
        nextStartTry = Date.now() + START_RETRY_MS;
      }
      const order = rotate(positions.filter((p) => p.started), round++);
      // Behind the window: the tail falls behind the log end, as a consumer does, and catches up.
      while (req.backlog && req.backlog() > MAX_BACKLOG_BYTES && !req.signal.aborted && req.isOpen()) await abortableSleep(BACKLOG_POLL_MS, req.signal);
      if (req.signal.aborted || !req.isOpen()) break;
      if (order.length === 0) {
        await abortableSleep(START_RETRY_MS, req.signal);
        continue;
      }
      let chunks: PartitionChunk[] | null;
      try {
        const reading = quiet(client.readChunks(req.topic, order.map((p) => ({ partition: p.partition, offset: p.offset.toString() })), TAIL_CHUNK_BYTES, TAIL_WAIT_MS));
        chunks = await unlessAborted(req.health ? quiet(req.health.guard(reading)) : reading, req.signal);
        // Only when every partition failed is the tail itself in trouble (retried, then ended).
        if (chunks && chunks.length > 0 && chunks.every((c) => c.error)) {
          for (const [i, c] of chunks.entries()) if (c.error?.code === 'OFFSET_OUT_OF_RANGE') await moveIntoLog(client, req.topic, order[i]!, pusher);
          throw chunks[0]!.error;
        }
        failures = 0;
        pusher.setWaiting(null);
      } catch (error) {
        if (req.signal.aborted || !req.isOpen()) break;
        // The cluster does not answer: wait for it as long as it takes (the health monitor says when it is back).
        if (isConnectionUnavailable(error)) {
          pusher.setWaiting(`Waiting for the cluster: ${(error as Error).message}`);
          await req.health?.waitUntilUsable(req.signal);
          await abortableSleep(UNAVAILABLE_PAUSE_MS, req.signal);
          continue;
        }
        // A leader moving or a broker restarting: try again a few times before giving up.
        if (AppError.is(error) && error.retriable && ++failures <= TAIL_RETRIES) {
          await abortableSleep(500 * failures, req.signal);
          continue;
        }
        throw error;
      }
      if (!chunks) break;
      // A registry that is down costs these records their decoding (shown raw, with why), never the tail.
      if (req.schemas) await req.schemas.prepare(chunks.flatMap((c) => c.records));
      const troubled = chunks.filter((c) => c.error).length;
      for (const [i, chunk] of chunks.entries()) {
        const p = order[i]!;
        pusher.setError(p.index, chunk.error?.message ?? null);
        if (chunk.error?.code === 'OFFSET_OUT_OF_RANGE') await moveIntoLog(client, req.topic, p, pusher);
      }
      chunks.forEach((chunk, i) => {
        const p = order[i]!;
        if (chunk.error) return;
        const after = BigInt(chunk.nextOffset);
        if (chunk.records.length === 0 && after === p.offset && BigInt(chunk.highWatermark) <= BigInt(pusher.partitions[p.index]!.end)) return;
        const matches: WireMessage[] = [];
        let undecodable = 0;
        for (let r of chunk.records) {
          let parts = decodeParts(r, req.schemas, req.topic);
          if (parts) undecodable += failedParts(parts);
          if (req.mask) ({ record: r, parts } = req.mask(r, parts));
          if (!filter || filter(filterable(r, parts))) matches.push(toWire(r, parts));
        }
        pusher.countUndecodable(undecodable);
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
 * Starts the partitions that had no leader when the tail began, where the log stood then: at the
 * first message written since (by timestamp), so nothing older is replayed and nothing newer missed.
 * Without that lookup, at the end the partition has now.
 */
async function startWaiting(client: KafkaClient, topic: string, positions: TailPosition[], startedAt: number, pusher: BatchPusher): Promise<void> {
  const marks = await client.fetchWatermarks([topic], { committed: true }).catch(() => []);
  if (!positions.some((p) => !p.started && marks.some((w) => w.partition === p.partition))) return;
  const byTime = await client.fetchOffsetsAtTime(topic, startedAt).catch(() => null);
  for (const p of positions) {
    if (p.started) continue;
    const mark = marks.find((w) => w.partition === p.partition);
    if (!mark) continue;
    const high = BigInt(mark.high);
    const timed = byTime?.find((e) => e.partition === p.partition);
    const at = timed && BigInt(timed.offset) >= BigInt(mark.low) && BigInt(timed.offset) <= high ? BigInt(timed.offset) : high;
    p.offset = at;
    p.high = high;
    p.started = true;
    pusher.start(p.index, at, high);
    pusher.setError(p.index, null);
  }
}

/**
 * A tail's position the log no longer has: retention deleted it (continue from the oldest kept)
 * or the topic was recreated (continue from its end).
 */
async function moveIntoLog(client: KafkaClient, topic: string, p: { partition: number; offset: bigint }, pusher: BatchPusher): Promise<void> {
  const mark = (await client.fetchWatermarks([topic], { committed: true }).catch(() => [])).find((w) => w.partition === p.partition);
  if (!mark) return;
  const low = BigInt(mark.low);
  const high = BigInt(mark.high);
  // Skipping deleted offsets is a gap in what the window shows: say so.
  if (p.offset < low) pusher.addGap(p.partition, p.offset, low);
  p.offset = p.offset < low ? low : p.offset > high ? high : p.offset;
}

/** The same items, starting `by` places further on (wrapping round). */
function rotate<T>(items: T[], by: number): T[] {
  const k = items.length === 0 ? 0 : by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}
