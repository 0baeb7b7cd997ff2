import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app';
import { kafkaToolOf } from './support/java-clients';
import { createTopic, sharedBootstrap, testKafka, uniqueTopic } from './support/kafka';


/** Kafka's own kafka-configs tool, from the broker jars: the independent peer that sets broker configs. */
async function kafkaConfigs(bootstrap: string, args: string[]): Promise<{ stdout: string }> {
  return { stdout: await kafkaToolOf('ConfigCommand', ['--bootstrap-server', bootstrap, '--entity-type', 'brokers', ...args]) };
}

describe('brokers view and broker configuration through the app', () => {
  const bootstrap = sharedBootstrap();
  const topic = uniqueTopic('brokers-view');
  let app: TestApp;
  let connectionId: string;
  let nodeId: number;

  beforeAll(async () => {
    await createTopic(bootstrap, topic, 3);
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic], { input: Array.from({ length: 500 }, (_, i) => `message ${i} ${'y'.repeat(200)}`).join('\n') });
    app = startTestApp();
    connectionId = (await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } })).connectionId;
    nodeId = (await app.call('cluster.brokers', { connectionId }))[0]!.nodeId;
    // The same config per broker and cluster-wide, to see which one wins and what it overrides.
    await Promise.all([
      kafkaConfigs(bootstrap, ['--entity-name', String(nodeId), '--alter', '--add-config', 'log.cleaner.backoff.ms=15001']),
      kafkaConfigs(bootstrap, ['--entity-default', '--alter', '--add-config', 'log.cleaner.backoff.ms=15002']),
    ]);
  });
  afterAll(async () => {
    await Promise.all([
      kafkaConfigs(bootstrap, ['--entity-name', String(nodeId), '--alter', '--delete-config', 'log.cleaner.backoff.ms']).catch(() => undefined),
      kafkaConfigs(bootstrap, ['--entity-default', '--alter', '--delete-config', 'log.cleaner.backoff.ms']).catch(() => undefined),
    ]);
    await app?.close();
    const admin = testKafka(bootstrap).admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('shows the broker online, as the quorum leader, with its disk use and capacity', async () => {
    const [broker] = await app.call('cluster.brokers', { connectionId, fresh: true });
    // kcat -L is the independent view of the same broker.
    const kcat = execFileSync('kcat', ['-b', bootstrap, '-L', '-t', topic]).toString();
    expect(kcat).toContain(`broker ${broker!.nodeId} at ${broker!.host}:${broker!.port}`);
    expect(broker).toMatchObject({ status: 'online', statusReason: null, isController: true, quorumRole: 'leader', quorumLag: 0, diskError: null });
    expect(broker!.leaderCount).toBeGreaterThanOrEqual(3);
    expect(broker!.diskUsedBytes!).toBeGreaterThan(500 * 200);
    const dir = broker!.logDirs[0]!;
    expect(dir.totalBytes!).toBeGreaterThan(dir.usableBytes!);
    expect(dir.replicaCount).toBeGreaterThanOrEqual(3);
    expect(Math.abs(broker!.lastSeenAt - Date.now())).toBeLessThan(10_000);
  });

  it('names the controller from DescribeQuorum', async () => {
    const controller = await app.call('cluster.controller', { connectionId });
    expect(controller).toMatchObject({ nodeId, source: 'quorum', isBroker: true, note: null });
    expect(controller.voters.map((v) => v.nodeId)).toEqual([nodeId]);
  });

  it('gives every broker config with its source: per broker over cluster-wide over default, static from server.properties', async () => {
    const configs = await app.call('brokers.configs', { connectionId, nodeId });
    expect(configs.length).toBeGreaterThan(100);
    const byName = new Map(configs.map((c) => [c.name, c]));
    const backoff = byName.get('log.cleaner.backoff.ms')!;
    expect(backoff).toMatchObject({ value: '15001', source: 'dynamic-broker', readOnly: false, sensitive: false, type: 'LONG' });
    expect(backoff.synonyms.map((s) => [s.source, s.value])).toEqual([
      ['dynamic-broker', '15001'],
      ['dynamic-default-broker', '15002'],
      ['default', '15000'],
    ]);
    expect(byName.get('auto.create.topics.enable')).toMatchObject({ value: 'false', source: 'static-broker' });
    expect(byName.get('process.roles')).toMatchObject({ source: 'static-broker', readOnly: true });
    expect(byName.get('log.cleaner.threads')).toMatchObject({ value: '1', source: 'default' });
    // Sensitive configs never carry a value to the window, nor do their synonyms.
    const sensitive = configs.filter((c) => c.sensitive);
    expect(sensitive.length).toBeGreaterThan(0);
    expect(sensitive.every((c) => c.value === null && c.synonyms.every((s) => s.value === null))).toBe(true);
    expect(byName.get('log.retention.hours')!.documentation).toMatch(/hours/i);
  });

  it('says which broker it cannot read instead of hanging', async () => {
    await expect(app.call('brokers.configs', { connectionId, nodeId: 4242 })).rejects.toThrow(/broker 4242/i);
  });
});
