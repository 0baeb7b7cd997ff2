import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consumer } from 'kafkajs';
import { AppError } from '../src/shared/errors';
import type { GroupAlert, ResetMode } from '../src/shared/api';
import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/app';
import { createTopic, sharedBootstrap, startCluster, testKafka, uniqueTopic, type RunningCluster } from './support/kafka';

describe('consumer groups on a real broker', () => {
  const bootstrap = sharedBootstrap();
  const topic = uniqueTopic('lagging');
  const single = uniqueTopic('single');
  let app: TestApp;
  let connectionId: string;
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    await createTopic(bootstrap, topic, 3);
    await createTopic(bootstrap, single, 1);
    for (const p of [0, 1, 2]) execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', String(p)], { input: Array.from({ length: 10 + p * 5 }, (_, i) => `m${i}`).join('\n') });
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', single, '-p', '0'], { input: 'a\nb\nc' });
    app = startTestApp();
    connectionId = (await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } })).connectionId;
  });
  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.disconnect().catch(() => undefined)));
    await app?.close();
  });

  it('computes exact lag per partition from committed offsets', async () => {
    const groupId = `${topic}-g`;
    const admin = testKafka(bootstrap).admin();
    await admin.connect();
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '4' }, { partition: 1, offset: '15' }, { partition: 2, offset: '0' }] });
    await admin.disconnect();

    const detail = await app.call('groups.describe', { connectionId, groupId });
    expect(detail.state).toBe('Empty');
    expect(detail.partitions.map((p) => [p.partition, p.committed, p.logEnd, p.lag])).toEqual([
      [0, '4', '10', 6],
      [1, '15', '15', 0],
      [2, '0', '20', 20],
    ]);
    expect(detail.totalLag).toBe(26);
    const list = await app.call('groups.list', { connectionId });
    expect(list.find((g) => g.groupId === groupId)).toMatchObject({ state: 'Empty', members: 0, topics: [topic], totalLag: 26 });
    // The trend compares with the previous lists of the session.
    expect((await app.call('groups.list', { connectionId })).find((g) => g.groupId === groupId)?.trend).toBe('flat');
  });

  it("shows librdkafka's group (kcat -G) caught up after it read everything", async () => {
    const groupId = `${topic}-kcat`;
    execFileSync('kcat', ['-b', bootstrap, '-G', groupId, topic, '-e', '-q', '-X', 'auto.offset.reset=earliest'], { timeout: 60_000 });
    const detail = await eventually(() => app.call('groups.describe', { connectionId, groupId }), (d) => d.totalLag === 0, 20_000);
    expect(detail.protocolType).toBe('consumer');
    expect(detail.partitions.map((p) => p.committed)).toEqual(['10', '15', '20']);
  });

  it('shows live members, their assignment, and the idle one when members outnumber partitions', async () => {
    const groupId = `${single}-live`;
    for (let i = 0; i < 2; i++) {
      const consumer = testKafka(bootstrap).consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 500 });
      consumers.push(consumer);
      await consumer.connect();
      await consumer.subscribe({ topic: single, fromBeginning: true });
      await consumer.run({ eachMessage: async () => undefined });
    }
    const detail = await eventually(
      () => app.call('groups.describe', { connectionId, groupId }),
      (d) => d.state === 'Stable' && d.members.length === 2 && d.partitions.some((p) => p.memberId !== null),
      30_000,
    );
    expect(detail.assignor).toBe('RoundRobinAssigner');
    const withWork = detail.members.filter((m) => m.assignment.some((a) => a.partitions.length > 0));
    expect(withWork).toHaveLength(1);
    expect(withWork[0]!.assignment).toEqual([{ topic: single, partitions: [0] }]);
    expect(detail.partitions[0]!.memberId).toBe(withWork[0]!.memberId);

    const refused = (await app.call('groups.reset', { connectionId, groupId, topic: single, mode: { kind: 'earliest' } }).catch((e) => e)) as AppError;
    expect(refused.code).toBe('GROUP_NOT_EMPTY');
    expect(refused.message).toContain('has 2 active members: stop them first');
    await eventually(() => app.call('groups.describe', { connectionId, groupId }), (d) => d.partitions[0]!.committed !== null, 20_000);
    const busy = (await app.call('groups.deleteOffsets', { connectionId, groupId, topic: single }).catch((e) => e)) as AppError;
    expect(busy.code).toBe('GROUP_SUBSCRIBED_TO_TOPIC');
  });

  it('previews and applies every reset mode on an Empty group', async () => {
    const groupId = `${topic}-reset`;
    const admin = testKafka(bootstrap).admin();
    await admin.connect();
    await admin.setOffsets({ groupId, topic, partitions: [0, 1, 2].map((partition) => ({ partition, offset: '5' })) });
    const base = { connectionId, groupId, topic };
    const next = async (mode: ResetMode) => (await app.call('groups.resetPreview', { ...base, mode })).map((r) => r.next);

    expect(await next({ kind: 'earliest' })).toEqual(['0', '0', '0']);
    expect(await next({ kind: 'latest' })).toEqual(['10', '15', '20']);
    expect(await next({ kind: 'offset', offset: '12' })).toEqual(['10', '12', '12']);
    expect(await next({ kind: 'shift', by: -3 })).toEqual(['2', '2', '2']);
    expect(await next({ kind: 'shift', by: 100 })).toEqual(['10', '15', '20']);
    expect(await next({ kind: 'timestamp', timestamp: Date.now() + 3_600_000 })).toEqual(['10', '15', '20']);
    expect(await next({ kind: 'timestamp', timestamp: 0 })).toEqual(['0', '0', '0']);
    // Partitions the topic does not have: said, not an empty preview (nor a reset of nothing).
    await expect(app.call('groups.resetPreview', { ...base, partitions: [7], mode: { kind: 'earliest' } })).rejects.toThrow(`${topic}: no partition 7.`);
    await expect(app.call('groups.reset', { ...base, partitions: [7], mode: { kind: 'earliest' } })).rejects.toThrow(`${topic}: no partition 7.`);
    // Preview changed nothing.
    expect((await admin.fetchOffsets({ groupId, topics: [topic] }))[0]!.partitions.map((p) => p.offset)).toEqual(['5', '5', '5']);

    const applied = await app.call('groups.reset', { ...base, partitions: [2], mode: { kind: 'shift', by: 4 } });
    expect(applied).toEqual([{ topic, partition: 2, current: '5', next: '9', lagAfter: 11 }]);
    const after = (await admin.fetchOffsets({ groupId, topics: [topic] }))[0]!.partitions.sort((a, b) => a.partition - b.partition).map((p) => p.offset);
    expect(after).toEqual(['5', '5', '9']);

    // OffsetDelete (a raw request): forget one topic's offsets, keep the others.
    await admin.setOffsets({ groupId, topic: single, partitions: [{ partition: 0, offset: '1' }] });
    await app.call('groups.deleteOffsets', { connectionId, groupId, topic: single });
    const left = await admin.fetchOffsets({ groupId, topics: [topic, single] });
    expect(left.find((t) => t.topic === single)!.partitions.map((p) => p.offset)).toEqual(['-1']);
    expect(left.find((t) => t.topic === topic)!.partitions.map((p) => p.offset).sort()).toEqual(['5', '5', '9']);

    await app.call('groups.delete', { connectionId, groupId });
    expect((await admin.listGroups()).groups.map((g) => g.groupId)).not.toContain(groupId);
    await admin.disconnect();
  });
});

