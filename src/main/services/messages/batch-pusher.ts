import type { MessagesBatch, PartitionProgress, ReadProgress, TailGap } from '../../../shared/api';
import type { WireMessage } from '../../../shared/api/message-wire';
import type { RawRecord, RecordRows } from '../../kafka/ports/messages';
import { HeldMatches } from './held-matches';
import { toWire } from './message-service';
import { BACKLOG_POLL_MS } from './stream-request';
import type { DecodedParts } from './schema-records';

export const PUSH_EVERY_MS = 100;
/**
 * A batch never carries more than this many messages, and takes no more once it holds this many
 * characters of keys, values and headers: a fast read or tail sends several. The
 * window takes each batch in one task, and in the browser its text is decoded and parsed there:
 * a batch of 5,000 tail messages (~1.5 MB) took 30–35 ms of the renderer's CPU, and big values
 * (up to 256 KB shown each) would have made one batch hundreds of MB.
 */
export const MAX_BATCH = 1_000;
export const MAX_BATCH_CHARS = 512 * 1024;
/**
 * Held matches (see addMatches) go out after 2 s, then after 4, 8, … more: a slow long read still
 * shows its newest now and then, and each such push (up to `keep` messages) stays a small share of the read.
 */
export const PUSH_HELD_FIRST_MS = 2_000;

/**
 * Collects matching messages and per-partition progress, and pushes them to the window as one
 * `messages.batch` event at most every 100 ms (never one event per message), but a search's
 * batch as soon as it is full (MAX_BATCH, MAX_BATCH_CHARS). A timer makes sure what is pending goes out even when
 * the reader is waiting on the broker.
 *
 * Given `keep`, the number of messages the window keeps (its ring buffer), a read pushes its
 * first `keep` matches as they come, then holds only the newest `keep` in main and pushes those
 * now and then (PUSH_HELD_FIRST_MS) and at the end: the window would drop every older one on
 * arrival, so they are counted (`skipped`) instead of being converted and serialized. A read of a
 * million ends showing exactly what it showed before, having pushed a few times `keep`.
 */
export class BatchPusher {
  private pending: WireMessage[] = [];
  /** Characters of keys, values and headers in `pending`. */
  private pendingChars = 0;
  private timer: NodeJS.Timeout | null = null;
  private heldTimer: NodeJS.Timeout | null = null;
  private lastPush = 0;
  private readonly started = Date.now();
  private changed = false;
  private stopped = false;
  private undecodable = 0;
  private waiting: string | null = null;
  private readonly gaps: TailGap[] = [];
  readonly partitions: PartitionProgress[];
  /** Matches passed to addMatches so far (the first `keep` are pushed as they come). */
  private offered = 0;
  /** A held match: a record with its decoded parts, or a chunk's rows with the row's number (no object per match). */
  private readonly held: HeldMatches<RawRecord | RecordRows, DecodedParts | null | number> | null;
  private lastHeldPush = Date.now();
  private heldEvery = PUSH_HELD_FIRST_MS;

  constructor(
    private readonly runId: string,
    partitions: { partition: number; from: bigint; end: bigint; unstarted?: boolean }[],
    private readonly push: (batch: MessagesBatch) => void,
    /** How many messages the window keeps; null: push every match. */
    keep: number | null = null,
    /**
     * True while the window has not taken what was pushed: an in-between push of the held newest
     * then waits (a newer one would replace it on arrival anyway); the last push never does.
     */
    private readonly behind: () => boolean = () => false,
  ) {
    this.partitions = partitions.map((p) => ({ partition: p.partition, from: p.from.toString(), end: p.end.toString(), position: p.from.toString(), scanned: 0, matched: 0, ...(p.unstarted ? { unstarted: true as const } : {}) }));
    // A held row that falls out (or goes out) is never asked for again, nor are the rows of its chunk
    // before it: their batches' decompressed bytes go with them, not when the whole chunk does.
    this.held = keep !== null && keep > 0 ? new HeldMatches(keep, releaseUpTo) : null;
  }

