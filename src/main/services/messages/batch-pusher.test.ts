import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MessagesBatch } from '../../../shared/api';
import type { RawRecord, RecordRows } from '../../kafka/ports/messages';
import { encodeRecordBatch } from '../../kafka/kafkajs/raw/record-batch';
import { decodeRecordTable } from '../../kafka/kafkajs/raw/record-batch-decode';
import { BatchPusher, MAX_BATCH, MAX_BATCH_CHARS } from './batch-pusher';
import { HeldMatches } from './held-matches';
import { toWire } from './message-service';

const record = (offset: number): RawRecord => ({ partition: 0, offset: String(offset), timestamp: '1', timestampType: 'CreateTime', key: null, value: Buffer.from(`v${offset}`), headers: [] });
const records = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => record(from + i));

describe('HeldMatches', () => {
  it('keeps the newest items in order and counts those that fell out', () => {
    const held = new HeldMatches<number, string>(3);
    for (let i = 0; i < 7; i++) held.offer(i, `e${i}`);
    const taken: [number, string][] = [];
    expect(held.take((item, extra) => taken.push([item, extra]))).toBe(4);
    expect(taken).toEqual([
      [4, 'e4'],
      [5, 'e5'],
      [6, 'e6'],
    ]);
    expect(held.size).toBe(0);
    expect(held.take(() => undefined)).toBe(0);
  });

  it('tells of each item a newer one pushes out, oldest first', () => {
    const out: number[] = [];
    const held = new HeldMatches<number, null>(2, (item) => out.push(item));
    for (let i = 0; i < 5; i++) held.offer(i, null);
    held.takeOldest(2, () => undefined);
    expect(out).toEqual([0, 1, 2]);
    expect(held.takeFellOut()).toBe(3);
  });

  it('hands out its oldest a few at a time', () => {
    const held = new HeldMatches<number, null>(3);
    for (let i = 0; i < 5; i++) held.offer(i, null);
    expect(held.takeFellOut()).toBe(2);
    const taken: number[] = [];
    held.takeOldest(2, (item) => taken.push(item));
    held.offer(5, null);
    held.takeOldest(5, (item) => taken.push(item));
    expect(taken).toEqual([2, 3, 4, 5]);
    expect(held.size).toBe(0);
    expect(held.takeFellOut()).toBe(0);
  });
});