describe('lag over time and status per partition, sampled on a real broker', () => {
  const bootstrap = sharedBootstrap();
  let app: TestApp;
  let connectionId: string;
  beforeAll(async () => {
    process.env.KAFKA_EXPLORER_LAG_SAMPLE_MS = '700';
    app = startTestApp();
    connectionId = (await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } })).connectionId;
  });
  afterAll(async () => {
    delete process.env.KAFKA_EXPLORER_LAG_SAMPLE_MS;
    await app?.close();
  });

  it('says STALL for a member whose commits stand still while messages keep coming, OK once it catches up, ERR behind the log start', async () => {
    const topic = uniqueTopic('status');
    await createTopic(bootstrap, topic, 1);
    const groupId = `${topic}-g`;
    const admin = testKafka(bootstrap).admin();
    await admin.connect();
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', '0'], { input: 'a\nb\nc\nd' });
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '2' }] });
    // A member that reads but never commits: stuck, as opposed to absent (an Empty group is STOP, see below).
    const member = testKafka(bootstrap).consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 500 });
    await member.connect();
    await member.subscribe({ topic });
    await member.run({ autoCommit: false, eachMessage: async () => undefined });

    const producing = setInterval(() => execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', '0'], { input: 'more' }), 400);
    try {
      const running = await eventually(() => app.call('groups.lag', { connectionId, groupId }), (h) => h.consumers === 'running', 30_000, 300);
      const from = running.samples;
      const stalled = await eventually(() => app.call('groups.lag', { connectionId, groupId }), (h) => h.samples >= from + 4, 20_000, 300);
      expect(stalled.consumers).toBe('running');
      expect(stalled.partitions).toEqual([{ topic, partition: 0, status: 'STALL' }]);
      expect(stalled.status).toBe('STALL');
      const lags = stalled.points.map((p) => p.lagByTopic![0]!);
      expect(lags.at(-1)!).toBeGreaterThan(lags[0]!);
    } finally {
      clearInterval(producing);
      await member.disconnect();
    }
    await eventually(() => admin.describeGroups([groupId]), (d) => d.groups[0]?.state === 'Empty', 30_000);

    const end = (await admin.fetchTopicOffsets(topic))[0]!.high;
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: end }] });
    const ok = await eventually(() => app.call('groups.lag', { connectionId, groupId }), (h) => h.status === 'OK', 20_000, 300);
    expect(ok.status).toBe('OK');

    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '1' }] });
    await admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '3' }] });
    const err = await eventually(() => app.call('groups.lag', { connectionId, groupId }), (h) => h.status === 'ERR', 20_000, 300);
    expect(err.partitions[0]!.status).toBe('ERR');
    await admin.disconnect();
  });
});

