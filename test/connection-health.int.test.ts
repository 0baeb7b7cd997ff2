import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageFromWire, type ConnectionHealth, type EncodedBytes, type MessagesBatch } from '../src/shared/api';
import { AppError } from '../src/shared/errors';
import { startTestApp, type TestApp } from './support/app';
import { eventually } from './support/eventually';
import { createTopic, startCluster, testKafka, uniqueTopic, type RunningCluster } from './support/kafka';

// Short rounds so the test sees each state quickly (the app's default is 5 s; docs/connection-health.md).
process.env.KAFKA_EXPLORER_HEALTH_INTERVAL_MS = '1000';
process.env.KAFKA_EXPLORER_LAG_SAMPLE_MS = '1000';

const text = (e: EncodedBytes | null) => (e === null ? null : e.encoding === 'utf8' ? e.data : `base64:${e.data}`);

function healthOf(app: TestApp, connectionId: string): ConnectionHealth[] {
  return app.events.filter((e) => e.name === 'connection.health' && e.payload.connectionId === connectionId).map((e) => e.payload as ConnectionHealth);
}

/** Waits until main has pushed `state` for the connection, and returns that health. */
async function waitForState(app: TestApp, connectionId: string, state: ConnectionHealth['state'], timeoutMs = 30_000): Promise<ConnectionHealth> {
  const seen = await eventually(async () => healthOf(app, connectionId).findLast((h) => h.state === state), (h) => h !== undefined, timeoutMs, 100);
  expect(seen, `health ${state}; seen ${healthOf(app, connectionId).map((h) => h.state).join(' → ')}`).toBeDefined();
  return seen!;
}

async function produce(bootstrap: string, topic: string, values: string[]): Promise<void> {
  const producer = testKafka(bootstrap).producer();
  await producer.connect();
  await producer.send({ topic, messages: values.map((value, i) => ({ value, partition: i % 2 })) });
  await producer.disconnect();
}

async function failure(work: Promise<unknown>): Promise<{ error: AppError; ms: number }> {
  const started = Date.now();
  try {
    await work;
  } catch (error) {
    return { error: error as AppError, ms: Date.now() - started };
  }
  throw new Error('expected the call to fail');
}

describe('connection health on one node: the broker is killed, restarted, frozen and thawed', () => {
  let cluster: RunningCluster;
  let app: TestApp;
  let connectionId: string;
  let broker: string;
  const topic = uniqueTopic('health');
  const groupId = `health-group-${topic}`;

  beforeAll(async () => {
    cluster = await startCluster({ nodes: 1 });
    broker = cluster.bootstrap;
    await createTopic(cluster.bootstrap, topic, 2);
    const admin = testKafka(cluster.bootstrap).admin();
    await admin.connect();
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '0' }, { partition: 1, offset: '0' }] });
    await admin.disconnect();
    app = startTestApp();
    // The default request timeout (30 s): the bound on a frozen broker comes from the health rounds, not from it.
    connectionId = (await app.call('connection.connect', { config: { brokers: [cluster.bootstrap] } })).connectionId;
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await cluster?.stop();
  });

  it('goes lost and recovered; calls fail at once with the connection test’s words; the tail waits and resumes without losing or doubling a message', async () => {
    // The pages a user has open: a topic, a group (with its lag chart), and a live tail.
    expect((await app.call('topics.partitions', { connectionId, topic })).map((p) => p.partition)).toEqual([0, 1]);
    expect((await app.call('groups.describe', { connectionId, groupId })).groupId).toBe(groupId);
    await app.call('groups.lag', { connectionId, groupId });
    const tailing = new AbortController();
    const tail = app.call('messages.tail', { connectionId, runId: 'health-tail', topic }, tailing.signal);
    const batches = () => app.events.filter((e) => e.name === 'messages.batch' && e.payload.runId === 'health-tail').map((e) => e.payload as MessagesBatch);
    const seen = () => batches().flatMap((b) => b.messages.map((m) => text(messageFromWire(m).value)));
    await eventually(async () => batches().length, (n) => n > 0, 10_000, 50);
    await produce(cluster.bootstrap, topic, ['m1', 'm2', 'm3', 'm4']);
    await eventually(async () => seen().length, (n) => n >= 4, 15_000, 50);

    // SIGKILL: the broker is gone.
    await cluster.signalNode(1, 'SIGKILL');
    const lost = await waitForState(app, connectionId, 'lost');
    expect(lost).toMatchObject({ error: { code: 'ECONNREFUSED', message: `Broker ${broker} refused the connection`, retriable: true }, unreachable: [{ broker, code: 'ECONNREFUSED' }] });
    expect(lost.nextAttemptAt).toBeGreaterThan(lost.since);
    expect(app.events.filter((e) => e.name === 'connection.lost' && e.payload.connectionId === connectionId)).toHaveLength(1);
    // Every call on the lost connection fails at once, clearly, and retriable; never UNKNOWN.
    for (const call of [app.call('topics.partitions', { connectionId, topic }), app.call('groups.describe', { connectionId, groupId }), app.call('cluster.overview', { connectionId })]) {
      const { error, ms } = await failure(call);
      expect(error).toMatchObject({ code: 'ECONNREFUSED', message: `Broker ${broker} refused the connection`, retriable: true });
      expect(ms).toBeLessThan(1_000);
    }
    expect((await app.call('connection.health', { connectionId })).state).toBe('lost');
    // The tail says it waits for the cluster (and has not ended).
    await eventually(async () => batches().at(-1)?.progress?.waiting, (w) => typeof w === 'string', 15_000, 100);
    expect(batches().at(-1)!.progress!.waiting).toContain('Waiting for the cluster');
    // Lag sampling pauses: gaps, not requests to a dead cluster.
    await new Promise((r) => setTimeout(r, 2_500));

    await cluster.startNode(1);
    const recovered = await waitForState(app, connectionId, 'recovered', 60_000);
    expect(recovered.unreachable).toEqual([]);
    await waitForState(app, connectionId, 'connected');
    expect((await app.call('topics.partitions', { connectionId, topic })).map((p) => p.partition)).toEqual([0, 1]);
    expect((await app.call('groups.describe', { connectionId, groupId })).groupId).toBe(groupId);
    const lag = await app.call('groups.lag', { connectionId, groupId });
    expect(lag.points.some((p) => p.paused && p.lagByTopic === null)).toBe(true);
    await produce(cluster.bootstrap, topic, ['m5', 'm6', 'm7']);
    await eventually(async () => seen().length, (n) => n >= 7, 30_000, 100);
    expect(batches().at(-1)!.progress!.waiting).toBeUndefined();

    // SIGSTOP: the broker accepts connections and never answers. A call fails within the bound.
    await cluster.signalNode(1, 'SIGSTOP');
    try {
      const { error, ms } = await failure(app.call('groups.describe', { connectionId, groupId }));
      expect(error).toMatchObject({ code: 'TIMEOUT', retriable: true });
      expect(error.message).toContain(`Broker ${broker} did not answer in time`);
      // Health round (1 s here) + probe timeout (4 s), with room for a loaded machine.
      expect(ms).toBeLessThan(9_000);
      const frozen = await waitForState(app, connectionId, 'lost');
      expect(frozen.error).toMatchObject({ code: 'TIMEOUT' });
    } finally {
      await cluster.signalNode(1, 'SIGCONT');
    }
    await eventually(async () => healthOf(app, connectionId).at(-1)?.state, (s) => s === 'recovered' || s === 'connected', 30_000, 100);
    await produce(cluster.bootstrap, topic, ['m8', 'm9']);
    await eventually(async () => seen().length, (n) => n >= 9, 30_000, 100);
    await new Promise((r) => setTimeout(r, 1_000));

    // The view: every message once, none lost, none doubled.
    expect(seen().sort()).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9']);
    expect(healthOf(app, connectionId).map((h) => h.state).filter((s, i, all) => s !== all[i - 1])).toEqual(['lost', 'recovered', 'connected', 'lost', 'recovered', 'connected']);
    tailing.abort();
    await expect(tail).resolves.toMatchObject({ cancelled: true });
  }, 240_000);
});

