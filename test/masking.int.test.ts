import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MessagesBatch, MessageView } from '../src/shared/api';
import { messageFromWire } from '../src/shared/api/message-wire';
import { toOffsetRuns } from '../src/shared/messages/offset-runs';
import type { BrowserServer } from '../src/main/server/browser-server';
import { startTestApp, type TestApp } from './support/app';
import { createTopicsReady, sharedBootstrap, testKafka, uniqueTopic } from './support/kafka';
import { openSocket, startTestServer, type TestSocket } from './support/socket';

/** Values that must never leave main once the profile's rules name them. */
const EMAILS = ['ann.lee@example.com', 'bob@corp.example.org', 'eve@example.net'];
const NAMES = ['Ann Lee', 'Bob Stone'];
const SHARED_ONLY = 'TICKET-42817';

describe('masking: what a rule names never reaches the window, a file or a search', () => {
  const bootstrap = sharedBootstrap();
  const topic = uniqueTopic('pii-orders');
  const other = uniqueTopic('plain');
  const binary = uniqueTopic('pii-bin');
  // Not UTF-8 as a whole (shown as hex/base64), with an email in its text runs.
  const bin = (text: string) => Buffer.concat([Buffer.from([0x00, 0xff, 0x13]), Buffer.from(text), Buffer.from([0x9f, 0x80])]);
  const exportDir = mkdtempSync(join(tmpdir(), 'ke-mask-export-'));
  let app: TestApp;
  let server: BrowserServer;
  let socket: TestSocket;
  let connectionId: string;

  const order = (i: number) => ({
    id: i,
    customer: { email: EMAILS[i % 2]!, name: NAMES[i % 2]! },
    note: `contact ${EMAILS[2]} about ${SHARED_ONLY}`,
  });
  const sent = Array.from({ length: 20 }, (_, i) => ({ partition: i % 2, key: `order-${i}`, value: JSON.stringify(order(i)), headers: { 'reply-to': EMAILS[i % 2]! } }));
  const rawText = () => socket.rawFrames.join('\n');
  const batches = (runId: string) =>
    socket.frames
      .filter((f) => f.t === 'event' && f.name === 'messages.batch' && (f.payload as MessagesBatch).runId === runId)
      .flatMap((f) => (f.payload as MessagesBatch).messages.map(messageFromWire));

  beforeAll(async () => {
    process.env.KAFKA_EXPLORER_EXPORT_DIR = exportDir;
    await createTopicsReady(bootstrap, [
      { topic, numPartitions: 2 },
      { topic: other, numPartitions: 1 },
      { topic: binary, numPartitions: 1 },
    ]);
    // Idempotent: a retried send on a busy machine must not write a batch twice (the counts below are exact).
    const producer = testKafka(bootstrap).producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({ topic, messages: sent });
    await producer.send({ topic: other, messages: [{ value: JSON.stringify(order(0)) }] });
    await producer.send({ topic: binary, messages: EMAILS.map((email, i) => ({ key: bin(`k${i} ${email}`), value: bin(`to ${email} ok`), headers: { from: bin(email) } })) });
    await producer.disconnect();
    app = startTestApp();
    server = await startTestServer(app);
    socket = await openSocket(server);
    const profile = await socket.call('profiles.save', {
      profile: {
        name: 'masked',
        brokers: bootstrap.split(','),
        masking: [
          { topic: 'pii-*', kind: 'field', pattern: 'customer.email', action: 'mask' },
          { topic: 'pii-*', kind: 'field', pattern: 'customer.name', action: 'hash' },
          { topic: 'pii-*', kind: 'regex', pattern: '[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+', action: 'mask' },
          { topic: 'pii-*', kind: 'regex', pattern: 'TICKET-\\d+', action: 'drop', onlyWhenSharing: true },
        ],
      },
    });
    connectionId = (await socket.call('profiles.connect', { id: profile.id })).connectionId;
  }, 120_000);

  afterAll(async () => {
    delete process.env.KAFKA_EXPLORER_EXPORT_DIR;
    await socket?.close();
    await server?.close();
    await app?.close();
    rmSync(exportDir, { recursive: true, force: true });
  });

  it('refuses a rule whose path or pattern does not compile', async () => {
    await expect(socket.call('profiles.save', { profile: { name: 'bad', brokers: ['x:1'], masking: [{ topic: '*', kind: 'regex', pattern: '(a' }] } })).rejects.toThrow(/rule 1/);
    await expect(socket.call('profiles.save', { profile: { name: 'bad', brokers: ['x:1'], masking: [{ topic: '*', kind: 'field', pattern: 'a[x' }] } })).rejects.toThrow(/rule 1/);
  });

  it('streams masked reads: no masked value in any frame, hashes equal for equal values', async () => {
    const summary = await socket.call('messages.search', { connectionId, runId: 'mask-read', topic, position: { kind: 'beginning' }, limit: 100 });
    expect(summary.progress.matched).toBe(20);
    const rows = batches('mask-read');
    expect(rows).toHaveLength(20);
    const values = rows.map((m) => JSON.parse(m.value!.data) as ReturnType<typeof order>);
    expect(values.every((v) => v.customer.email === '****')).toBe(true);
    expect(values.every((v) => v.note.startsWith('contact **** about TICKET-'))).toBe(true);
    // Keyed hashes: the same name hashes alike, two names differently, and never as the name.
    const hashOf = (i: number) => values.find((v) => v.id === i)!.customer.name;
    expect(hashOf(0)).toMatch(/^hash:[0-9a-f]{16}$/);
    expect(hashOf(0)).toBe(hashOf(2));
    expect(hashOf(0)).not.toBe(hashOf(1));
    expect(rows.every((m) => m.headers[0]!.value!.data === '****')).toBe(true);
    for (const secret of [...EMAILS, ...NAMES]) expect(rawText()).not.toContain(secret);
  });

  it('searches the masked records: a masked value is not found, its hash is', async () => {
    for (const [i, text] of [EMAILS[0]!, 'ann.lee', NAMES[0]!].entries()) {
      const found = await socket.call('messages.search', { connectionId, runId: `mask-find-${i}`, topic, position: { kind: 'beginning' }, limit: 100, filter: { text } });
      expect(found.progress.scanned).toBe(20);
      expect(found.progress.matched, `searching for ${text}`).toBe(0);
    }
    const byExpression = await socket.call('messages.search', { connectionId, runId: 'mask-expr', topic, position: { kind: 'beginning' }, limit: 100, filter: { expression: `value.customer.email == "${EMAILS[0]}"` } });
    expect(byExpression.progress.matched).toBe(0);
    const first = batches('mask-read').find((m) => m.offset === '0' && m.partition === 0)!;
    const hash = (JSON.parse(first.value!.data) as ReturnType<typeof order>).customer.name;
    const byHash = await socket.call('messages.search', { connectionId, runId: 'mask-hash', topic, position: { kind: 'beginning' }, limit: 100, filter: { text: hash, caseSensitive: true } });
    expect(byHash.progress.matched).toBe(10);
    for (const secret of [...EMAILS, ...NAMES]) expect(rawText()).not.toContain(secret);
  });

  it('masks browse, the detail pane (decoded and raw) and a live tail', async () => {
    const browsed = await socket.call('messages.browse', { connectionId, topic, position: { kind: 'beginning' }, limit: 50 });
    expect(browsed.messages).toHaveLength(20);
    const whole: MessageView = await socket.call('messages.get', { connectionId, topic, partition: 0, offset: '0' });
    expect(whole.value!.data).toContain('"email":"****"');
    const raw = await socket.call('messages.get', { connectionId, topic, partition: 1, offset: '0', raw: true });
    expect(raw.value!.data).not.toContain('@');

    // Runs until the socket closes (its window goes away).
    const tail = socket.call('messages.tail', { connectionId, runId: 'mask-tail', topic });
    await vi.waitFor(() => expect(socket.frames.some((f) => f.t === 'event' && f.payload?.runId === 'mask-tail')).toBe(true), { timeout: 30_000, interval: 100 });
    // Idempotent: a retried send on a busy machine must not write a batch twice (the counts below are exact).
    const producer = testKafka(bootstrap).producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({ topic, messages: [{ partition: 0, value: JSON.stringify({ customer: { email: 'late@example.com', name: 'Late Comer' } }) }] });
    await producer.disconnect();
    await vi.waitFor(() => expect(batches('mask-tail')).toHaveLength(1), { timeout: 30_000, interval: 100 });
    expect(batches('mask-tail')[0]!.value!.data).toMatch(/"email":"\*\*\*\*","name":"hash:/);
    void tail.catch(() => undefined);
    for (const secret of [...EMAILS, ...NAMES, 'late@example.com', 'Late Comer']) expect(rawText()).not.toContain(secret);
  });

  it('writes masked exports: the file holds no masked value', async () => {
    const selection = toOffsetRuns(Array.from({ length: 20 }, (_, i) => ({ partition: i % 2, offset: String(Math.floor(i / 2)) })));
    for (const format of ['ndjson', 'csv', 'json'] as const) {
      const exported = await socket.call('messages.export', { connectionId, runId: `mask-exp-${format}`, topic, format, fileName: `masked.${format}`, selection });
      expect(exported.messages).toBe(20);
      const content = readFileSync(exported.path!, 'utf8');
      expect(content).toContain('****');
      for (const secret of [...EMAILS, ...NAMES]) expect(content, `${format} export`).not.toContain(secret);
    }
  });

  it('leaves topics no rule names as they are', async () => {
    await socket.call('messages.search', { connectionId, runId: 'plain-read', topic: other, position: { kind: 'beginning' }, limit: 10 });
    expect(batches('plain-read')[0]!.value!.data).toContain(EMAILS[0]);
  });

  it('applies screen-share-only rules while screen-share mode is on, for every window', async () => {
    expect(await socket.call('masking.state', {})).toEqual({ screenShare: false });
    const second = await openSocket(server);
    try {
      expect(await second.call('masking.setScreenShare', { on: true })).toEqual({ screenShare: true });
      expect(await socket.call('masking.state', {})).toEqual({ screenShare: true });
      await socket.call('messages.search', { connectionId, runId: 'shared-read', topic, position: { kind: 'beginning' }, limit: 100 });
      const rows = batches('shared-read');
      expect(rows.length).toBeGreaterThanOrEqual(20);
      expect(rows.every((m) => !m.value!.data.includes('TICKET-'))).toBe(true);
      const found = await socket.call('messages.search', { connectionId, runId: 'shared-find', topic, position: { kind: 'beginning' }, limit: 100, filter: { text: SHARED_ONLY } });
      expect(found.progress.matched).toBe(0);
    } finally {
      await second.call('masking.setScreenShare', { on: false });
      await second.close();
    }
    const found = await socket.call('messages.search', { connectionId, runId: 'unshared-find', topic, position: { kind: 'beginning' }, limit: 100, filter: { text: SHARED_ONLY } });
    expect(found.progress.matched).toBe(20);
  });

  it('masks the text inside binary keys, values and headers before they are shown as hex or base64, in reads, searches and exports', async () => {
    const bytesOf = (b: { data: string; encoding: string } | null) => (b ? Buffer.from(b.data, b.encoding === 'base64' ? 'base64' : 'utf8') : Buffer.alloc(0));
    const leaks = (buf: Buffer) => EMAILS.some((e) => buf.includes(e));
    await socket.call('messages.search', { connectionId, runId: 'bin-read', topic: binary, position: { kind: 'beginning' }, limit: 10 });
    const rows = batches('bin-read');
    expect(rows).toHaveLength(3);
    for (const m of rows) {
      expect(m.value!.encoding).toBe('base64');
      expect(bytesOf(m.value)).toEqual(bin('to **** ok'));
      expect(bytesOf(m.key).subarray(3, 10).toString()).toMatch(/^k\d \*\*\*\*/);
      expect(bytesOf(m.headers[0]!.value)).toEqual(bin('****'));
    }
    for (const [i, text] of [EMAILS[0]!, 'example.com'].entries()) {
      const found = await socket.call('messages.search', { connectionId, runId: `bin-find-${i}`, topic: binary, position: { kind: 'beginning' }, limit: 10, filter: { text } });
      expect(found.progress.scanned).toBe(3);
      expect(found.progress.matched, `searching binary values for ${text}`).toBe(0);
    }
    const whole = await socket.call('messages.get', { connectionId, topic: binary, partition: 0, offset: '1', raw: true });
    expect(bytesOf(whole.value)).toEqual(bin('to **** ok'));
    // The frames carry base64: no secret in them as text, nor as the base64 of any byte alignment.
    const frames = rawText();
    for (const e of EMAILS) for (const pad of ['', 'x', 'xx']) expect(frames).not.toContain(Buffer.from(pad + e).toString('base64').slice(4, -4));

    const exported = await socket.call('messages.export', { connectionId, runId: 'bin-exp', topic: binary, format: 'ndjson', fileName: 'bin.ndjson', selection: toOffsetRuns([0, 1, 2].map((o) => ({ partition: 0, offset: String(o) }))) });
    const lines = readFileSync(exported.path!, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { key: string; value: string; valueEncoding: string; headers: { value: string }[] });
    expect(lines).toHaveLength(3);
    for (const l of lines) {
      expect(l.valueEncoding).toBe('base64');
      expect(Buffer.from(l.value, 'base64')).toEqual(bin('to **** ok'));
      for (const part of [l.key, l.value, ...l.headers.map((h) => h.value)]) expect(leaks(Buffer.from(part, 'base64'))).toBe(false);
    }
  });
});
