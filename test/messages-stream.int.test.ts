import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BACKLOG_BYTES } from '../src/main/services/messages/stream-request';
import { messageFromWire, type EncodedBytes, type MessagesBatch, type MessageView, type RequestOf } from '../src/shared/api';
import { startTestApp, type TestApp } from './support/app';
import { eventually } from './support/eventually';
import { createTopic, groupsTouching, sharedBootstrap, testKafka, uniqueTopic } from './support/kafka';

const text = (e: EncodedBytes | null) => (e === null ? null : e.encoding === 'utf8' ? e.data : `base64:${e.data}`);
const LOCS = ['NORTH', 'SOUTH', 'EAST', 'WEST'];

/** 120 orders over 3 partitions, written by kcat: key o<i>, value {"i","loc","amount","rider":{"id"}}. */
function orderLine(i: number): string {
  return `o${i}|${JSON.stringify({ i, loc: LOCS[i % 4], amount: (i * 37) % 200, rider: { id: `r${i % 5}` }, note: i % 10 === 0 ? 'Needle here' : 'hay' })}`;
}

describe('streamed reads: filters in main, progress, cancel, live tail', () => {
  const bootstrap = sharedBootstrap();
  let app: TestApp;
  let connectionId: string;
  const orders = uniqueTopic('orders');
  const batchesOf = (runId: string) => app.events.filter((e) => e.name === 'messages.batch' && e.payload.runId === runId).map((e) => e.payload as MessagesBatch);
  const matchesOf = (runId: string) => batchesOf(runId).flatMap((b) => b.messages.map(messageFromWire));
  let runs = 0;
  const search = async (request: Partial<RequestOf<'messages.search'>>) => {
    const runId = `search-${++runs}`;
    const summary = await app.call('messages.search', { connectionId, runId, topic: orders, position: { kind: 'beginning' }, ...request });
    return { summary, messages: matchesOf(runId), batches: batchesOf(runId) };
  };
  /** The order numbers that matched, sorted. */
  const ids = (messages: MessageView[]) => messages.map((m) => JSON.parse(text(m.value)!).i as number).sort((a, b) => a - b);
  const expected = (keep: (o: { i: number; loc: string; amount: number; rider: { id: string }; note: string }) => boolean) =>
    Array.from({ length: 120 }, (_, i) => i).filter((i) => keep(JSON.parse(orderLine(i).split('|')[1]!)));

  beforeAll(async () => {
    app = startTestApp();
    connectionId = (await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } })).connectionId;
    await createTopic(bootstrap, orders, 3);
    for (const p of [0, 1, 2]) {
      const lines = Array.from({ length: 120 }, (_, i) => i).filter((i) => i % 3 === p).map(orderLine);
      execFileSync('kcat', ['-b', bootstrap, '-P', '-t', orders, '-K', '|', '-p', String(p), '-z', 'lz4'], { input: lines.join('\n') });
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('streams every message of the range with progress per partition when nothing is filtered', async () => {
    const { summary, messages, batches } = await search({});
    expect(ids(messages)).toEqual(expected(() => true));
    expect(summary).toMatchObject({ cancelled: false, limitReached: false, progress: { scanned: 120, matched: 120 } });
    expect(summary.progress.partitions.map((p) => [p.partition, p.from, p.end, p.position, p.scanned])).toEqual([
      [0, '0', '40', '40', 40],
      [1, '0', '40', '40', 40],
      [2, '0', '40', '40', 40],
    ]);
    // Batches, not one event per message; the last one carries the final progress.
    expect(batches.length).toBeLessThan(10);
    expect(batches.at(-1)!.progress!.scanned).toBe(120);
  });

  it('reads the newest N per partition, or the newest N of the whole topic by time (filters apply within them)', async () => {
    const spread = uniqueTopic('spread');
    await createTopic(bootstrap, spread, 3);
    // Idempotent: a send retried on a busy broker must not write a partition's messages twice.
    const producer = testKafka(bootstrap).producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    // Partition 0 wrote long ago, partition 2 a while ago, partition 1 just now.
    const starts = [Date.UTC(2026, 0, 1), Date.UTC(2026, 5, 1), Date.UTC(2026, 2, 1)];
    await producer.send({
      topic: spread,
      messages: starts.flatMap((start, partition) => Array.from({ length: 10 }, (_, i) => ({ partition, value: `p${partition}-${i}`, timestamp: String(start + i * 1000) }))),
    });
    await producer.disconnect();
    const newest = async (count: number, scope: 'partition' | 'overall', expression = '') => {
      const { messages } = await search({ topic: spread, position: { kind: 'newest', count, scope }, filter: { expression } });
      // A read never gives one record twice.
      const places = messages.map((m) => `${m.partition}/${m.offset}`);
      expect(new Set(places).size, `records read twice: ${places.join(' ')}`).toBe(places.length);
      return messages.map((m) => text(m.value)).sort();
    };
    expect(await newest(2, 'partition')).toEqual(['p0-8', 'p0-9', 'p1-8', 'p1-9', 'p2-8', 'p2-9']);
    expect(await newest(12, 'overall')).toEqual([...Array.from({ length: 10 }, (_, i) => `p1-${i}`), 'p2-8', 'p2-9'].sort());
    expect(await newest(4, 'overall', 'value == "p1-7" || value == "p2-9"')).toEqual(['p1-7']);
  });

  it('shows the newest messages when N is above the limit, with or without a filter', async () => {
    const many = uniqueTopic('many');
    await createTopic(bootstrap, many, 1);
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', many, '-p', '0'], { input: Array.from({ length: 50 }, (_, i) => `n${i}${i % 2 === 0 ? '-even' : ''}`).join('\n') });
    const newest = async (filter: { text?: string }) =>
      (await search({ topic: many, position: { kind: 'newest', count: 40 }, limit: 3, filter })).messages.map((m) => text(m.value));
    expect((await newest({})).sort()).toEqual(['n47', 'n48-even', 'n49']);
    expect((await newest({ text: 'even' })).sort()).toEqual(['n44-even', 'n46-even', 'n48-even']);
  });

  it('reads partitions added since it last looked (its metadata is refreshed, not trusted)', async () => {
    const growing = uniqueTopic('growing');
    await createTopic(bootstrap, growing, 1);
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', growing, '-p', '0'], { input: 'first' });
    expect((await search({ topic: growing })).messages.map((m) => text(m.value))).toEqual(['first']);
    const admin = testKafka(bootstrap).admin();
    await admin.connect();
    await admin.createPartitions({ topicPartitions: [{ topic: growing, count: 3 }] });
    await admin.disconnect();
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', growing, '-p', '2'], { input: 'in a new partition' });
    const again = await eventually(() => search({ topic: growing }), (r) => r.messages.length === 2);
    expect(again.messages.map((m) => [m.partition, text(m.value)]).sort()).toEqual([
      [0, 'first'],
      [2, 'in a new partition'],
    ]);
  });

  it('a tail started while a transaction is open shows it once committed', async () => {
    const txn = uniqueTopic('open-txn');
    await createTopic(bootstrap, txn, 1);
    const producer = testKafka(bootstrap).producer({ transactionalId: `ke-test-${txn}`, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const open = await producer.transaction();
    await open.send({ topic: txn, messages: [{ value: 'sent before the tail' }] });
    const controller = new AbortController();
    const tail = app.call('messages.tail', { connectionId, runId: 'tail-open-txn', topic: txn }, controller.signal);
    await new Promise((r) => setTimeout(r, 700));
    await open.commit();
    await producer.disconnect();
    await eventually(async () => matchesOf('tail-open-txn').length, (n) => n >= 1, 15_000, 50);
    controller.abort();
    await tail;
    expect(matchesOf('tail-open-txn').map((m) => text(m.value))).toEqual(['sent before the tail']);
  });

  it('filters by text, regex, JSON expression, key path, partition and time range, exactly', async () => {
    expect(ids((await search({ filter: { text: 'needle' } })).messages)).toEqual(expected((o) => o.note === 'Needle here'));
    expect((await search({ filter: { text: 'needle', caseSensitive: true } })).messages).toEqual([]);
    expect(ids((await search({ filter: { text: '"rider":\\{"id":"r[34]"', regex: true } })).messages)).toEqual(expected((o) => ['r3', 'r4'].includes(o.rider.id)));
    const south = await search({ filter: { expression: 'value.loc == "SOUTH" && value.amount > 100' } });
    expect(ids(south.messages)).toEqual(expected((o) => o.loc === 'SOUTH' && o.amount > 100));
    expect(south.summary.progress).toMatchObject({ scanned: 120, matched: south.messages.length });
    expect(ids((await search({ filter: { expression: 'value.rider.id == "r1" || value.amount <= 10' } })).messages)).toEqual(expected((o) => o.rider.id === 'r1' || o.amount <= 10));
    expect(ids((await search({ filter: { expression: 'key == "o7"' } })).messages)).toEqual([7]);
    expect(ids((await search({ partitions: [1], filter: { expression: 'value.loc != "EAST"' } })).messages)).toEqual(expected((o) => o.i % 3 === 1 && o.loc !== 'EAST'));
    const limited = await search({ filter: { expression: 'value.loc == "WEST"' }, limit: 5 });
    expect(limited.messages).toHaveLength(5);
    expect(limited.summary.limitReached).toBe(true);

    const timed = uniqueTopic('timed');
    await createTopic(bootstrap, timed, 1);
    const producer = testKafka(bootstrap).producer();
    await producer.connect();
    const base = Date.UTC(2026, 0, 1);
    await producer.send({ topic: timed, messages: Array.from({ length: 10 }, (_, i) => ({ value: `t${i}`, timestamp: String(base + i * 1000) })) });
    await producer.disconnect();
    const window = await search({ topic: timed, filter: { fromTime: base + 3000, toTime: base + 5000 } });
    expect(window.messages.map((m) => text(m.value))).toEqual(['t3', 't4', 't5']);
  });

  it('survives a catastrophically backtracking regular expression (main never freezes)', async () => {
    const evil = uniqueTopic('evil');
    await createTopic(bootstrap, evil, 1);
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', evil, '-p', '0'], { input: [`${'a'.repeat(5_000)}!`, 'aaaa'].join('\n') });
    const started = Date.now();
    const { messages } = await search({ topic: evil, filter: { text: '^(a+)+$', regex: true } });
    const expression = await search({ topic: evil, filter: { expression: 'value matches "^(a|aa)+$"' } });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(messages.map((m) => text(m.value))).toEqual(['aaaa']);
    expect(expression.messages.map((m) => text(m.value))).toEqual(['aaaa']);
  });

  it('refuses a bad regular expression or expression with a clear message', async () => {
    await expect(search({ filter: { text: '([a-z', regex: true } })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^The regular expression does not parse: /) });
    await expect(search({ filter: { expression: 'value.amount >' } })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'The filter expression does not parse: Expected a value, a path like value.field, or (, found the end (at column 15)',
    });
  });

  it('is cancelled at once, mid-read', async () => {
    const big = uniqueTopic('big');
    await createTopic(bootstrap, big, 1);
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', big, '-p', '0'], { input: Array.from({ length: 200_000 }, (_, i) => `message number ${i} ${'x'.repeat(80)}`).join('\n'), maxBuffer: 64 * 1024 * 1024 });
    const controller = new AbortController();
    const runId = `search-cancel`;
    const started = Date.now();
    const pending = app.call('messages.search', { connectionId, runId, topic: big, position: { kind: 'beginning' }, filter: { text: 'never there' } }, controller.signal);
    await eventually(async () => batchesOf(runId).length, (n) => n > 0, 20_000, 20);
    controller.abort();
    const abortedAt = Date.now();
    const summary = await pending;
    expect(Date.now() - abortedAt).toBeLessThan(500);
    expect(summary.cancelled).toBe(true);
    expect(summary.progress.scanned).toBeGreaterThan(0);
    expect(summary.progress.scanned).toBeLessThan(200_000);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('tails new messages (filtered in main), pauses and resumes without losing any, never joins a group', async () => {
    const live = uniqueTopic('live');
    await createTopic(bootstrap, live, 2);
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', live, '-p', '0'], { input: 'old-1\nold-2' });
    const first = new AbortController();
    const tail = app.call('messages.tail', { connectionId, runId: 'tail-1', topic: live, filter: { text: 'keep' } }, first.signal);
    await new Promise((r) => setTimeout(r, 700));
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', live, '-p', '0'], { input: 'keep-a\ndrop-b\nkeep-c' });
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', live, '-p', '1'], { input: 'keep-d' });
    await eventually(async () => matchesOf('tail-1').length, (n) => n >= 3, 15_000, 50);
    expect(matchesOf('tail-1').map((m) => text(m.value)).sort()).toEqual(['keep-a', 'keep-c', 'keep-d']);
    // While it tails: no group has a member on the topic.
    expect(await groupsTouching(bootstrap, live)).toEqual([]);
    first.abort();
    const paused = await tail;
    expect(paused.progress.partitions.map((p) => [p.partition, p.position])).toEqual([
      [0, '5'],
      [1, '1'],
    ]);
    expect(paused.progress.scanned).toBe(4);

    // Written while paused: a resumed tail picks them up from where it stopped.
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', live, '-p', '1'], { input: 'keep-while-paused' });
    const second = new AbortController();
    const resumed = app.call(
      'messages.tail',
      { connectionId, runId: 'tail-2', topic: live, filter: {}, resumeFrom: paused.progress.partitions.map((p) => ({ partition: p.partition, offset: p.position })) },
      second.signal,
    );
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', live, '-p', '0'], { input: 'after-resume' });
    await eventually(async () => matchesOf('tail-2').length, (n) => n >= 2, 15_000, 50);
    expect(matchesOf('tail-2').map((m) => text(m.value)).sort()).toEqual(['after-resume', 'keep-while-paused']);
    // Closing the connection ends the tail by itself.
    await app.call('connection.disconnect', { connectionId });
    await expect(resumed).resolves.toMatchObject({ cancelled: true });
    second.abort();

    expect(await groupsTouching(bootstrap, live)).toEqual([]);
    connectionId = (await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } })).connectionId;
  });

  it('stops fetching while the window has not taken what was pushed, then catches up with nothing lost', async () => {
    const topic = uniqueTopic('backlog');
    await createTopic(bootstrap, topic, 1);
    let untaken = 0;
    const slow = startTestApp({ backlog: () => untaken });
    try {
      const id = (await slow.call('connection.connect', { config: { brokers: bootstrap.split(',') } })).connectionId;
      const stop = new AbortController();
      const tail = slow.call('messages.tail', { connectionId: id, runId: 'tail-backlog', topic, filter: {} }, stop.signal);
      await new Promise((r) => setTimeout(r, 700));
      const values = Array.from({ length: 50 }, (_, i) => `m-${i}`);
      execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic], { input: values.slice(0, 10).join('\n') });
      const pushed = () => slow.events.filter((e) => e.name === 'messages.batch' && e.payload.runId === 'tail-backlog').flatMap((e) => (e.payload as MessagesBatch).messages.map(messageFromWire));
      await eventually(async () => pushed().length, (n) => n === 10, 15_000, 50);
      // The window falls twice the limit behind: what is written meanwhile is not fetched.
      untaken = 2 * MAX_BACKLOG_BYTES;
      await new Promise((r) => setTimeout(r, 600)); // the fetch in flight (at most TAIL_WAIT_MS) ends
      execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic], { input: values.slice(10).join('\n') });
      await new Promise((r) => setTimeout(r, 1_500));
      expect(pushed()).toHaveLength(10);
      // Taken: the tail reads on from where it stopped.
      untaken = 0;
      await eventually(async () => pushed().length, (n) => n === 50, 15_000, 50);
      expect(pushed().map((m) => text(m.value))).toEqual(values);
      stop.abort();
      await expect(tail).resolves.toMatchObject({ cancelled: true, progress: { scanned: 50 } });
    } finally {
      await slow.close();
    }
  });
});
