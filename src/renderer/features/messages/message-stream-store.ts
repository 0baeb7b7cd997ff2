import { create } from 'zustand';
import { useConnectionId } from '../../state/session-store';
import { messageFromWire, type MessagesBatch, type MessageView, type ReadProgress, type SearchSummary } from '../../../shared/api';
import { carryProgress } from './progress';
import { RingBuffer } from './ring-buffer';

export const DEFAULT_BUFFER = 50_000;
export type StreamMode = 'idle' | 'reading' | 'tailing' | 'paused';

/** What the kept messages may weigh in all: 50,000 messages with 256 KiB previews would be 12 GiB. */
const MAX_BUFFER_CHARS = 256 * 1024 * 1024;
const charsOf = (m: MessageView) => 64 + (m.key?.data.length ?? 0) + (m.value?.data.length ?? 0) + m.headers.reduce((n, h) => n + h.key.length + (h.value?.data.length ?? 0), 0);
interface StreamState {
  /** The run whose batches are accepted (others are late batches of a cancelled run). */
  runId: string | null;
  mode: StreamMode;
  /** Bumped when the buffer changed; components re-read `snapshot()` then. */
  version: number;
  kept: number;
  dropped: number;
  capacity: number;
  progress: ReadProgress | null;
  summary: SearchSummary | null;
  /** Display order: a tail shows the newest on top. */
  newestFirst: boolean;
  error: unknown;
  /** `carry`: the progress of the paused tail this run resumes; its counts go on from there. */
  begin(runId: string, mode: StreamMode, options: { clear: boolean; newestFirst: boolean; carry?: ReadProgress | null }): void;
  onBatch(batch: MessagesBatch): void;
  finish(runId: string, summary: SearchSummary | null, error: unknown, sort?: 'newest' | 'oldest'): void;
  setMode(mode: StreamMode): void;
  clear(): void;
  setCapacity(capacity: number): void;
}

/**
 * React hears of new messages at most this often. Main sends a fast read or tail in several
 * batches every 100 ms (batch-pusher.ts), each its own task here; a render per batch would
 * redraw the table several times for what one redraw shows.
 */
const COMMIT_EVERY_MS = 100;

/**
 * The messages of one connection's current read or tail live OUTSIDE React, in a ring buffer.
 * Batches from main go into it as they arrive; React hears about it in an animation frame at
 * most every COMMIT_EVERY_MS (`version` bumps), never per message. One per connection, so a tail
 * on cluster A keeps its buffer while the window shows cluster B.
 */