describe('BatchPusher with keep', () => {
  afterEach(() => vi.useRealTimers());

  it('pushes the first `keep` matches, then only the newest `keep`, and counts the rest as skipped', () => {
    const batches: MessagesBatch[] = [];
    const pusher = new BatchPusher('r', [{ partition: 0, from: 0n, end: 1000n }], (b) => batches.push(b), 100);
    pusher.addMatches(0, 1000n, 1000, records(0, 1000), null);
    pusher.flush();
    pusher.stop();
    const pushed = batches.flatMap((b) => b.messages.map((m) => Number(m[1])));
    const skipped = batches.reduce((n, b) => n + (b.skipped ?? 0), 0);
    expect(pushed).toEqual([...Array.from({ length: 100 }, (_, i) => i), ...Array.from({ length: 100 }, (_, i) => 900 + i)]);
    expect(skipped).toBe(800);
    // What the window keeps of it (its newest 100) is what it kept when every match was pushed.
    expect(pushed.slice(-100)).toEqual(Array.from({ length: 100 }, (_, i) => 900 + i));
    expect(batches.at(-1)!.progress).toMatchObject({ scanned: 1000, matched: 1000 });
  });

  it('pushes every match without keep', () => {
    const batches: MessagesBatch[] = [];
    const pusher = new BatchPusher('r', [{ partition: 0, from: 0n, end: 300n }], (b) => batches.push(b));
    pusher.addMatches(0, 300n, 300, records(0, 300), null);
    pusher.flush();
    pusher.stop();
    expect(batches.flatMap((b) => b.messages)).toHaveLength(300);
    expect(batches.some((b) => b.skipped)).toBe(false);
  });

  it('shows the held newest during a long read without waiting for its end', () => {
    vi.useFakeTimers();
    const batches: MessagesBatch[] = [];
    const pusher = new BatchPusher('r', [{ partition: 0, from: 0n, end: 10_000n }], (b) => batches.push(b), 10);
    pusher.addMatches(0, 50n, 50, records(0, 50), null);
    vi.advanceTimersByTime(150);
    expect(batches.flatMap((b) => b.messages)).toHaveLength(10);
    vi.advanceTimersByTime(2_000);
    const pushed = batches.flatMap((b) => b.messages.map((m) => Number(m[1])));
    expect(pushed.slice(-10)).toEqual(Array.from({ length: 10 }, (_, i) => 40 + i));
    expect(batches.reduce((n, b) => n + (b.skipped ?? 0), 0)).toBe(30);
    pusher.stop();
  });

  it('holds back an in-between push of the held newest while the window is behind, never the last', () => {
    vi.useFakeTimers();
    const batches: MessagesBatch[] = [];
    let behind = true;
    const pusher = new BatchPusher('r', [{ partition: 0, from: 0n, end: 10_000n }], (b) => batches.push(b), 10, () => behind);
    pusher.addMatches(0, 50n, 50, records(0, 50), null);
    vi.advanceTimersByTime(150);
    const firstTen = batches.flatMap((b) => b.messages).length;
    expect(firstTen).toBe(10);
    // Due at 2 s, but the window has not taken the first ten yet: nothing more goes out.
    vi.advanceTimersByTime(5_000);
    expect(batches.flatMap((b) => b.messages)).toHaveLength(firstTen);
    // Caught up: the newest go out at the next look, with what fell out counted.
    behind = false;
    vi.advanceTimersByTime(60);
    expect(batches.flatMap((b) => b.messages.map((m) => Number(m[1]))).slice(-10)).toEqual(Array.from({ length: 10 }, (_, i) => 40 + i));
    expect(batches.reduce((n, b) => n + (b.skipped ?? 0), 0)).toBe(30);
    // The last push goes however far behind the window is.
    behind = true;
    pusher.addMatches(0, 60n, 10, records(50, 60), null);
    pusher.flush();
    expect(batches.flatMap((b) => b.messages.map((m) => Number(m[1]))).slice(-10)).toEqual(Array.from({ length: 10 }, (_, i) => 50 + i));
    pusher.stop();
  });

  it('makes objects only of the rows it pushes, and ends with what addMatches would have shown', () => {
    const made: number[] = [];
    const rowsOf = (from: number, to: number): RecordRows => ({ length: to - from, mayBeFramed: false, offset: (row) => from + row, record: (row) => (made.push(from + row), record(from + row)) });
    const viaRows: MessagesBatch[] = [];
    const pusher = new BatchPusher('r', [{ partition: 0, from: 0n, end: 1000n }], (b) => viaRows.push(b), 100);
    // Chunks of 30, 250 (more than keep at once) and the rest, as a read without filter gives them.
    pusher.addRows(0, 30n, 30, rowsOf(0, 30), 0, 30);
    pusher.addRows(0, 280n, 250, rowsOf(30, 280), 0, 250);
    pusher.addRows(0, 1000n, 720, rowsOf(280, 1000), 0, 720);
    pusher.flush();
    pusher.stop();
    const viaRecords: MessagesBatch[] = [];
    const old = new BatchPusher('r', [{ partition: 0, from: 0n, end: 1000n }], (b) => viaRecords.push(b), 100);
    old.addMatches(0, 1000n, 1000, records(0, 1000), null);
    old.flush();
    old.stop();
    const shown = (batches: MessagesBatch[]) => ({ messages: batches.flatMap((b) => b.messages), skipped: batches.reduce((n, b) => n + (b.skipped ?? 0), 0), progress: batches.at(-1)!.progress });
    expect(shown(viaRows)).toEqual({ ...shown(viaRecords), progress: { ...shown(viaRecords).progress, elapsedMs: expect.any(Number) } });
    expect(made).toEqual([...Array.from({ length: 100 }, (_, i) => i), ...Array.from({ length: 100 }, (_, i) => 900 + i)]);
  });

  it('sends a big held push in batches of at most 1,000, only the last saying where the read stands', () => {
    const batches: MessagesBatch[] = [];
    const pusher = new BatchPusher('r', [{ partition: 0, from: 0n, end: 30_000n }], (b) => batches.push(b), 12_000);
    pusher.addRows(0, 30_000n, 30_000, { length: 30_000, mayBeFramed: false, offset: (row) => row, record }, 0, 30_000);
    pusher.flush();
    pusher.stop();
    // The first 12,000 go as their batches fill; the end sends the held newest 12,000, the first saying 6,000 were skipped.
    expect(batches.map((b) => [b.messages.length, b.progress !== null, b.skipped ?? 0])).toEqual([
      ...Array.from({ length: 12 }, () => [MAX_BATCH, false, 0]),
      [MAX_BATCH, false, 6_000],
      ...Array.from({ length: 10 }, () => [MAX_BATCH, false, 0]),
      [MAX_BATCH, true, 0],
    ]);
    const pushed = batches.flatMap((b) => b.messages.map((m) => Number(m[1])));
    expect(pushed).toEqual([...Array.from({ length: 12_000 }, (_, i) => i), ...Array.from({ length: 12_000 }, (_, i) => 18_000 + i)]);
  });

  it('takes no more messages into a batch once it holds MAX_BATCH_CHARS characters', () => {
    const big = (offset: number): RawRecord => ({ ...record(offset), key: Buffer.from(`k${offset}`), value: Buffer.alloc(MAX_BATCH_CHARS / 2, 'x'), headers: [{ key: 'h', value: Buffer.from('y') }] });
    const batches: MessagesBatch[] = [];
    const pusher = new BatchPusher('r', [{ partition: 0, from: 0n, end: 5n }], (b) => batches.push(b));
    pusher.addMatches(0, 5n, 5, [0, 1, 2, 3, 4].map(big), null);
    pusher.flush();
    pusher.stop();
    expect(batches.map((b) => [b.messages.map((m) => Number(m[1])), b.progress !== null])).toEqual([
      [[0, 1], false],
      [[2, 3], false],
      [[4], true],
    ]);
  });

  it('lets go of the rows that fell out or went out, and holds the rest compressed', () => {
    const calls: string[] = [];
    const rowsOf = (name: string, from: number, to: number): RecordRows => ({
      length: to - from,
      mayBeFramed: false,
      offset: (row) => from + row,
      record: (row) => record(from + row),
      release: (row) => calls.push(`${name} release ${row}`),
      hold: (row) => calls.push(`${name} hold ${row}`),
    });
    const batches: MessagesBatch[] = [];
    const pusher = new BatchPusher('r', [{ partition: 0, from: 0n, end: 20n }], (b) => batches.push(b), 3);
    pusher.addRows(0, 10n, 10, rowsOf('a', 0, 10), 0, 10);
    pusher.addRows(0, 12n, 2, rowsOf('b', 10, 12), 0, 2);
    pusher.flush();
    pusher.stop();
    expect(calls).toEqual([
      // a: rows 0–2 pushed, 3–6 pushed out at once by newer ones, 7–9 held.
      'a release 7',
      'a hold 7',
      // b's two rows push out a's rows 7 and 8.
      'b release 0',
      'b hold 0',
      'a release 8',
      'a release 9',
      // The end: a's row 9 and b's rows go out.
      'a release 10',
      'b release 1',
      'b release 2',
    ]);
    expect(batches.flatMap((b) => b.messages.map((m) => Number(m[1])))).toEqual([0, 1, 2, 9, 10, 11]);
    expect(batches.reduce((n, b) => n + (b.skipped ?? 0), 0)).toBe(6);
  });

  it('shows the same of a zstd chunk through held compressed batches, and never makes a batch that fell out again', async () => {
    // Three zstd batches of three records (offsets 0–8), as a fetch gives them.
    const batches = await Promise.all(
      [0, 3, 6].map(async (base) => {
        const batch = await encodeRecordBatch([0, 1, 2].map((i) => ({ key: `k${base + i}`, value: `{"seq":${base + i}}`, headers: [], timestamp: 1_000 + base + i })), 'zstd');
        batch.writeBigInt64BE(BigInt(base), 0);
        return batch;
      }),
    );
    const data = Buffer.concat(batches);
    const expected = (await decodeRecordTable(data, 0, 0, [])).table.records().map((r) => toWire(r));
    const { table } = await decodeRecordTable(data, 0, 0, [], { deferDecompression: true });
    const pushed: MessagesBatch[] = [];
    const pusher = new BatchPusher('r', [{ partition: 0, from: 0n, end: 9n }], (b) => pushed.push(b), 2);
    pusher.addRows(0, 9n, 9, table, 0, 9);
    pusher.flush();
    pusher.stop();
    expect(pushed.flatMap((b) => b.messages)).toEqual([expected[0], expected[1], expected[7], expected[8]]);
    expect(pushed.reduce((n, b) => n + (b.skipped ?? 0), 0)).toBe(5);
    // Rows 2–6 fell out: their batches are gone, not decompressed again on demand.
    expect(() => table.record(5)).toThrow('was released');
  });
});