describe('connection health on three nodes: one broker killed, then one frozen', () => {
  let cluster: RunningCluster;
  let app: TestApp;
  let connectionId: string;

  beforeAll(async () => {
    cluster = await startCluster({ nodes: 3 });
    app = startTestApp();
    connectionId = (await app.call('connection.connect', { config: { brokers: cluster.bootstrap.split(',') } })).connectionId;
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await cluster?.stop();
  });

  it('is degraded (naming the broker and why) while the others serve calls, and recovers', async () => {
    const [, second, third] = cluster.nodes;
    // Let the first healthy round learn the three brokers from the metadata.
    await new Promise((r) => setTimeout(r, 2_500));
    await cluster.signalNode(third!.id, 'SIGKILL');
    const degraded = await waitForState(app, connectionId, 'degraded');
    expect(degraded.brokers).toHaveLength(3);
    expect(degraded.unreachable).toEqual([{ broker: `127.0.0.1:${third!.port}`, nodeId: third!.id, code: 'ECONNREFUSED', reason: `Broker 127.0.0.1:${third!.port} refused the connection` }]);
    // The two that answer still serve the pages.
    await expect(app.call('cluster.overview', { connectionId })).resolves.toMatchObject({ brokerCount: expect.any(Number) });
    await cluster.startNode(third!.id);
    await waitForState(app, connectionId, 'recovered', 60_000);
    await waitForState(app, connectionId, 'connected');

    await cluster.signalNode(second!.id, 'SIGSTOP');
    try {
      const frozen = await eventually(async () => healthOf(app, connectionId).at(-1), (h) => h?.state === 'degraded', 30_000, 100);
      expect(frozen!.unreachable).toEqual([expect.objectContaining({ nodeId: second!.id, code: 'TIMEOUT' })]);
    } finally {
      await cluster.signalNode(second!.id, 'SIGCONT');
    }
    const back = await eventually(async () => healthOf(app, connectionId).at(-1), (h) => h?.state === 'recovered' || h?.state === 'connected', 30_000, 100);
    expect(back!.unreachable).toEqual([]);
    // Each state once per change (the last round may not have turned `connected` yet).
    const states = healthOf(app, connectionId).map((h) => h.state).filter((s, i, all) => s !== all[i - 1]);
    expect(states.slice(0, 5)).toEqual(['degraded', 'recovered', 'connected', 'degraded', 'recovered']);
    expect(app.events.some((e) => e.name === 'connection.lost')).toBe(false);
  }, 240_000);
});
