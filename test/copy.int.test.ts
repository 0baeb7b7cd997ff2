import { execFileSync } from 'node:child_process';
import type { KafkaMessage } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CopyProgress } from '../src/shared/api';
import { toOffsetRuns } from '../src/shared/messages/offset-runs';
import { startTestApp, type TestApp } from './support/app';
import { createTopicsReady, sharedBootstrap, startCluster, testKafka, uniqueTopic, type RunningCluster } from './support/kafka';

/** Every record of a topic per partition in offset order, read by plain kafkajs (not the app). */
async function readAll(bootstrap: string, topic: string, expected: number): Promise<Map<number, KafkaMessage[]>> {
  const consumer = testKafka(bootstrap).consumer({ groupId: `check-${topic}-${Math.random()}`, maxBytes: 32 * 1024 * 1024, maxBytesPerPartition: 16 * 1024 * 1024 });
  const byPartition = new Map<number, KafkaMessage[]>();
  let seen = 0;
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read ${seen} of ${expected} messages of ${topic}`)), 60_000);
      if (expected === 0) {
        clearTimeout(timer);
        resolve();
      }
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          byPartition.set(partition, [...(byPartition.get(partition) ?? []), message]);
          if (++seen === expected) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return byPartition;
}

const hex = (b: Buffer | null | undefined) => (b ? b.toString('hex') : null);
function shape(m: KafkaMessage, withTime = true) {
  const headers = Object.entries(m.headers ?? {}).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => [k, hex(x as Buffer)]));
  return { key: hex(m.key), value: hex(m.value), headers, ...(withTime ? { timestamp: m.timestamp } : {}) };
}

async function totalIn(bootstrap: string, topic: string): Promise<number> {
  const admin = testKafka(bootstrap).admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

describe('copy and replay between topics and clusters', () => {
  const bootstrap = sharedBootstrap();
  const source = uniqueTopic('copy-src');
  const same = uniqueTopic('copy-same');
  const rewritten = uniqueTopic('copy-rw');
  const byKey = uniqueTopic('copy-key');
  const byKeyKcat = uniqueTopic('copy-key-kcat');
  const big = uniqueTopic('copy-big');
  const bigTarget = uniqueTopic('copy-big-dst');
  const dlq = uniqueTopic('orders-dlq');
  const origA = uniqueTopic('orders');
  const origB = uniqueTopic('payments');
  const remoteTopic = uniqueTopic('copy-remote');
  let second: RunningCluster;
  let app: TestApp;
  let conn: string;
  let readOnly: string;
  let remote: string;

  const messages = [
    { partition: 0, key: Buffer.from([0x00, 0xff, 0xfe]), value: Buffer.from([0xde, 0xad, 0xbe, 0xef]), headers: { trace: Buffer.from([0xc3, 0x28]), ok: 'yes' }, timestamp: '1700000000001' },
    { partition: 0, key: Buffer.from('k1'), value: Buffer.from('{"n":1}'), timestamp: '1700000000002' },
    { partition: 1, key: null, value: Buffer.from('no key'), headers: { dup: [Buffer.from('1'), Buffer.from('2')] }, timestamp: '1700000000003' },
    { partition: 2, key: Buffer.from('k3'), value: null, timestamp: '1700000000004' },
    { partition: 2, key: Buffer.from('k4'), value: Buffer.from('{"n":4}'), timestamp: '1700000000005' },
  ];
  const keys = Array.from({ length: 200 }, (_, i) => `customer-${i * 7919}`);

  beforeAll(async () => {
    // The second cluster starts while this one is prepared: one extra JVM for the whole file.
    const starting = startCluster({ nodes: 1 });
    // The messages carry 2023 create times: without this, retention deletes them within minutes.
    const keepAll = [{ name: 'retention.ms', value: '-1' }];
    await createTopicsReady(bootstrap, [
      { topic: source, numPartitions: 3, configEntries: keepAll },
      { topic: same, numPartitions: 3, configEntries: keepAll },
      { topic: rewritten, numPartitions: 2, configEntries: keepAll },
      { topic: byKey, numPartitions: 4, configEntries: keepAll },
      { topic: byKeyKcat, numPartitions: 4, configEntries: keepAll },
      { topic: big, numPartitions: 2, configEntries: keepAll },
      { topic: bigTarget, numPartitions: 2, configEntries: keepAll },
      { topic: dlq, numPartitions: 1, configEntries: keepAll },
      { topic: origA, numPartitions: 1, configEntries: keepAll },
      { topic: origB, numPartitions: 1, configEntries: keepAll },
    ]);
    const producer = testKafka(bootstrap).producer();
    await producer.connect();
    for (const m of messages) await producer.send({ topic: source, messages: [m] });
    await producer.send({ topic: byKeyKcat, messages: [] });
    // A DLQ as a consumer's error handler writes it: the original topic in a header.
    await producer.send({
      topic: dlq,
      messages: [
        { key: 'o1', value: 'order 1', headers: { 'x-original-topic': origA, 'x-exception': 'timeout' } },
        { key: 'p1', value: 'payment 1', headers: { 'x-original-topic': origB } },
        { key: 'o2', value: 'order 2', headers: { 'x-original-topic': origA } },
        { key: 'o3', value: 'order 3 (not selected)', headers: { 'x-original-topic': origA } },
      ],
    });
    // 40,000 messages for cancelling part-way.
    for (let b = 0; b < 8; b++) {
      await producer.send({ topic: big, messages: Array.from({ length: 5000 }, (_, i) => ({ partition: i % 2, key: `k${b}-${i}`, value: 'x'.repeat(200) })) });
    }
    await producer.disconnect();
    second = await starting;
    await createTopicsReady(second.bootstrap, [{ topic: remoteTopic, numPartitions: 3, configEntries: [{ name: 'retention.ms', value: '-1' }] }]);
    app = startTestApp();
    conn = (await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } })).connectionId;
    readOnly = (await app.call('connection.connect', { config: { brokers: bootstrap.split(','), readOnly: true } })).connectionId;
    remote = (await app.call('connection.connect', { config: { brokers: second.bootstrap.split(',') } })).connectionId;
  });
  afterAll(async () => {
    await app?.close();
    await second?.stop();
  });

  const whole = { kind: 'range', position: { kind: 'beginning' } } as const;

  it('copies a whole topic on the same cluster byte for byte: keys, values, headers, partitions and times', async () => {
    const summary = await app.call('copy.run', { connectionId: conn, runId: 'same', topic: source, source: whole, target: { connectionId: conn, topic: same } });
    expect(summary).toMatchObject({ scanned: 5, sent: 5, failed: 0, skipped: 0, total: 5, cancelled: false });
    expect(summary.written).toEqual([
      { topic: same, partition: 0, first: '0', last: '1', count: 2 },
      { topic: same, partition: 1, first: '0', last: '0', count: 1 },
      { topic: same, partition: 2, first: '0', last: '1', count: 2 },
    ]);
    const [before, after] = await Promise.all([readAll(bootstrap, source, 5), readAll(bootstrap, same, 5)]);
    for (const p of [0, 1, 2]) expect(after.get(p)!.map((m) => shape(m))).toEqual(before.get(p)!.map((m) => shape(m)));
  });

  it('to another cluster, with chosen offsets only', async () => {
    const selection = toOffsetRuns([{ partition: 0, offset: '1' }, { partition: 2, offset: '0' }, { partition: 2, offset: '1' }]);
    const summary = await app.call('copy.run', { connectionId: conn, runId: 'remote', topic: source, source: { kind: 'offsets', selection }, target: { connectionId: remote, topic: remoteTopic } });
    expect(summary).toMatchObject({ sent: 3, failed: 0, total: 3 });
    const after = await readAll(second.bootstrap, remoteTopic, 3);
    expect(after.get(0)!.map((m) => m.key!.toString())).toEqual(['k1']);
    expect(after.get(2)!.map((m) => [m.key!.toString(), m.value?.toString() ?? null])).toEqual([
      ['k3', null],
      ['k4', '{"n":4}'],
    ]);
  });

  it('drops keys and headers, rewrites headers, stamps now and spreads round-robin, as the preview said', async () => {
    const request = {
      connectionId: conn,
      topic: source,
      source: { ...whole, filter: { text: 'n' } },
      target: { connectionId: conn, topic: rewritten },
      options: {
        keepKey: false,
        keepHeaders: true,
        timestamp: 'now' as const,
        partitioning: 'round-robin' as const,
        headers: [
          { op: 'remove' as const, key: 'trace' },
          { op: 'set' as const, key: 'x-replayed-from', value: source },
          { op: 'add' as const, key: 'dup', value: '3' },
        ],
      },
    };
    const preview = await app.call('copy.preview', { ...request, count: 10 });
    // "n" is in {"n":1}, "no key" and {"n":4} (case-insensitive: not in the binary value nor the tombstone).
    expect(preview.messages.map((m) => [m.from.partition, m.from.offset, m.partition])).toEqual([
      [0, '1', 0],
      [1, '0', 1],
      [2, '1', 0],
    ]);
    expect(preview.messages[1]!.headers.map((h) => [h.key, h.value.data])).toEqual([
      ['dup', '1'],
      ['dup', '2'],
      ['x-replayed-from', source],
      ['dup', '3'],
    ]);
    const before = Date.now();
    const summary = await app.call('copy.run', { ...request, runId: 'rw' });
    expect(summary).toMatchObject({ scanned: 5, sent: 3, failed: 0 });
    const after = await readAll(bootstrap, rewritten, 3);
    const written = [...after.values()].flat();
    expect(written.every((m) => m.key === null && Number(m.timestamp) >= before - 1000)).toBe(true);
    expect(after.get(0)!.map((m) => m.value!.toString())).toEqual(['{"n":1}', '{"n":4}']);
    expect(Object.keys(after.get(1)![0]!.headers!)).toEqual(['dup', 'x-replayed-from']);
  });

  it('partitions by key exactly where Java’s default partitioner (kcat murmur2) puts them', async () => {
    const keyed = uniqueTopic('copy-keyed');
    await createTopicsReady(bootstrap, [{ topic: keyed, numPartitions: 1 }]);
    const producer = testKafka(bootstrap).producer();
    await producer.connect();
    await producer.send({ topic: keyed, messages: keys.map((k) => ({ key: k, value: k })) });
    await producer.disconnect();
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', byKeyKcat, '-K', ':', '-X', 'topic.partitioner=murmur2_random'], { input: keys.map((k) => `${k}:${k}`).join('\n') });
    const summary = await app.call('copy.run', { connectionId: conn, runId: 'key', topic: keyed, source: whole, target: { connectionId: conn, topic: byKey }, options: { partitioning: 'key' } });
    expect(summary).toMatchObject({ sent: keys.length, failed: 0 });
    const [ours, kcat] = await Promise.all([readAll(bootstrap, byKey, keys.length), readAll(bootstrap, byKeyKcat, keys.length)]);
    const where = (m: Map<number, KafkaMessage[]>) => new Map([...m].flatMap(([p, ms]) => ms.map((x) => [x.key!.toString(), p] as const)));
    const a = where(ours);
    const b = where(kcat);
    expect(new Set(a.values()).size).toBe(4);
    for (const k of keys) expect([k, a.get(k)]).toEqual([k, b.get(k)]);
  });

  it('redrives three messages from a DLQ to the topics their header names, marks them, and skips marked ones next time', async () => {
    const selection = toOffsetRuns([0, 1, 2].map((o) => ({ partition: 0, offset: String(o) })));
    const redrive = { topicHeader: 'x-original-topic', marker: 'x-redriven' };
    const first = await app.call('copy.run', { connectionId: conn, runId: 'dlq1', topic: dlq, source: { kind: 'offsets', selection }, target: { connectionId: conn, topic: null }, redrive });
    expect(first).toMatchObject({ sent: 3, skipped: 0, failed: 0 });
    const [a, b] = await Promise.all([readAll(bootstrap, origA, 2), readAll(bootstrap, origB, 1)]);
    expect(a.get(0)!.map((m) => m.value!.toString())).toEqual(['order 1', 'order 2']);
    expect(b.get(0)![0]!.headers!['x-redriven']!.toString()).toBe(`${dlq}/0/1`);
    expect(a.get(0)![0]!.headers!['x-exception']!.toString()).toBe('timeout');

    // Order 1 fails again: its consumer puts it back in the DLQ with the headers it had.
    await app.call('copy.run', { connectionId: conn, runId: 'back', topic: origA, source: { kind: 'offsets', selection: toOffsetRuns([{ partition: 0, offset: '0' }]) }, target: { connectionId: conn, topic: dlq } });
    expect(await totalIn(bootstrap, dlq)).toBe(5);
    // Redriving the whole DLQ now: the one marked is skipped, the others go (again).
    const preview = await app.call('copy.preview', { connectionId: conn, topic: dlq, source: whole, target: { connectionId: conn, topic: null }, redrive, count: 10 });
    expect(preview.messages.map((m) => m.skipped ?? m.topic)).toEqual([origA, origB, origA, origA, 'already redriven (it carries x-redriven)']);
    const second = await app.call('copy.run', { connectionId: conn, runId: 'dlq2', topic: dlq, source: whole, target: { connectionId: conn, topic: null }, redrive });
    expect(second).toMatchObject({ sent: 4, skipped: 1, skips: [{ reason: 'already redriven (it carries x-redriven)', count: 1 }] });
  });

  it('names what could not be sent, with the reason', async () => {
    const summary = await app.call('copy.run', { connectionId: conn, runId: 'fail', topic: source, source: whole, target: { connectionId: conn, topic: rewritten } });
    // Partition 2's messages have no partition 2 in a 2-partition topic (partitioning "same").
    expect(summary).toMatchObject({ sent: 3, failed: 2, errors: [{ reason: `${rewritten} has no partition 2 (it has 2)`, count: 2 }] });
    const missing = uniqueTopic('nowhere');
    const none = await app.call('copy.run', { connectionId: conn, runId: 'fail2', topic: source, source: whole, target: { connectionId: conn, topic: missing } });
    expect(none).toMatchObject({ sent: 0, failed: 5, errors: [{ reason: `Topic ${missing} does not exist on the target cluster`, count: 5 }] });
  });

  it('cancels part-way: what was sent stays, the rest is not read', async () => {
    const controller = new AbortController();
    const seen: CopyProgress[] = [];
    const from = app.events.length;
    const watching = setInterval(() => {
      const progress = app.events.slice(from).filter((e) => e.name === 'copy.progress' && e.payload.runId === 'cancel');
      seen.push(...progress.map((e) => e.payload as CopyProgress));
      if (progress.some((e) => (e.payload as CopyProgress).sent > 0)) controller.abort();
    }, 5);
    const summary = await app.call('copy.run', { connectionId: conn, runId: 'cancel', topic: big, source: whole, target: { connectionId: conn, topic: bigTarget } }, controller.signal).finally(() => clearInterval(watching));
    expect(summary.cancelled).toBe(true);
    expect(summary.total).toBe(40_000);
    expect(summary.sent).toBeGreaterThan(0);
    expect(summary.sent).toBeLessThan(40_000);
    expect(await totalIn(bootstrap, bigTarget)).toBe(summary.sent);
  });

  it('copies 5 MB values from every partition whole (bigger than a fetch asks for per partition)', async () => {
    const [from, to] = [uniqueTopic('copy-5mb'), uniqueTopic('copy-5mb-dst')];
    const configEntries = [{ name: 'max.message.bytes', value: String(12 * 1024 * 1024) }];
    await createTopicsReady(bootstrap, [
      { topic: from, numPartitions: 3, configEntries },
      { topic: to, numPartitions: 3, configEntries },
    ]);
    const values = [0, 1, 2].map((p) => Buffer.alloc(5 * 1024 * 1024, p + 1));
    const producer = testKafka(bootstrap).producer();
    await producer.connect();
    for (const p of [0, 1, 2]) await producer.send({ topic: from, messages: [{ partition: p, key: `big-${p}`, value: values[p]! }, { partition: p, key: `small-${p}`, value: 'after' }] });
    await producer.disconnect();
    const summary = await app.call('copy.run', { connectionId: conn, runId: 'big-values', topic: from, source: whole, target: { connectionId: conn, topic: to } });
    expect(summary).toMatchObject({ sent: 6, failed: 0, total: 6 });
    const after = await readAll(bootstrap, to, 6);
    for (const p of [0, 1, 2]) {
      expect(after.get(p)!.map((m) => m.key!.toString())).toEqual([`big-${p}`, `small-${p}`]);
      expect(after.get(p)![0]!.value!.equals(values[p]!)).toBe(true);
    }
  });

  it('refuses a read-only connection as the target, in main, and writes nothing', async () => {
    const refused = await app.call('copy.run', { connectionId: conn, runId: 'ro', topic: source, source: whole, target: { connectionId: readOnly, topic: same } }).catch((e: { code: string; message: string }) => e);
    expect(refused).toMatchObject({ code: 'READ_ONLY' });
    expect((refused as { message: string }).message).toMatch(/read-only: it cannot be a copy's target/);
    // A read-only connection may be the source.
    const fromReadOnly = await app.call('copy.preview', { connectionId: readOnly, topic: source, source: whole, target: { connectionId: conn, topic: same }, count: 2 });
    expect(fromReadOnly.messages).toHaveLength(2);
    expect(await totalIn(bootstrap, same)).toBe(5);
  });
});
