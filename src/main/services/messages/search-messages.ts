import type { SearchSummary } from '../../../shared/api';
import type { KafkaClient } from '../../kafka/client';
import type { PartitionChunk, RawRecord, RecordRows } from '../../kafka/ports/messages';
import { linkedController, quiet, unlessAborted, withRetries } from '../cancellable';
import { BatchPusher } from './batch-pusher';
import { coalescedFetches } from './coalesced-fetches';
import { toWire } from './message-service';
import { failedParts, filterable, type DecodedParts } from './schema-records';
import { NewestOverall } from './newest-overall';
import { resolveRanges, type PartitionRange } from './ranges';
import { compileFilter } from './record-filter';
import { keySkip } from './key-skip';
import { MAX_BACKLOG_BYTES, type SearchRequest } from './stream-request';

/** Bytes asked for per partition and fetch; one chunk is read ahead while the last is filtered. */
const SEARCH_CHUNK_BYTES = 1024 * 1024;
const SEARCH_RETRIES = 3;

/**
 * Reads the range of each chosen partition (in parallel, oldest first within a partition),
 * filters in main and streams only the matches, with progress; ends at the range's end, at
 * `limit` matches, or at once when cancelled.
 */
export async function searchMessages(client: KafkaClient, req: SearchRequest): Promise<SearchSummary> {
  const filter = compileFilter(req.filter);
  const resolved = await resolveRanges(client, req.topic, req.partitions, req.position, { filter: req.filter });
  const ranges = newestOnly(resolved.ranges, req, filter === null);
  const behind = req.backlog ? () => req.backlog!() > MAX_BACKLOG_BYTES : undefined;
  // A partition without a leader is not read, and says so: the others are (after them in the progress).
  const unread = resolved.leaderless.map((partition) => ({ partition, from: 0n, end: 0n, unstarted: true }));
  const pusher = new BatchPusher(req.runId, [...ranges.map((r) => ({ partition: r.partition, from: r.from, end: r.high })), ...unread], req.push, req.keep ?? null, behind);
  unread.forEach((_, i) => pusher.setError(ranges.length + i, 'No leader right now (its broker is down?): not read'));
  // Stops every partition's reader when one fails, not only when the window cancels.
  const stop = linkedController(req.signal);
  // Every partition reads ahead; their fetches go out together (one Fetch for many partitions),
  // and few at once: hundreds of partitions must not queue hundreds of MB of fetches on one
  // connection (on a slow link the last ones would time out).
  const readChunk = coalescedFetches(client, req.topic, SEARCH_CHUNK_BYTES);
  let limitReached = false;
  const full = () => limitReached || stop.signal.aborted;
  // Newest messages are chosen by time across partitions, so nothing is pushed before all are
  // read: "overall", the topic's newest N (then the matches among them); per partition, the
  // newest `limit` matches of all the partitions' newest N.
  const newest =
    req.position.kind !== 'newest' ? null : req.position.scope === 'overall' ? { keepAll: true, pick: new NewestOverall(req.position.count) } : { keepAll: false, pick: new NewestOverall(req.limit) };

  // By exact key: records of other keys are passed over on their raw bytes (see key-skip.ts).
  const otherKey = keySkip(req.filter, { masked: !!req.mask, rankAll: newest?.keepAll ?? false, schemas: req.schemas, topic: req.topic });

  // No filter, masking or newest-first choice: records are counted and pushed as they are, unless
  // a chunk holds schema-framed data (or the topic is mapped to a local type).
  const plain = !filter && !req.mask && !newest && !otherKey;
  const unframedNeedsNoSchema = !req.schemas || req.schemas.leavesUnframed(req.topic);

  const readPartition = async (index: number) => {
    const { partition, from, high } = ranges[index]!;
    const fetch = (offset: bigint) => withRetries(() => readChunk(partition, offset.toString()), stop.signal, SEARCH_RETRIES);
    let offset = from;
    let next: Promise<PartitionChunk> | null = offset < high ? quiet(fetch(offset)) : null;
    while (next && !full()) {
      const chunk = await unlessAborted(next, stop.signal);
      if (!chunk) break;
      const after = BigInt(chunk.nextOffset);
      // No progress: the rest is an open transaction (beyond the last stable offset) or a gap.
      const progressed = after > offset;
      next = progressed && after < high ? quiet(fetch(after)) : null;
      // Per record: plain numbers (offsets stay below 2^53), the room left counted once per chunk.
      const rows: RecordRows = chunk.rows ?? arrayRows(chunk.records);
      const n = wanted(rows, Number(high), filter ? Number.POSITIVE_INFINITY : req.limit - pusher.matched);
      if (plain && (!req.schemas || (unframedNeedsNoSchema && !rows.mayBeFramed))) {
        // Every record matches and none needs to be an object: the pusher makes only those it pushes.
        const room = Math.max(0, req.limit - pusher.matched);
        const taken = Math.min(n, room);
        if (taken < n) limitReached = true;
        if (limitReached) offset = taken > 0 ? BigInt(rows.offset(taken - 1) + 1) : offset;
        else if (progressed) offset = after < high ? after : high;
        pusher.addRows(index, offset, taken, rows, 0, taken);
        continue;
      }
      const records: RawRecord[] = new Array<RawRecord>(n);
      for (let i = 0; i < n; i++) records[i] = rows.record(i);
      // Schema-framed keys and values, decoded (schemas fetched once per connection; big chunks on
      // worker threads) while the next chunk is fetched; by exact key, only those of candidate keys.
      const toDecode = otherKey && req.schemas ? records.filter((r) => !otherKey(r)) : records;
      const decoded = req.schemas ? await unlessAborted(req.schemas.decodeRecords(toDecode, req.topic), stop.signal) : null;
      let nextDecoded = 0;
      if (req.schemas && !decoded) break;
      // Counted after the await: the other partitions' chunks (often from the same Fetch) may have matched meanwhile.
      const room = req.limit - pusher.matched;
      // Matches stay records until pushed: the pusher converts only those the window will keep.
      const matches: RawRecord[] = [];
      const matchParts: (DecodedParts | null)[] | null = decoded ? [] : null;
      let scanned = 0;
      let undecodable = 0;
      let last = Number(offset);
      for (let i = 0; i < records.length; i++) {
        let r = records[i]!;
        const at = Number(r.offset);
        if (matches.length >= room) {
          limitReached = true;
          break;
        }
        scanned++;
        last = at + 1;
        if (otherKey?.(r)) continue;
        let parts = decoded ? decoded[nextDecoded++]! : null;
        if (parts) undecodable += failedParts(parts);
        // Masked before the filter sees it: a masked value cannot be found by searching for it.
        if (req.mask) ({ record: r, parts } = req.mask(r, parts));
        const match = !filter || filter(filterable(r, parts));
        if (!newest) {
          if (match) {
            matches.push(r);
            matchParts?.push(parts);
          }
        } else if (match || newest.keepAll) newest.pick.offer(Number(r.timestamp), partition, at, match ? toWire(r, parts) : null);
      }
      if (limitReached) offset = BigInt(last);
      else if (progressed) offset = after < high ? after : high;
      pusher.countUndecodable(undecodable);
      pusher.addMatches(index, offset, scanned, matches, matchParts);
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
  return { runId: req.runId, progress: pusher.progress(), limitReached, cancelled: req.signal.aborted && !limitReached, ...(resolved.byKey === null ? {} : { keyPartition: resolved.byKey }) };
}

/**
 * How many records of a chunk a read looks at: those below the range's end and, without a filter,
 * no more than the matches still wanted (one more, so reaching the limit is noticed).
 */
function wanted(rows: RecordRows, end: number, room: number): number {
  let n = 0;
  while (n < rows.length && n <= room && rows.offset(n) < end) n++;
  return n;
}

/** Records already made objects (a chunk without rows: fakes in tests), seen as rows. */
function arrayRows(records: readonly RawRecord[]): RecordRows {
  return { length: records.length, mayBeFramed: true, offset: (row) => Number(records[row]!.offset), record: (row) => records[row]! };
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
