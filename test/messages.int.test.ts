import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EncodedBytes } from '../src/shared/api';
import { startTestApp, type TestApp } from './support/app';
import { kafkaTool } from './support/java-clients';
import { createTopic, groupsTouching, sharedBootstrap, testKafka, uniqueTopic } from './support/kafka';

const text = (e: EncodedBytes | null) => (e === null ? null : e.encoding === 'utf8' ? e.data : `base64:${e.data}`);

describe('reading messages without a consumer group', () => {
  const bootstrap = sharedBootstrap();
  let app: TestApp;
  let connectionId: string;
  beforeAll(async () => {
    app = startTestApp();
    connectionId = (await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } })).connectionId;
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each(['none', 'gzip', 'snappy', 'lz4', 'zstd'])('reads what kcat wrote with -z %s', async (codec) => {
    const topic = uniqueTopic(`kcat-${codec}`);
    await createTopic(bootstrap, topic, 1);
    const lines = Array.from({ length: 50 }, (_, i) => `k${i}|{"codec":"${codec}","i":${i}}`);
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-K', '|', '-z', codec, '-p', '0'], { input: lines.join('\n') });
    const { messages } = await app.call('messages.browse', { connectionId, topic, position: { kind: 'beginning' } });
    expect(messages.map((m) => `${text(m.key)}|${text(m.value)}`)).toEqual(lines);
    expect(messages.map((m) => m.offset)).toEqual(lines.map((_, i) => String(i)));
  });

  it.each(['zstd', 'lz4'])('reads a long %s topic (many compressed chunks per partition) exactly as kcat does', async (codec) => {
    const topic = uniqueTopic(`kcat-long-${codec}`);
    await createTopic(bootstrap, topic, 2);
    // Random hex compresses about 2:1: each partition is several fetched chunks of many batches.
    const lines = Array.from({ length: 4000 }, (_, i) => `k${i}|${randomBytes(150).toString('hex')}`);
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-K', '|', '-z', codec, '-X', 'batch.num.messages=500'], { input: lines.join('\n') });
    const theirs = execFileSync('kcat', ['-b', bootstrap, '-C', '-t', topic, '-e', '-q', '-o', 'beginning', '-f', '%p|%o|%k|%s\n'], { maxBuffer: 64 * 1024 * 1024 })
      .toString()
      .trim()
      .split('\n')
      .sort();
    const ours = (await app.readAll(connectionId, topic)).map((m) => `${m.partition}|${m.offset}|${text(m.key)}|${text(m.value)}`).sort();
    expect(ours).toHaveLength(4000);
    expect(ours).toEqual(theirs);
  });

  it("reads the big zstd batches of Kafka's Java producer (frames that do not state their size), as kcat does", async () => {
    const topic = uniqueTopic('java-zstd');
    await createTopic(bootstrap, topic, 1);
    // Batches of up to 4 MB (2.7 MB here): more than the 1 MB the WASM zstd build allows by default.
    // JSON values compress well, so a batch stays under the broker's 1 MB message size.
    const payload = join(mkdtempSync(join(tmpdir(), 'ke-java-zstd-')), 'payload.txt');
    writeFileSync(payload, Array.from({ length: 50 }, (_, i) => JSON.stringify({ order: i, customer: `customer-${i}`, note: 'n'.repeat(300) })).join('\n'));
    const props = [`bootstrap.servers=${bootstrap}`, 'compression.type=zstd', 'batch.size=4000000', 'linger.ms=2000', 'max.request.size=8000000'];
    await kafkaTool('org.apache.kafka.tools.ProducerPerformance', ['--topic', topic, '--num-records', '8000', '--payload-file', payload, '--throughput', '-1', '--producer-props', ...props]);
    const theirs = execFileSync('kcat', ['-b', bootstrap, '-C', '-t', topic, '-e', '-q', '-o', 'beginning', '-f', '%o|%s\n'], { maxBuffer: 64 * 1024 * 1024 }).toString().trim().split('\n');
    const ours = (await app.readAll(connectionId, topic)).map((m) => `${m.offset}|${text(m.value)}`);
    expect(theirs).toHaveLength(8000); // under the search's default limit of 10,000
    expect(ours).toEqual(theirs);
  }, 120_000);

  it('shows binary keys, headers, tombstones and Schema Registry framing as they are', async () => {
    const topic = uniqueTopic('shapes');
    await createTopic(bootstrap, topic, 1);
    const producer = testKafka(bootstrap).producer();
    await producer.connect();
    const framed = Buffer.concat([Buffer.from([0, 0, 0, 0, 42]), Buffer.from('avro-bytes')]);
    await producer.send({
      topic,
      messages: [
        { key: Buffer.from([0xff, 0x00, 0xfe]), value: Buffer.from('binary key'), headers: { trace: 'abc', dup: ['1', '2'] } },
        { key: 'deleted', value: null },
        { key: null, value: framed },
        { key: 'xss', value: '<img src=x onerror=alert(1)>' },
      ],
    });
    await producer.disconnect();
    const { messages } = await app.call('messages.browse', { connectionId, topic, position: { kind: 'beginning' } });
    expect(messages[0]!.key).toMatchObject({ encoding: 'base64', data: Buffer.from([0xff, 0x00, 0xfe]).toString('base64'), size: 3 });
    expect(messages[0]!.headers.map((h) => [h.key, text(h.value)])).toEqual([
      ['trace', 'abc'],
      ['dup', '1'],
      ['dup', '2'],
    ]);
    expect(messages[1]).toMatchObject({ key: { data: 'deleted' }, value: null });
    expect(messages[2]!.key).toBeNull();
    expect(messages[2]!.value).toMatchObject({ schemaId: 42, encoding: 'base64' });
    expect(text(messages[3]!.value)).toBe('<img src=x onerror=alert(1)>');
  });

  it('starts from the newest N, an offset, or the beginning, and never joins a group or commits', async () => {
    const topic = uniqueTopic('positions');
    await createTopic(bootstrap, topic, 2);
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', '0'], { input: Array.from({ length: 30 }, (_, i) => `p0-${i}`).join('\n') });
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', '1'], { input: Array.from({ length: 10 }, (_, i) => `p1-${i}`).join('\n') });
    const newest = await app.call('messages.browse', { connectionId, topic, partitions: [0], position: { kind: 'newest', count: 5 } });
    expect(newest.messages.map((m) => m.offset).sort((a, b) => Number(b) - Number(a))).toEqual(['29', '28', '27', '26', '25']);
    const fromOffset = await app.call('messages.browse', { connectionId, topic, partitions: [1], position: { kind: 'offset', offset: '7' } });
    expect(fromOffset.messages.map((m) => text(m.value))).toEqual(['p1-7', 'p1-8', 'p1-9']);
    const all = await app.call('messages.browse', { connectionId, topic, position: { kind: 'beginning' }, limit: 1000 });
    expect(all.messages).toHaveLength(40);
    expect(all.partitions.map((p) => [p.partition, p.from, p.until, p.high])).toEqual([
      [0, '0', '30', '30'],
      [1, '0', '10', '10'],
    ]);
    const limited = await app.call('messages.browse', { connectionId, topic, position: { kind: 'beginning' }, limit: 12 });
    expect(limited.messages).toHaveLength(12);

    expect(await groupsTouching(bootstrap, topic)).toEqual([]);
  });

  it('starts at a time (first message at or after it) and reads in either order', async () => {
    const topic = uniqueTopic('times');
    await createTopic(bootstrap, topic, 1);
    const producer = testKafka(bootstrap).producer();
    await producer.connect();
    const base = Date.UTC(2026, 10, 20, 14, 0, 0);
    await producer.send({ topic, messages: Array.from({ length: 6 }, (_, i) => ({ value: `t${i}`, timestamp: String(base + i * 60_000) })) });
    await producer.disconnect();
    const at = await app.call('messages.browse', { connectionId, topic, position: { kind: 'timestamp', timestamp: base + 2.5 * 60_000 } });
    expect(at.messages.map((m) => text(m.value))).toEqual(['t3', 't4', 't5']);
    const newestFirst = await app.call('messages.browse', { connectionId, topic, position: { kind: 'timestamp', timestamp: base + 2.5 * 60_000 }, order: 'newest' });
    expect(newestFirst.messages.map((m) => text(m.value))).toEqual(['t5', 't4', 't3']);
    const later = await app.call('messages.browse', { connectionId, topic, position: { kind: 'timestamp', timestamp: base + 3_600_000 } });
    expect(later.messages).toEqual([]);
    const oldestOfNewest = await app.call('messages.browse', { connectionId, topic, position: { kind: 'newest', count: 2 }, order: 'oldest' });
    expect(oldestOfNewest.messages.map((m) => text(m.value))).toEqual(['t4', 't5']);
  });

  it('reads only committed transactional messages and never shows control records', async () => {
    const topic = uniqueTopic('txn');
    await createTopic(bootstrap, topic, 1);
    const producer = testKafka(bootstrap).producer({ transactionalId: `ke-test-${topic}`, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const commit = await producer.transaction();
    await commit.send({ topic, messages: [{ value: 'c1' }, { value: 'c2' }] });
    await commit.commit();
    const abort = await producer.transaction();
    await abort.send({ topic, messages: [{ value: 'a1' }, { value: 'a2' }] });
    await abort.abort();
    const again = await producer.transaction();
    await again.send({ topic, messages: [{ value: 'c3' }] });
    await again.commit();
    await producer.disconnect();
    const { messages } = await app.call('messages.browse', { connectionId, topic, position: { kind: 'beginning' } });
    expect(messages.map((m) => text(m.value))).toEqual(['c1', 'c2', 'c3']);
  });
});