export function createMessageStream() {
  const ring = new RingBuffer<MessageView>(DEFAULT_BUFFER, { weigh: charsOf, maxWeight: MAX_BUFFER_CHARS });
  let commitPending = false;
  let lastCommit = 0;
  let pendingProgress: ReadProgress | null = null;
  /** What a paused tail had counted: a resumed run's counts are added to it (progress.ts). */
  let carried: ReadProgress | null = null;

  function commit() {
    commitPending = false;
    lastCommit = Date.now();
    useMessageStream.setState((s) => ({ version: s.version + 1, kept: ring.size, dropped: ring.dropped, progress: pendingProgress ?? s.progress }));
  }

  function scheduleCommit() {
    if (commitPending) return;
    commitPending = true;
    // requestAnimationFrame does not run in background tabs; a timeout keeps the counters honest there.
    const inFrame = () => (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible' ? requestAnimationFrame(commit) : setTimeout(commit, COMMIT_EVERY_MS));
    const wait = lastCommit + COMMIT_EVERY_MS - Date.now();
    if (wait > 0) setTimeout(inFrame, wait);
    else inFrame();
  }

  /** The newest progress, including what arrived since the last frame. */
  function latestProgress(): ReadProgress | null {
    return pendingProgress ?? useMessageStream.getState().progress;
  }

  let cache: { version: number; rows: MessageView[] } = { version: -1, rows: [] };

  /** The kept messages in display order; the same array until the buffer changes. */
  function snapshot(): MessageView[] {
    const { version, newestFirst } = useMessageStream.getState();
    if (cache.version !== version) {
      const rows = ring.toArray();
      cache = { version, rows: newestFirst ? rows.reverse() : rows };
    }
    return cache.rows;
  }

  const useMessageStream = create<StreamState>()((set, get) => ({
    runId: null,
    mode: 'idle',
    version: 0,
    kept: 0,
    dropped: 0,
    capacity: DEFAULT_BUFFER,
    progress: null,
    summary: null,
    newestFirst: false,
    error: null,
    begin(runId, mode, { clear, newestFirst, carry = null }) {
      if (clear) ring.clear();
      carried = carry;
      pendingProgress = null;
      set((s) => ({ runId, mode, newestFirst, progress: carry, summary: null, error: null, version: s.version + 1, kept: ring.size, dropped: ring.dropped }));
    },
    onBatch(batch) {
      if (batch.runId !== get().runId) return;
      if (batch.messages.length > 0) ring.pushConverted(batch.messages, messageFromWire);
      // Main did not send what this buffer would have dropped (the read was asked to keep its capacity).
      if (batch.skipped) ring.dropped += batch.skipped;
      if (batch.progress) pendingProgress = carryProgress(carried, batch.progress);
      scheduleCommit();
    },
    finish(runId, finished, error, sort) {
      if (runId !== get().runId) return;
      const summary = finished ? { ...finished, progress: carryProgress(carried, finished.progress) } : null;
      // A redraw still due (scheduleCommit) then shows the read's final progress, not its last batch's.
      if (summary) pendingProgress = summary.progress;
      if (sort) {
        // A finished read is shown in time order (batches interleave partitions while reading).
        const rows = ring.toArray().sort((a, b) => Number(a.timestamp) - Number(b.timestamp) || a.partition - b.partition || Number(a.offset) - Number(b.offset));
        const dropped = ring.dropped;
        ring.clear();
        ring.push(rows);
        ring.dropped = dropped;
      }
      set((s) => ({
        mode: s.mode === 'paused' ? 'paused' : 'idle',
        summary,
        error,
        progress: summary?.progress ?? pendingProgress ?? s.progress,
        newestFirst: sort ? sort === 'newest' : s.newestFirst,
        version: s.version + 1,
        kept: ring.size,
        dropped: ring.dropped,
      }));
    },
    setMode: (mode) => set({ mode }),
    clear() {
      ring.clear();
      set((s) => ({ version: s.version + 1, kept: 0, dropped: 0 }));
    },
    setCapacity(capacity) {
      ring.resize(capacity);
      set((s) => ({ capacity, version: s.version + 1, kept: ring.size, dropped: ring.dropped }));
    },
  }));

  return { store: useMessageStream, snapshot, latestProgress };
}

export type MessageStream = ReturnType<typeof createMessageStream>;

const streams = new Map<string, MessageStream>();

/** The stream of one connection, created on first use. */
export function messageStreamOf(connectionId: string): MessageStream {
  let stream = streams.get(connectionId);
  if (!stream) streams.set(connectionId, (stream = createMessageStream()));
  return stream;
}

/** Frees a closed connection's buffer. */
export function forgetMessageStream(connectionId: string): void {
  streams.delete(connectionId);
}

/** Hands a batch pushed by main to the stream whose run it belongs to (the others ignore it by run id). */
export function dispatchBatch(batch: MessagesBatch): void {
  for (const stream of streams.values()) stream.store.getState().onBatch(batch);
}

/** The stream of the connection the calling page renders for. */
export function useCurrentMessageStream(): MessageStream {
  return messageStreamOf(useConnectionId());
}

/** Empties every connection's buffer (screen-share mode turned on: what was read unmasked goes). */
export function clearAllMessageStreams(): void {
  for (const stream of streams.values()) stream.store.getState().clear();
}
