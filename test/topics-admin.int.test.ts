import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/shared/errors';
import { inheritedValue } from '../src/shared/api';
import { startTestApp, type TestApp } from './support/app';
import { sharedBootstrap, testKafka, uniqueTopic } from './support/kafka';

const DAY = 86_400_000;

/** Produces `lines` ("key:value") with kcat to one partition. */
function kcatProduce(bootstrap: string, topic: string, partition: number, lines: string[]): void {
  execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', String(partition), '-K', ':'], { input: lines.join('\n') + '\n', timeout: 30_000 });
}

/** Offsets kcat reads from the beginning of one partition. */
function kcatOffsets(bootstrap: string, topic: string, partition: number): number[] {
  const out = execFileSync('kcat', ['-b', bootstrap, '-C', '-t', topic, '-p', String(partition), '-o', 'beginning', '-e', '-q', '-f', '%o\n'], { timeout: 30_000 }).toString();
  return out.split('\n').filter(Boolean).map(Number);
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('topic administration on a real broker', () => {
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

  it('dry-runs a creation with the broker’s own verdict, then creates the topic with its configs', async () => {
    const name = uniqueTopic('created');
    const tooMany = await failure(app.call('topics.create', { connectionId, name, partitions: 3, replicationFactor: 3, validateOnly: true }));
    expect(tooMany.code).toBe('INVALID_REPLICATION_FACTOR');
    // Kafka 4's own words: "The target replication factor of 3 cannot be reached because only 1 broker(s) are registered."
    expect(tooMany.message).toMatch(/replication factor of 3 cannot be reached because only 1 broker/);

    // Created for real, not only a dry run: refused in the broker's words, the replication factor never lowered, nothing created.
    const brokers = (await app.call('cluster.overview', { connectionId })).brokerCount;
    const oneTooMany = await failure(app.call('topics.create', { connectionId, name, partitions: 1, replicationFactor: brokers + 1 }));
    expect(oneTooMany.code).toBe('INVALID_REPLICATION_FACTOR');
    expect(oneTooMany.message).toContain(`The target replication factor of ${brokers + 1} cannot be reached because only ${brokers} broker(s) are registered`);
    expect((await app.call('topics.list', { connectionId, fresh: true })).some((t) => t.name === name)).toBe(false);

    const badConfig = await failure(app.call('topics.create', { connectionId, name, partitions: 3, replicationFactor: 1, configs: { 'retention.ms': 'soon' }, validateOnly: true }));
    expect(badConfig.message).toMatch(/retention\.ms/);

    await app.call('topics.create', { connectionId, name, partitions: 3, replicationFactor: 1, configs: { 'retention.ms': String(2 * DAY) }, validateOnly: true });
    expect((await app.call('topics.list', { connectionId, fresh: true })).some((t) => t.name === name)).toBe(false);

    await app.call('topics.create', { connectionId, name, partitions: 3, replicationFactor: 1, configs: { 'retention.ms': String(2 * DAY), 'cleanup.policy': 'compact,delete', 'max.message.bytes': '2000000' } });
    const listed = (await app.call('topics.list', { connectionId })).find((t) => t.name === name);
    expect(listed).toMatchObject({ partitionCount: 3, replicationFactor: 1, underReplicatedPartitions: 0, offlinePartitions: 0 });

    const configs = await app.call('topics.configs', { connectionId, topic: name });
    expect(configs.find((c) => c.name === 'retention.ms')).toMatchObject({ value: String(2 * DAY), source: 'dynamic-topic' });
    // The broker-level value the override hides, as the broker reports it among the synonyms.
    const maxBytes = configs.find((c) => c.name === 'max.message.bytes')!;
    expect(maxBytes).toMatchObject({ value: '2000000', source: 'dynamic-topic' });
    expect(inheritedValue(maxBytes)).toEqual({ name: 'message.max.bytes', value: '1048588', source: 'default' });
    expect(configs.find((c) => c.name === 'retention.bytes')).toMatchObject({ value: '-1', source: 'default' });
    expect(configs.find((c) => c.name === 'retention.ms')?.documentation).toMatch(/retain a log/);

    const again = await failure(app.call('topics.create', { connectionId, name, partitions: 1, replicationFactor: 1 }));
    expect(again.message).toMatch(/already exists/);
  });

  it('refuses a name that collides through "." and "_" with an existing topic', async () => {
    const base = uniqueTopic('dot').replace(/-/g, '_');
    await app.call('topics.create', { connectionId, name: base, partitions: 1, replicationFactor: 1 });
    const error = await failure(app.call('topics.create', { connectionId, name: base.replace('_', '.'), partitions: 1, replicationFactor: 1 }));
    expect(error.message).toMatch(/collides with the existing topic/);
  });

  it('changes only the configs named, keeps every other override, and resets one to its default', async () => {
    const name = uniqueTopic('configs');
    await app.call('topics.create', { connectionId, name, partitions: 1, replicationFactor: 1, configs: { 'retention.ms': '3600000', 'max.message.bytes': '2000000' } });
    await app.call('topics.alterConfigs', { connectionId, topic: name, changes: [{ name: 'retention.bytes', value: '1073741824' }] });
    // An independent reader: kafkajs' own DescribeConfigs.
    const admin = testKafka().admin();
    await admin.connect();
    try {
      const { resources } = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name }] });
      const overrides = Object.fromEntries(resources[0]!.configEntries.filter((e) => !e.isDefault).map((e) => [e.configName, e.configValue]));
      expect(overrides).toMatchObject({ 'retention.ms': '3600000', 'max.message.bytes': '2000000', 'retention.bytes': '1073741824' });
    } finally {
      await admin.disconnect();
    }
    await app.call('topics.alterConfigs', { connectionId, topic: name, changes: [{ name: 'retention.ms', value: null }] });
    const configs = await app.call('topics.configs', { connectionId, topic: name });
    expect(configs.find((c) => c.name === 'retention.ms')).toMatchObject({ value: String(7 * DAY), source: 'default' });
    expect(configs.find((c) => c.name === 'max.message.bytes')).toMatchObject({ value: '2000000', source: 'dynamic-topic' });

    const invalid = await failure(app.call('topics.alterConfigs', { connectionId, topic: name, changes: [{ name: 'cleanup.policy', value: 'sometimes' }, { name: 'retention.ms', value: '1' }] }));
    expect(invalid.message).toMatch(/cleanup\.policy/);
    // Validated as a whole first: the valid half was not applied either.
    expect((await app.call('topics.configs', { connectionId, topic: name })).find((c) => c.name === 'retention.ms')?.source).toBe('default');
    const unknown = await failure(app.call('topics.alterConfigs', { connectionId, topic: name, changes: [{ name: 'retention.parsecs', value: '12' }] }));
    expect(unknown.message).toMatch(/retention\.parsecs/);
  });

  it('counts messages, explains retention with the oldest message, and lists the groups that read the topic', async () => {
    const name = uniqueTopic('stats');
    await app.call('topics.create', { connectionId, name, partitions: 2, replicationFactor: 1, configs: { 'retention.bytes': String(1024 ** 3) } });
    const old = Date.now() - 3 * DAY;
    await app.call('produce.send', { connectionId, topic: name, message: { key: null, value: { format: 'text', text: 'old' }, partition: 1, timestamp: old } });
    kcatProduce(bootstrap, name, 0, ['a:1', 'b:2', 'c:3', 'd:4']);

    const [stats] = await app.call('topics.stats', { connectionId, topics: [name] });
    expect(stats).toMatchObject({ name, messages: 5, retentionMs: 7 * DAY, retentionBytes: 1024 ** 3, cleanupPolicy: 'delete' });
    // At least two record batches (kcat sent one, the app one), each with a 61-byte header.
    expect(stats!.sizeBytes).toBeGreaterThan(2 * 61);
    const all = await app.call('topics.stats', { connectionId, topics: null });
    expect(all.find((s) => s.name === name)).toMatchObject({ messages: 5, sizeBytes: stats!.sizeBytes });

    expect(await app.call('topics.retention', { connectionId, topic: name })).toEqual({
      retentionMs: 7 * DAY,
      retentionBytes: 1024 ** 3,
      cleanupPolicy: 'delete',
      oldestTimestamp: old,
      oldestPartition: 1,
    });

    execFileSync('kcat', ['-b', bootstrap, '-G', `${name}-readers`, name, '-e', '-q', '-X', 'auto.offset.reset=earliest'], { timeout: 30_000 });
    kcatProduce(bootstrap, name, 0, ['e:5', 'f:6']);
    expect(await app.call('topics.readers', { connectionId, topic: name })).toEqual([{ groupId: `${name}-readers`, state: 'Empty', members: 0, lag: 2, partitions: 2 }]);
  });

  it('adds partitions, but never fewer than there are', async () => {
    const name = uniqueTopic('grow');
    await app.call('topics.create', { connectionId, name, partitions: 2, replicationFactor: 1 });
    const shrink = await failure(app.call('topics.addPartitions', { connectionId, topic: name, count: 2 }));
    expect(shrink.message).toMatch(/already has 2 partitions/);
    await app.call('topics.addPartitions', { connectionId, topic: name, count: 5, validateOnly: true });
    expect(await app.call('topics.partitions', { connectionId, topic: name })).toHaveLength(2);
    await app.call('topics.addPartitions', { connectionId, topic: name, count: 5 });
    const partitions = await app.call('topics.partitions', { connectionId, topic: name });
    expect(partitions.map((p) => p.partition)).toEqual([0, 1, 2, 3, 4]);
    expect(partitions.every((p) => p.preferredLeader)).toBe(true);
  });

  it('deletes records before an offset, then truncates every partition; kcat agrees', async () => {
    const name = uniqueTopic('truncate');
    await app.call('topics.create', { connectionId, name, partitions: 2, replicationFactor: 1 });
    kcatProduce(bootstrap, name, 0, Array.from({ length: 10 }, (_, i) => `k${i}:v${i}`));
    kcatProduce(bootstrap, name, 1, ['x:1', 'y:2']);

    const unconfirmed = await failure(app.call('topics.deleteRecords', { connectionId, topic: name, partitions: [{ partition: 0, offset: '4' }], confirmation: 'yes' }));
    expect(unconfirmed.message).toMatch(/Type the topic name/);
    const beyond = await failure(app.call('topics.deleteRecords', { connectionId, topic: name, partitions: [{ partition: 0, offset: '50' }], confirmation: name }));
    expect(beyond.code).toBe('OFFSET_OUT_OF_RANGE');

    expect(await app.call('topics.deleteRecords', { connectionId, topic: name, partitions: [{ partition: 0, offset: '4' }], confirmation: name })).toEqual([{ partition: 0, lowWatermark: '4' }]);
    expect(kcatOffsets(bootstrap, name, 0)).toEqual([4, 5, 6, 7, 8, 9]);

    expect(await app.call('topics.deleteRecords', { connectionId, topic: name, partitions: null, confirmation: name })).toEqual([
      { partition: 0, lowWatermark: '10' },
      { partition: 1, lowWatermark: '2' },
    ]);
    const partitions = await app.call('topics.partitions', { connectionId, topic: name });
    expect(partitions.map((p) => [p.low, p.high, p.messages])).toEqual([
      ['10', '10', 0],
      ['2', '2', 0],
    ]);
    expect(kcatOffsets(bootstrap, name, 1)).toEqual([]);
  });

  it('deletes a topic only when its name is typed back, and never an internal one', async () => {
    const name = uniqueTopic('doomed');
    await app.call('topics.create', { connectionId, name, partitions: 1, replicationFactor: 1 });
    const wrong = await failure(app.call('topics.delete', { connectionId, topic: name, confirmation: name.slice(1) }));
    expect(wrong.message).toMatch(/Type the topic name/);
    const internal = await failure(app.call('topics.delete', { connectionId, topic: '__consumer_offsets', confirmation: '__consumer_offsets' }));
    expect(internal.message).toMatch(/internal topics/);

    // Read it first: the client then tracks the topic, and must not trip over it once deleted.
    await app.call('messages.browse', { connectionId, topic: name, position: { kind: 'beginning' } });
    await app.call('topics.delete', { connectionId, topic: name, confirmation: name });
    expect((await app.call('topics.list', { connectionId })).some((t) => t.name === name)).toBe(false);
    const other = uniqueTopic('survivor');
    await app.call('topics.create', { connectionId, name: other, partitions: 1, replicationFactor: 1 });
    kcatProduce(bootstrap, other, 0, ['k:still readable']);
    const read = await app.call('messages.browse', { connectionId, topic: other, position: { kind: 'beginning' } });
    expect(read.messages.map((m) => m.value?.data)).toEqual(['still readable']);
    const gone = await failure(app.call('topics.partitions', { connectionId, topic: name }));
    expect(gone.code).toBe('UNKNOWN_TOPIC_OR_PARTITION');
    const missing = await failure(app.call('topics.delete', { connectionId, topic: name, confirmation: name }));
    expect(missing.code).toBe('UNKNOWN_TOPIC_OR_PARTITION');
  });
});
