import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/shared/errors';
import { startTestApp, type TestApp } from './support/app';
import { createTopic, sharedBootstrap, testKafka, uniqueTopic } from './support/kafka';

describe('first slice on a real single-node broker', () => {
  const bootstrap = sharedBootstrap();
  const topic = uniqueTopic('slice');
  let app: TestApp;
  let connectionId: string;

  beforeAll(async () => {
    await createTopic(bootstrap, topic, 4);
    // kcat is an independent client: 10 keyed messages, each key to partition by librdkafka's hash.
    const lines = Array.from({ length: 10 }, (_, i) => `k${i}:v${i}`).join('\n');
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-K', ':'], { input: lines });
    app = startTestApp();
    const info = await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } });
    connectionId = info.connectionId;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('reports the cluster as the admin API does', async () => {
    const admin = testKafka(bootstrap).admin();
    await admin.connect();
    const truth = await admin.describeCluster();
    await admin.disconnect();

    const overview = await app.call('cluster.overview', { connectionId });
    expect(overview.clusterId).toBe(truth.clusterId);
    expect(overview.controllerId).toBe(truth.controller);
    expect(overview.brokerCount).toBe(1);
    const brokers = await app.call('cluster.brokers', { connectionId });
    expect(brokers.map((b) => [b.nodeId, b.host, b.port, b.isController])).toEqual(truth.brokers.map((b) => [b.nodeId, b.host, b.port, true]));
  });

  it('lists the topic and its partitions with the watermarks kcat sees', async () => {
    const topics = await app.call('topics.list', { connectionId, includeInternal: false });
    const mine = topics.find((t) => t.name === topic);
    expect(mine).toMatchObject({ partitionCount: 4, replicationFactor: 1, underReplicatedPartitions: 0, offlinePartitions: 0, internal: false });
    expect(topics.some((t) => t.name.startsWith('__'))).toBe(false);

    const partitions = await app.call('topics.partitions', { connectionId, topic });
    expect(partitions.map((p) => p.partition)).toEqual([0, 1, 2, 3]);
    // kcat -Q -t topic:partition:-1 asks the broker for the end offset of each partition.
    for (const p of partitions) {
      const out = execFileSync('kcat', ['-b', bootstrap, '-Q', '-t', `${topic}:${p.partition}:-1`]).toString();
      const high = out.trim().split(/\s+/).pop();
      expect(p.high).toBe(high);
      expect(p.low).toBe('0');
      expect(p.leader).toBe(1);
      expect(p.isr).toEqual([1]);
    }
    expect(partitions.reduce((sum, p) => sum + p.messages, 0)).toBe(10);
  });

  it('names an unknown topic as such', async () => {
    const error = await app.call('topics.partitions', { connectionId, topic: uniqueTopic('missing') }).catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('UNKNOWN_TOPIC_OR_PARTITION');
  });

  it('rejects malformed requests before touching Kafka', async () => {
    const error = await app.call('topics.partitions', { connectionId, topic: 'bad topic name!' }).catch((e: AppError) => e);
    expect((error as AppError).code).toBe('VALIDATION');
    const bad = await app.call('connection.connect', { config: { brokers: ['no-port-here'] } }).catch((e: AppError) => e);
    expect((bad as AppError).code).toBe('VALIDATION');
    expect((bad as AppError).message).toContain('host:port');
  });
});

describe('connecting to what is not a working broker', () => {
  let app: TestApp;
  let silent: Server;
  let silentPort: number;
  beforeAll(async () => {
    app = startTestApp();
    // Accepts TCP connections and never answers: the case that hangs naive clients.
    silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    silentPort = (silent.address() as { port: number }).port;
  });
  afterAll(async () => {
    await app?.close();
    silent?.close();
  });

  it('a refused port fails fast with a specific message', async () => {
    const started = Date.now();
    const error = (await app.call('connection.connect', { config: { brokers: ['127.0.0.1:1'], connectionTimeoutMs: 3000 } }).catch((e) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.message).toMatch(/Could not connect/);
    expect(error.message + (error.hint ?? '')).toMatch(/refused/i);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(await app.call('connection.list', {})).toEqual([]);
  });

  it('a server that never answers fails within the connection timeout, not forever', async () => {
    const started = Date.now();
    const error = (await app
      .call('connection.connect', { config: { brokers: [`127.0.0.1:${silentPort}`], connectionTimeoutMs: 2000, requestTimeoutMs: 2000 } })
      .catch((e) => e)) as AppError;
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(AppError);
    expect(['TIMEOUT', 'CONNECTION_FAILED']).toContain(error.code);
    // Deadline is the connection timeout + 2 s of slack.
    expect(elapsed).toBeLessThan(6000);
  });
});