describe('the lag verdict never calls a group OK without grounds (sampled on a real broker)', () => {
  const bootstrap = sharedBootstrap();
  let app: TestApp;
  let connectionId: string;
  beforeAll(async () => {
    process.env.KAFKA_EXPLORER_LAG_SAMPLE_MS = '700';
    app = startTestApp();
    connectionId = (await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } })).connectionId;
  });
  afterAll(async () => {
    delete process.env.KAFKA_EXPLORER_LAG_SAMPLE_MS;
    await app?.close();
  });

  it('an Empty group with lag is STOP from the first sample, a partition it never committed on is NO_COMMIT', async () => {
    const topic = uniqueTopic('nomember');
    await createTopic(bootstrap, topic, 2);
    const groupId = `${topic}-g`;
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', '0'], { input: Array.from({ length: 151 }, (_, i) => `m${i}`).join('\n') });
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', '1'], { input: 'x\ny' });
    const admin = testKafka(bootstrap).admin();
    await admin.connect();
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '0' }] });
    await admin.disconnect();

    const first = await app.call('groups.lag', { connectionId, groupId });
    expect(first.samples).toBe(1);
    expect(first.consumers).toBe('none');
    expect(first.partitions).toEqual([
      { topic, partition: 0, status: 'STOP' },
      { topic, partition: 1, status: 'NO_COMMIT' },
    ]);
    expect(first.status).toBe('STOP');
    expect(first.verdict).toBe('No consumer is running; lag 151 will not go down until one starts.');
    // Still STOP, never OK or STALL, as samples accumulate.
    const later = await eventually(() => app.call('groups.lag', { connectionId, groupId }), (h) => h.samples >= 5, 20_000, 300);
    expect(later.status).toBe('STOP');
    expect(later.partitions.map((p) => p.status)).toEqual(['STOP', 'NO_COMMIT']);
  });

  it('a running group caught up is "collecting (n of 3 samples)" until there are enough, then OK', async () => {
    const topic = uniqueTopic('collecting');
    await createTopic(bootstrap, topic, 1);
    const groupId = `${topic}-g`;
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', '0'], { input: 'a\nb\nc' });
    const consumer = testKafka(bootstrap).consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 500 });
    try {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({ eachMessage: async () => undefined });
      const admin = testKafka(bootstrap).admin();
      await admin.connect();
      await eventually(() => admin.fetchOffsets({ groupId, topics: [topic] }), (o) => o[0]?.partitions[0]?.offset === '3', 30_000);
      await eventually(() => admin.describeGroups([groupId]), (d) => d.groups[0]?.state === 'Stable', 30_000);
      await admin.disconnect();

      const first = await app.call('groups.lag', { connectionId, groupId });
      expect(first.consumers).toBe('running');
      expect(first.status).toBe('COLLECTING');
      expect(first.label).toBe('collecting (1 of 3 samples)');
      const ok = await eventually(() => app.call('groups.lag', { connectionId, groupId }), (h) => h.samples >= 3, 20_000, 300);
      expect(ok.status).toBe('OK');
      expect(ok.label).toBe('OK');
    } finally {
      await consumer.disconnect();
    }
  });

  it('tells the window when a watched group goes over its lag threshold and back under, and nothing for unwatched ones', async () => {
    const topic = uniqueTopic('watched');
    await createTopic(bootstrap, topic, 1);
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', '0'], { input: Array.from({ length: 40 }, (_, i) => `m${i}`).join('\n') });
    const [watched, unwatched] = [`${topic}-watched`, `${topic}-other`];
    const admin = testKafka(bootstrap).admin();
    await admin.connect();
    for (const groupId of [watched, unwatched]) await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '10' }] });
    await app.call('settings.update', { changes: { lagAlerts: { [watched]: 25 } } });
    const alerts = () => app.events.filter((e) => e.name === 'groups.alert').map((e) => e.payload as GroupAlert);
    await app.call('groups.lag', { connectionId, groupId: watched });
    await app.call('groups.lag', { connectionId, groupId: unwatched });
    const over = await eventually(async () => alerts(), (a) => a.length >= 1, 20_000, 200);
    expect(over[0]).toMatchObject({ connectionId, groupId: watched, lag: 30, message: `${watched}: lag 30 is over your threshold of 25.` });
    // Caught up: one more alert, back under; the unwatched group never tells.
    await admin.setOffsets({ groupId: watched, topic, partitions: [{ partition: 0, offset: '40' }] });
    await admin.disconnect();
    const under = await eventually(async () => alerts(), (a) => a.some((x) => x.message.includes('back under')), 20_000, 200);
    expect(under.find((x) => x.message.includes('back under'))).toMatchObject({ groupId: watched, lag: 0 });
    expect(alerts().every((a) => a.groupId === watched)).toBe(true);
    await app.call('settings.update', { changes: { lagAlerts: {} } });
  });

  it('stops sampling a group that was deleted', async () => {
    const topic = uniqueTopic('deleted');
    await createTopic(bootstrap, topic, 1);
    const groupId = `${topic}-g`;
    const admin = testKafka(bootstrap).admin();
    await admin.connect();
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '0' }] });
    await eventually(() => app.call('groups.lag', { connectionId, groupId }), (h) => h.samples >= 2, 20_000, 300);
    await admin.deleteGroups([groupId]);
    await admin.disconnect();

    const gone = await eventually(() => app.call('groups.lag', { connectionId, groupId }), (h) => h.gone, 20_000, 300);
    expect(gone.gone).toBe(true);
    expect(gone.verdict).toBe('The group no longer exists: sampling stopped.');
    const count = gone.points.length;
    await new Promise((r) => setTimeout(r, 3_000)); // four sampling intervals
    const still = await app.call('groups.lag', { connectionId, groupId });
    expect(still.gone).toBe(true);
    expect(still.points).toHaveLength(count);
  });
});