  /**
   * As add(), for matches not yet in wire form: each is converted only if it is pushed (see
   * `keep`). `parts[i]` are the decoded parts of `records[i]` (or parts is null: none decoded).
   */
  addMatches(index: number, position: bigint, scanned: number, records: readonly RawRecord[], parts: readonly (DecodedParts | null)[] | null): void {
    if (this.stopped) return;
    for (let i = 0; i < records.length; i++) {
      const p = parts ? parts[i]! : null;
      if (!this.held || this.offered++ < this.held.capacity) this.queue(toWire(records[i]!, p));
      else this.held.offer(records[i]!, p);
    }
    this.add(index, position, scanned, []);
    this.partitions[index]!.matched += records.length;
  }

  /**
   * As addMatches, for rows [from, to) of a chunk that all match (a read without filter): a row is
   * made a record and converted only if it is pushed; the others are held as (rows, row), and
   * counted once newer ones push them out, never made objects.
   */
  addRows(index: number, position: bigint, scanned: number, rows: RecordRows, from: number, to: number): void {
    if (this.stopped) return;
    let row = from;
    for (; row < to && (!this.held || this.offered < this.held.capacity); row++, this.offered++) this.queue(toWire(rows.record(row)));
    // Only the newest `capacity` of the rest can stay held: older ones fall out at once, counted.
    if (this.held && row < to) {
      const first = Math.max(row, to - this.held.capacity);
      this.held.fallOut(first - row);
      this.offered += to - row;
      rows.release?.(first);
      rows.hold?.(first);
      for (row = first; row < to; row++) this.held.offer(rows, row);
    } else rows.release?.(to);
    this.add(index, position, scanned, []);
    this.partitions[index]!.matched += to - from;
  }

  /**
   * A match to push; a full batch goes at once (without progress: the timer's push says where the
   * read stands). Tens of thousands converted from a few chunks would otherwise wait for the timer
   * together and outlive young-generation collections: tens of MB left for a full GC.
   */
  private queue(message: WireMessage): void {
    this.pend(message);
    if (this.pending.length >= MAX_BATCH || this.pendingChars >= MAX_BATCH_CHARS) this.push({ runId: this.runId, messages: this.takePending(), progress: null });
  }

  /** Adds a message to the next batch, counting its characters. */
  private pend(message: WireMessage): void {
    this.pending.push(message);
    this.pendingChars += charsOf(message);
  }

  /** The oldest pending messages that fit one batch (at least one). */
  private takePending(): WireMessage[] {
    let n = 0;
    let chars = 0;
    while (n < this.pending.length && n < MAX_BATCH && (n === 0 || chars < MAX_BATCH_CHARS)) chars += charsOf(this.pending[n++]!);
    this.pendingChars -= chars;
    return this.pending.splice(0, n);
  }

  /** Records what one chunk of a partition gave: how far it got, how many were scanned, the matches. */
  add(index: number, position: bigint, scanned: number, matches: WireMessage[], end?: bigint): void {
    if (this.stopped) return; // a late reader after the read ended (failed or cancelled)
    const p = this.partitions[index]!;
    p.position = position.toString();
    if (end !== undefined && end > BigInt(p.end)) p.end = end.toString();
    p.scanned += scanned;
    p.matched += matches.length;
    for (const m of matches) this.pend(m);
    this.changed = true;
    this.schedule();
  }

  /** Counts schema-framed keys and values that could not be decoded, for the read's summary. */
  countUndecodable(n: number): void {
    if (n > 0) this.undecodable += n;
  }

  /** Says (or stops saying) why a partition cannot be read right now; the others go on. */
  setError(index: number, message: string | null): void {
    const p = this.partitions[index]!;
    if ((p.error ?? null) === message) return;
    if (message === null) delete p.error;
    else p.error = message;
    this.changed = true;
    this.schedule();
  }

  /** An unstarted partition (see PartitionProgress.unstarted) now has its starting offset. */
  start(index: number, offset: bigint, end: bigint): void {
    const p = this.partitions[index]!;
    p.from = p.position = offset.toString();
    p.end = end.toString();
    delete p.unstarted;
    this.changed = true;
    this.schedule();
  }

  /** Says (or stops saying) that the whole read waits for the cluster to answer again. */
  setWaiting(reason: string | null): void {
    if (this.waiting === reason) return;
    this.waiting = reason;
    this.changed = true;
    this.schedule();
  }

