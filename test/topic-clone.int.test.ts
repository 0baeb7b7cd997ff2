import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app';
import { createTopicsReady, sharedBootstrap, testKafka, uniqueTopic } from './support/kafka';

/** Keys, values, headers and times of a read through the app, per partition in offset order. */
const shape = (messages: Awaited<ReturnType<TestApp['readAll']>>) =>
  messages.map((m) => ({ partition: m.partition, offset: m.offset, key: m.key, value: m.value, headers: m.headers, timestamp: m.timestamp }));

describe('clone topic', () => {
  const bootstrap = sharedBootstrap();
  const source = uniqueTopic('clone-src');
  const bare = uniqueTopic('clone-bare');
  const withData = uniqueTopic('clone-data');
  const tooFew = uniqueTopic('clone-few');
  let app: TestApp;
  let conn: string;
  let readOnly: string;

  beforeAll(async () => {
    await createTopicsReady(bootstrap, [
      {
        topic: source,
        numPartitions: 3,
        configEntries: [
          { name: 'retention.ms', value: '-1' },
          { name: 'cleanup.policy', value: 'compact,delete' },
          { name: 'max.message.bytes', value: '2000000' },
        ],
      },
    ]);
    const producer = testKafka(bootstrap).producer();
    await producer.connect();
    await producer.send({
      topic: source,
      messages: [
        { partition: 0, key: Buffer.from([0x00, 0xff]), value: Buffer.from([0xde, 0xad, 0xbe, 0xef]), headers: { trace: Buffer.from([0xc3, 0x28]) }, timestamp: '1700000000001' },
        { partition: 0, key: 'k1', value: '{"n":1}', timestamp: '1700000000002' },
        { partition: 2, key: 'k2', value: 'two', headers: { a: '1' }, timestamp: '1700000000003' },
      ],
    });
    await producer.disconnect();
    app = startTestApp();
    conn = (await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } })).connectionId;
    readOnly = (await app.call('connection.connect', { config: { brokers: bootstrap.split(','), readOnly: true } })).connectionId;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  it('plans a clone from the topic: partitions, replication and only its own config overrides', async () => {
    const plan = await app.call('topics.clonePlan', { connectionId: conn, topic: source });
    expect(plan).toEqual({ partitions: 3, replicationFactor: 1, configs: { 'retention.ms': '-1', 'cleanup.policy': 'compact,delete', 'max.message.bytes': '2000000' } });
  });

  it('creates the clone with equal configs and partitions, without data', async () => {
    const plan = await app.call('topics.clonePlan', { connectionId: conn, topic: source });
    const result = await app.call('topics.clone', { connectionId: conn, topic: source, name: bare, ...plan, runId: 'bare' });
    expect(result.copy).toBeNull();
    expect(await app.call('topics.clonePlan', { connectionId: conn, topic: bare })).toEqual(plan);
    expect((await app.call('topics.partitions', { connectionId: conn, topic: bare })).map((p) => p.messages)).toEqual([0, 0, 0]);
  }, 60_000);

  it('with data: every message byte for byte in its partition, as the app reads it', async () => {
    const plan = await app.call('topics.clonePlan', { connectionId: conn, topic: source });
    const result = await app.call('topics.clone', { connectionId: conn, topic: source, name: withData, ...plan, copyData: true, runId: 'with-data' });
    const before = await app.readAll(conn, source);
    // At least the three sent (a producer retry may have written one twice): the clone holds what the source holds.
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(result.copy).toMatchObject({ scanned: before.length, sent: before.length, failed: 0, cancelled: false });
    expect(app.events.some((e) => e.name === 'copy.progress' && e.payload.runId === 'with-data')).toBe(true);
    const after = await app.readAll(conn, withData);
    expect(after).toHaveLength(before.length);
    expect(shape(after)).toEqual(shape(before));
    expect(await app.call('topics.clonePlan', { connectionId: conn, topic: withData })).toEqual(plan);
  }, 60_000);

  it('refuses a data copy into fewer partitions, and any clone on a read-only connection', async () => {
    await expect(app.call('topics.clone', { connectionId: conn, topic: source, name: tooFew, partitions: 2, replicationFactor: 1, configs: {}, copyData: true, runId: 'few' })).rejects.toThrow(
      /at least 3 partitions/,
    );
    await expect(app.call('topics.clone', { connectionId: readOnly, topic: source, name: tooFew, partitions: 3, replicationFactor: 1, configs: {}, runId: 'ro' })).rejects.toThrow(/read-only/i);
    const names = (await app.call('topics.list', { connectionId: conn, fresh: true })).map((t) => t.name);
    expect(names).not.toContain(tooFew);
  });
});