describe('lag sampling through a broker outage (own single-node cluster)', () => {
  let cluster: RunningCluster;
  let app: TestApp;
  let connectionId: string;
  beforeAll(async () => {
    cluster = await startCluster({ nodes: 1 });
    process.env.KAFKA_EXPLORER_LAG_SAMPLE_MS = '700';
    app = startTestApp();
    connectionId = (await app.call('connection.connect', { config: { brokers: cluster.bootstrap.split(','), requestTimeoutMs: 2_000, connectionTimeoutMs: 1_000 } })).connectionId;
  });
  afterAll(async () => {
    delete process.env.KAFKA_EXPLORER_LAG_SAMPLE_MS;
    await app?.close();
    await cluster?.stop();
  });

  it('keeps a failed sample as a gap (null), not a skipped point, and resumes after the broker is back', async () => {
    const topic = uniqueTopic('outage');
    await createTopic(cluster.bootstrap, topic, 1);
    const groupId = `${topic}-g`;
    execFileSync('kcat', ['-b', cluster.bootstrap, '-P', '-t', topic, '-p', '0'], { input: 'a\nb\nc' });
    const admin = testKafka(cluster.bootstrap).admin();
    await admin.connect();
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '1' }] });
    await admin.disconnect();
    await eventually(() => app.call('groups.lag', { connectionId, groupId }), (h) => h.samples >= 2, 20_000, 300);

    await cluster.stopNode(cluster.nodes[0]!.id);
    const during = await eventually(() => app.call('groups.lag', { connectionId, groupId }), (h) => h.points.some((p) => p.lagByTopic === null), 90_000, 500);
    const failedAt = during.points.findIndex((p) => p.lagByTopic === null);
    expect(failedAt).toBeGreaterThanOrEqual(2);
    expect(during.points.slice(0, failedAt).every((p) => p.lagByTopic?.[0] === 2)).toBe(true);

    await cluster.startNode(cluster.nodes[0]!.id);
    const after = await eventually(
      () => app.call('groups.lag', { connectionId, groupId }),
      (h) => h.points.at(-1)?.lagByTopic !== null && h.points.length > failedAt + 1,
      90_000,
      500,
    );
    expect(after.points.at(-1)!.lagByTopic).toEqual([2]);
    expect(after.points[failedAt]!.lagByTopic).toBeNull();
  });
});