  /** Records offsets of a partition that were deleted before they could be read (at most the last 100 gaps). */
  addGap(partition: number, from: bigint, to: bigint): void {
    if (to <= from) return;
    this.gaps.push({ partition, from: from.toString(), to: to.toString() });
    if (this.gaps.length > 100) this.gaps.shift();
    this.changed = true;
    this.schedule();
  }

  /** Pushes the starting positions now, before any message: a pause at once can resume from them. */
  announce(): void {
    this.changed = true;
    this.schedule();
  }

  progress(): ReadProgress {
    let scanned = 0;
    let matched = 0;
    for (const p of this.partitions) {
      scanned += p.scanned;
      matched += p.matched;
    }
    return { scanned, matched, partitions: this.partitions.map((p) => ({ ...p })), elapsedMs: Date.now() - this.started, ...(this.undecodable > 0 ? { undecodable: this.undecodable } : {}), ...(this.waiting ? { waiting: this.waiting } : {}), ...(this.gaps.length > 0 ? { gaps: [...this.gaps] } : {}) };
  }

  get matched(): number {
    return this.partitions.reduce((n, p) => n + p.matched, 0);
  }

  /** Pushes everything pending now (at the end of a read, so the last batch is never held back). */
  flush(): void {
    this.pushNow(true);
  }

  private pushNow(withHeld: boolean): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    let skipped = 0;
    /** Held matches going out now: converted a batch at a time, so a push of 50,000 never holds them all in wire form. */
    let fromHeld = 0;
    if (this.held && this.held.size > 0 && (withHeld || (Date.now() - this.lastHeldPush >= this.heldEvery && !this.behind()))) {
      this.lastHeldPush = Date.now();
      this.heldEvery *= 2;
      fromHeld = this.held.size;
      skipped = this.held.takeFellOut();
      this.changed = true;
    }
    if (this.changed) {
      this.changed = false;
      this.lastPush = Date.now();
      const progress = this.progress();
      do {
        if (fromHeld > 0 && this.pending.length < MAX_BATCH) {
          const n = Math.min(fromHeld, MAX_BATCH - this.pending.length);
          this.held!.takeOldest(n, (item, extra) => {
            this.pend(typeof extra === 'number' ? toWire((item as RecordRows).record(extra)) : toWire(item as RawRecord, extra));
            releaseUpTo(item, extra);
          });
          fromHeld -= n;
        }
        const messages = this.takePending();
        // Only the last part says where the read stands: a pause handled between parts must not
        // resume past messages the window has not received. The first says how many main skipped.
        const last = this.pending.length === 0 && fromHeld === 0;
        const batch: MessagesBatch = { runId: this.runId, messages, progress: last ? progress : null };
        if (skipped > 0) batch.skipped = skipped;
        skipped = 0;
        this.push(batch);
      } while (this.pending.length > 0 || fromHeld > 0);
    }
    // Held matches not due yet go out when they are, even if the reader waits on the broker
    // meanwhile; due ones held back for the window look again shortly.
    if (this.held && this.held.size > 0 && !this.stopped && !this.heldTimer) {
      const due = this.lastHeldPush + this.heldEvery - Date.now();
      this.heldTimer = setTimeout(() => {
        this.heldTimer = null;
        this.pushNow(false);
      }, due > 0 ? due : BACKLOG_POLL_MS);
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.heldTimer) clearTimeout(this.heldTimer);
    this.timer = this.heldTimer = null;
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastPush + PUSH_EVERY_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pushNow(false);
    }, wait);
  }
}

/** For a held row (rows, row): the rows up to it are done with (see RecordRows.release). */
function releaseUpTo(item: RawRecord | RecordRows, extra: DecodedParts | null | number): void {
  if (typeof extra === 'number') (item as RecordRows).release?.(extra + 1);
}

/** Characters of a wire message's key, value and header values: what sizes its share of a batch. */
function charsOf(m: WireMessage): number {
  let n = (m[4]?.[0].length ?? 0) + (m[5]?.[0].length ?? 0);
  for (const [key, value] of m[6]) n += key.length + (value?.[0].length ?? 0);
  return n;
}
