import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessagesBatch, ReadProgress, SearchSummary } from '../../../shared/api';
import type { WireMessage } from '../../../shared/api/message-wire';
import { createMessageStream } from './message-stream-store';

const progress = (scanned: number): ReadProgress => ({ scanned, matched: scanned, partitions: [], elapsedMs: scanned });
const message = (offset: number): WireMessage => [0, String(offset), '1', 0, null, [`v${offset}`, 2, 0], []];
const batch = (offsets: number[], p: ReadProgress | null): MessagesBatch => ({ runId: 'r', messages: offsets.map(message), progress: p });

describe('a message stream', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('takes batches as they come and tells React at most every 100 ms, with the newest progress', () => {
    const stream = createMessageStream();
    const state = () => stream.store.getState();
    state().begin('r', 'tailing', { clear: true, newestFirst: true });
    const begun = state().version;

    state().onBatch(batch([1], progress(1)));
    expect(state().version).toBe(begun);
    vi.advanceTimersByTime(100);
    expect([state().version, state().kept, state().progress?.scanned]).toEqual([begun + 1, 1, 1]);

    // Five batches in quick succession (one push of a fast tail): one redraw.
    for (let i = 2; i <= 6; i++) state().onBatch(batch([i], progress(i)));
    vi.advanceTimersByTime(99);
    expect(state().version).toBe(begun + 1);
    vi.advanceTimersByTime(200);
    expect([state().version, state().kept, state().progress?.scanned]).toEqual([begun + 2, 6, 6]);
    expect(stream.snapshot().map((m) => m.offset)).toEqual(['6', '5', '4', '3', '2', '1']);
  });

  it('keeps the final progress when a redraw is still due as the read ends', () => {
    const stream = createMessageStream();
    const state = () => stream.store.getState();
    state().begin('r', 'reading', { clear: true, newestFirst: false });
    state().onBatch(batch([1], progress(1)));
    vi.advanceTimersByTime(100);
    state().onBatch(batch([2], progress(2)));
    state().finish('r', { progress: progress(9) } as SearchSummary, null);
    expect(state().progress?.scanned).toBe(9);
    vi.advanceTimersByTime(300);
    expect([state().progress?.scanned, state().kept, state().mode]).toEqual([9, 2, 'idle']);
  });
});
