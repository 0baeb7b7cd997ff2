import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessagesBatch } from '../src/shared/api';
import { messageFromWire } from '../src/shared/api/message-wire';
import { defaultPartitionFor } from '../src/main/kafka/kafkajs/default-partition';
import { startTestApp, type TestApp } from './support/app';
import { createTopicsReady, sharedBootstrap, testKafka, uniqueTopic } from './support/kafka';

const BIG = 1_000_000;
const PARTITIONS = 12;
const KEYS = 50_000;

describe('smarter reads against a real broker', () => {
  const bootstrap = sharedBootstrap();
  const big = uniqueTopic('by-key');
  const small = uniqueTopic('smart');
  const compact = uniqueTopic('compact');
  const group = `smart-reader-${Date.now()}`;
  const dir = mkdtempSync(join(tmpdir(), 'ke-smart-'));
  let app: TestApp;
  let connectionId: string;
  const rows = (runId: string) =>
    app.events.filter((e) => e.name === 'messages.batch' && (e.payload as MessagesBatch).runId === runId).flatMap((e) => (e.payload as MessagesBatch).messages.map(messageFromWire));

  beforeAll(async () => {
    await createTopicsReady(bootstrap, [
      { topic: big, numPartitions: PARTITIONS },
      { topic: small, numPartitions: 3 },
      { topic: compact, numPartitions: 2, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] },
    ]);
    // A million keyed messages, written by kcat with the Java client's partitioner (murmur2),
    // so where each key lands is decided by another implementation than the app's.
    const file = join(dir, 'big.txt');
    writeFileSync(file, Array.from({ length: BIG }, (_, i) => `user-${i % KEYS}\t{"seq":${i},"user":"user-${i % KEYS}","amount":${i % 977}}`).join('\n'));
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', big, '-K', '\t', '-l', '-X', 'partitioner=murmur2_random', '-X', 'batch.num.messages=10000', '-X', 'linger.ms=20', file]);
    // Idempotent: a retried send on a busy machine must not write a batch twice (the counts below are exact).
    const producer = testKafka(bootstrap).producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({
      topic: small,
      messages: Array.from({ length: 30 }, (_, i) => ({
        partition: i % 3,
        key: `k${i}`,
        value: JSON.stringify({ i }),
        headers: { tenant: `Tenant-${i % 3}`, ctx: JSON.stringify({ region: i % 2 === 0 ? 'EU' : 'US' }) },
      })),
    });
    // Five keys, three updated, one of them deleted (a tombstone) after its update.
    await producer.send({ topic: compact, messages: [0, 1, 2, 3, 4].map((i) => ({ key: `k${i}`, value: `v1-${i}` })) });
    await producer.send({ topic: compact, messages: [0, 1, 2].map((i) => ({ key: `k${i}`, value: `v2-${i}` })) });
    await producer.send({ topic: compact, messages: [{ key: 'k1', value: null }] });
    await producer.disconnect();
    // The group has read 3, 5 and 7 messages of the three partitions; it is never joined.
    const admin = testKafka(bootstrap).admin();
    await admin.connect();
    await admin.setOffsets({ groupId: group, topic: small, partitions: [0, 1, 2].map((p) => ({ partition: p, offset: String(3 + 2 * p) })) });
    await admin.disconnect();
    app = startTestApp();
    connectionId = (await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } })).connectionId;
    const marks = await app.call('topics.partitions', { connectionId, topic: big });
    expect(marks.reduce((n, p) => n + p.messages, 0)).toBe(BIG);
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds every message of a key in the partition murmur2 picks, much faster than scanning all', async () => {
    const key = 'user-4242';
    const expected = BIG / KEYS;
    const t0 = performance.now();
    const one = await app.call('messages.search', { connectionId, runId: 'key-one', topic: big, position: { kind: 'beginning' }, limit: 1000, filter: { key } });
    const oneMs = performance.now() - t0;
    expect(one.keyPartition).toBe(defaultPartitionFor(Buffer.from(key), PARTITIONS));
    expect(one.progress.matched).toBe(expected);
    expect(one.progress.partitions.map((p) => p.partition)).toEqual([one.keyPartition]);
    expect(rows('key-one').every((m) => m.key?.data === key && m.partition === one.keyPartition)).toBe(true);

    const t1 = performance.now();
    const all = await app.call('messages.search', { connectionId, runId: 'key-all', topic: big, position: { kind: 'beginning' }, limit: 1000, filter: { key, keyScan: 'all' } });
    const allMs = performance.now() - t1;
    expect(all.keyPartition).toBeUndefined();
    expect(all.progress.matched).toBe(expected);
    expect(all.progress.scanned).toBe(BIG);
    // The key's partition holds about a twelfth of the topic: that is what was read.
    expect(one.progress.scanned).toBeLessThan(BIG / 6);
    console.log(`by key in ${BIG.toLocaleString('en')} messages: its partition ${oneMs.toFixed(0)} ms (${one.progress.scanned.toLocaleString('en')} scanned), all partitions ${allMs.toFixed(0)} ms`);
  }, 180_000);

  it('starts at a group’s committed offsets, or N before them, without joining it', async () => {
    const unread = await app.call('messages.search', { connectionId, runId: 'grp-0', topic: small, position: { kind: 'group', groupId: group }, limit: 100 });
    expect(unread.progress.partitions.map((p) => [p.partition, p.from])).toEqual([
      [0, '3'],
      [1, '5'],
      [2, '7'],
    ]);
    expect(unread.progress.matched).toBe(30 - 15);
    const back = await app.call('messages.search', { connectionId, runId: 'grp-2', topic: small, position: { kind: 'group', groupId: group, back: 2 }, limit: 100 });
    expect(back.progress.matched).toBe(30 - 15 + 6);
    await expect(app.call('messages.search', { connectionId, runId: 'grp-x', topic: small, position: { kind: 'group', groupId: 'never-read-it' }, limit: 100 })).rejects.toThrow(/no committed offset/);
    const described = await app.call('groups.describe', { connectionId, groupId: group });
    expect(described.members).toEqual([]);
  });

  it('filters on a header key and value, and on header fields in JSON expressions', async () => {
    const byHeader = await app.call('messages.search', { connectionId, runId: 'hdr', topic: small, position: { kind: 'beginning' }, limit: 100, filter: { headerKey: 'tenant', headerValue: 'tenant-1' } });
    expect(byHeader.progress.matched).toBe(10);
    expect(rows('hdr').every((m) => m.headers.some((h) => h.key === 'tenant' && h.value?.data === 'Tenant-1'))).toBe(true);
    const wrongKey = await app.call('messages.search', { connectionId, runId: 'hdr-x', topic: small, position: { kind: 'beginning' }, limit: 100, filter: { headerKey: 'ctx', headerValue: 'tenant-1' } });
    expect(wrongKey.progress.matched).toBe(0);
    const byField = await app.call('messages.search', { connectionId, runId: 'hdr-json', topic: small, position: { kind: 'beginning' }, limit: 100, filter: { expression: 'headers.ctx.region == "EU" && headers.tenant == "Tenant-0"' } });
    expect(byField.progress.matched).toBe(5);
  });

  it('shows the latest value per key of a compacted topic, tombstones shown or hidden, with the key count', async () => {
    const shown = await app.call('messages.search', { connectionId, runId: 'latest', topic: compact, position: { kind: 'beginning' }, limit: 100, latestPerKey: { tombstones: true } });
    expect(shown.latestPerKey).toEqual({ keys: 5, tombstones: 1, unkeyed: 0, capped: false });
    expect(shown.progress.scanned).toBe(9);
    const latest = Object.fromEntries(rows('latest').map((m) => [m.key!.data, m.value?.data ?? null]));
    expect(latest).toEqual({ k0: 'v2-0', k1: null, k2: 'v2-2', k3: 'v1-3', k4: 'v1-4' });
    const hidden = await app.call('messages.search', { connectionId, runId: 'latest-live', topic: compact, position: { kind: 'beginning' }, limit: 100, latestPerKey: { tombstones: false } });
    expect(hidden.latestPerKey?.keys).toBe(5);
    expect(rows('latest-live').map((m) => m.key!.data).sort()).toEqual(['k0', 'k2', 'k3', 'k4']);
  });
});
