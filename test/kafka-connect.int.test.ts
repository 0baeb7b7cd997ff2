import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { appendFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnect, type RunningConnect } from '../scripts/kafka/connect';
import { repoRoot } from '../scripts/kafka/cluster';
import type { AppError } from '../src/shared/errors';
import { startTestApp, type TestApp } from './support/app';
import { eventually } from './support/eventually';
import { sharedBootstrap, testKafka, uniqueTopic } from './support/kafka';
import { startSshd } from './support/sshd';

const SOURCE = 'org.apache.kafka.connect.file.FileStreamSourceConnector';
const SINK = 'org.apache.kafka.connect.file.FileStreamSinkConnector';

/**
 * The Connect pages' API against a real distributed worker (started once for this file, so
 * other suites pay nothing) and the shared broker.
 */
describe('Kafka Connect against a real worker', () => {
  let worker: RunningConnect;
  let app: TestApp;
  let connectionId: string;
  let readOnlyId: string;
  const dir = mkdtempSync(join(tmpdir(), 'ke-connect-'));
  const cluster = 'local';
  const admin = testKafka().admin();
  const highWatermark = async (topic: string) => {
    const offsets = await admin.fetchTopicOffsets(topic).catch(() => [{ high: '0' }]);
    return offsets.reduce((sum, p) => sum + Number(p.high), 0);
  };
  const status = async (connector: string) => (await app.call('connect.connectors', { connectionId, cluster })).connectors.find((c) => c.name === connector);
  const waitState = (connector: string, state: string, timeoutMs = 90_000) =>
    eventually(
      () => status(connector),
      (c) => c?.state === state && (state !== 'RUNNING' || (c.tasks.length > 0 && c.tasks.every((t) => t.state === 'RUNNING'))),
      timeoutMs,
    );
  const source = (topic: string, file: string) => ({
    'connector.class': SOURCE,
    'tasks.max': '1',
    file,
    topic,
    'topic.creation.default.replication.factor': '1',
    'topic.creation.default.partitions': '1',
  });

  beforeAll(async () => {
    worker = await startConnect({ root: repoRoot, name: `vitest-connect-${process.pid}`, bootstrap: sharedBootstrap() });
    app = startTestApp();
    const config = { brokers: [sharedBootstrap()], connectClusters: [{ name: cluster, url: worker.url }] };
    connectionId = (await app.call('connection.connect', { config })).connectionId;
    readOnlyId = (await app.call('connection.connect', { config: { ...config, readOnly: true } })).connectionId;
    await admin.connect();
  }, 240_000);
  afterAll(async () => {
    await admin.disconnect().catch(() => undefined);
    await app?.close();
    await worker?.stop();
  });

  it('creates a FileStream source whose lines reach the topic, and lists it with its tasks', async () => {
    const topic = uniqueTopic('connect-src');
    const file = join(dir, 'source-1.txt');
    writeFileSync(file, 'one\ntwo\nthree\n');
    const name = `src-${topic}`;
    expect(await app.call('connect.saveConnector', { connectionId, cluster, connector: name, config: source(topic, file), create: true })).toEqual({ name });
    const running = await waitState(name, 'RUNNING');
    expect(running).toMatchObject({ type: 'source', className: SOURCE, configTopics: [topic] });
    expect(running!.tasks[0]!.workerId).toMatch(/127\.0\.0\.1:\d+/);
    expect(await eventually(() => highWatermark(topic), (n) => n === 3)).toBe(3);

    const detail = await app.call('connect.connector', { connectionId, cluster, connector: name });
    expect(detail.config.file).toBe(file);
    expect(detail.docs.file?.documentation).toMatch(/file/i);
    expect((await eventually(() => app.call('connect.connector', { connectionId, cluster, connector: name }), (d) => d.activeTopics.length > 0)).activeTopics).toEqual([topic]);
    expect((await app.call('connect.forTopic', { connectionId, topic })).connectors).toEqual([{ cluster, name, type: 'source', state: 'RUNNING' }]);
  }, 180_000);

  it('pauses (no lines flow), resumes (they do), stops, reads and resets offsets (the connector reads the file again)', async () => {
    const topic = uniqueTopic('connect-pause');
    const file = join(dir, 'source-2.txt');
    writeFileSync(file, 'a\nb\n');
    const name = `src-${topic}`;
    await app.call('connect.saveConnector', { connectionId, cluster, connector: name, config: source(topic, file), create: true });
    await waitState(name, 'RUNNING');
    expect(await eventually(() => highWatermark(topic), (n) => n === 2)).toBe(2);

    await app.call('connect.action', { connectionId, cluster, connector: name, action: 'pause' });
    await waitState(name, 'PAUSED');
    await eventually(() => status(name), (c) => c!.tasks.every((t) => t.state === 'PAUSED'));
    appendFileSync(file, 'c\nd\n');
    await new Promise((r) => setTimeout(r, 4_000));
    expect(await highWatermark(topic)).toBe(2);

    await app.call('connect.action', { connectionId, cluster, connector: name, action: 'resume' });
    expect(await eventually(() => highWatermark(topic), (n) => n === 4)).toBe(4);

    await app.call('connect.action', { connectionId, cluster, connector: name, action: 'stop' });
    await waitState(name, 'STOPPED');
    const offsets = await eventually(
      () => app.call('connect.offsets', { connectionId, cluster, connector: name }),
      (o) => o.offsets.some((e) => (e.offset as { position?: number } | null)?.position === 8),
    );
    expect(offsets.offsets).toEqual([{ partition: { filename: file }, offset: { position: 8 } }]);

    expect((await app.call('connect.alterOffsets', { connectionId, cluster, connector: name, offsets: null })).message).toMatch(/reset/i);
    expect((await app.call('connect.offsets', { connectionId, cluster, connector: name })).offsets).toEqual([]);
    await app.call('connect.action', { connectionId, cluster, connector: name, action: 'resume' });
    // From position 0 again: the four lines a second time.
    expect(await eventually(() => highWatermark(topic), (n) => n === 8)).toBe(8);

    // Altering (PATCH) needs the connector stopped as well: skip to the end of the file, nothing more is read.
    await app.call('connect.action', { connectionId, cluster, connector: name, action: 'stop' });
    await waitState(name, 'STOPPED');
    const altered = await app.call('connect.alterOffsets', { connectionId, cluster, connector: name, offsets: [{ partition: { filename: file }, offset: { position: 8 } }] });
    expect(altered.message).toMatch(/altered/i);
    expect((await app.call('connect.offsets', { connectionId, cluster, connector: name })).offsets).toEqual([{ partition: { filename: file }, offset: { position: 8 } }]);
  }, 240_000);

  it('shows a failed task’s trace, and restarting only the failed parts brings it back once the cause is gone', async () => {
    const topic = uniqueTopic('connect-sink');
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
    const missing = join(dir, 'not-yet');
    const name = `sink-${topic}`;
    await app.call('connect.saveConnector', { connectionId, cluster, connector: name, config: { 'connector.class': SINK, 'tasks.max': '1', topics: topic, file: join(missing, 'out.txt') }, create: true });
    const failed = await eventually(() => status(name), (c) => c?.tasks[0]?.state === 'FAILED');
    expect(failed).toMatchObject({ type: 'sink', state: 'RUNNING' });
    expect(failed!.tasks[0]!.trace).toMatch(/not-yet/);
    const detail = await app.call('connect.connector', { connectionId, cluster, connector: name });
    expect(detail.summary.tasks[0]!.trace).toMatch(/Exception/);

    mkdirSync(missing);
    await app.call('connect.action', { connectionId, cluster, connector: name, action: 'restartFailed' });
    const back = await eventually(() => status(name), (c) => c?.tasks[0]?.state === 'RUNNING');
    expect(back!.tasks[0]).toMatchObject({ state: 'RUNNING' });
    expect(back!.tasks[0]!.trace).toBeUndefined();
    await app.call('connect.restartTask', { connectionId, cluster, connector: name, task: 0 });

    // An edit replaces the config; a secret the page got as "[hidden]" keeps the worker's value.
    const secretConfig = { 'connector.class': SINK, 'tasks.max': '1', topics: topic, file: join(missing, 'out.txt'), 'errors.deadletterqueue.producer.sasl.jaas.config': 'secret-jaas' };
    await app.call('connect.saveConnector', { connectionId, cluster, connector: name, config: secretConfig, create: false });
    const shown = await app.call('connect.connector', { connectionId, cluster, connector: name });
    expect(shown.config['errors.deadletterqueue.producer.sasl.jaas.config']).toBe('[hidden]');
    await app.call('connect.saveConnector', { connectionId, cluster, connector: name, config: { ...shown.config, 'tasks.max': '2' }, create: false });
    // Read straight from the worker, which answers 500 "a rebalance is expected" for a moment after an edit.
    const raw = await eventually(async () => (await (await fetch(`${worker.url}/connectors/${name}/config`)).json()) as Record<string, string>, (c) => 'tasks.max' in c, 30_000, 250);
    expect(raw).toMatchObject({ 'tasks.max': '2', 'errors.deadletterqueue.producer.sasl.jaas.config': 'secret-jaas' });

    await app.call('connect.action', { connectionId, cluster, connector: name, action: 'delete' });
    await eventually(() => status(name), (c) => c === undefined);
    const gone = (await app.call('connect.connector', { connectionId, cluster, connector: name }).catch((e: unknown) => e)) as AppError;
    expect(gone.code).toBe('CONNECTOR_NOT_FOUND');
    expect(gone.message).toContain(name);
    // An edit never brings a deleted connector back (PUT /config would create it).
    const edit = (await app.call('connect.saveConnector', { connectionId, cluster, connector: name, config: secretConfig, create: false }).catch((e: unknown) => e)) as AppError;
    expect(edit.code).toBe('CONNECTOR_NOT_FOUND');
  }, 180_000);

  it('generates the form from the plugin’s definition and reports the worker’s errors per field', async () => {
    const { plugins } = await app.call('connect.plugins', { connectionId, cluster });
    expect(plugins.map((p) => p.className)).toEqual(expect.arrayContaining([SOURCE, SINK]));
    const { definitions } = await app.call('connect.pluginConfig', { connectionId, cluster, className: SOURCE });
    expect(definitions.find((d) => d.name === 'topic')).toMatchObject({ type: 'STRING' });

    const verdict = await app.call('connect.validate', { connectionId, cluster, className: SOURCE, config: { 'connector.class': SOURCE, name: 'x', 'batch.size': 'many', 'tasks.max': '1' } });
    expect(verdict.errorCount).toBeGreaterThanOrEqual(2);
    const errorsOf = (key: string) => verdict.configs.find((c) => c.definition.name === key)?.value.errors ?? [];
    expect(errorsOf('topic').join(' ')).toMatch(/topic/i);
    expect(errorsOf('batch.size').join(' ')).toMatch(/many|integer|int/i);
    expect(errorsOf('tasks.max')).toEqual([]);
  }, 60_000);

  it('a profile names the Connect cluster: the connection test checks it, its password stays bound to it, and the connection knows it', async () => {
    const draft = { name: 'with connect', brokers: [sharedBootstrap()], kafkaConnect: { clusters: [{ name: cluster, url: worker.url }] } };
    const tested = await app.call('profiles.test', { testId: 'kc-ok', profile: draft, secrets: {} });
    expect(tested.steps.find((s) => s.step === 'connect')).toMatchObject({ status: 'ok', detail: expect.stringMatching(/^local: Kafka Connect 4\.\d+\.\d+, \d+ connectors?$/) });
    const down = await app.call('profiles.test', { testId: 'kc-down', profile: { ...draft, kafkaConnect: { clusters: [{ name: 'gone', url: 'http://127.0.0.1:9' }] } }, secrets: {} });
    expect(down).toMatchObject({ ok: false, failedStep: 'connect' });
    expect(down.steps.find((s) => s.step === 'connect')?.error?.message).toMatch(/refused the connection/);

    // A Connect password is kept in the secret store, for these Connect settings only.
    const saved = await app.call('profiles.save', { profile: { ...draft, kafkaConnect: { ...draft.kafkaConnect, auth: 'basic', username: 'ops' } }, secrets: { connectPassword: 'pw' } });
    expect(saved.storedSecrets).toEqual(['connectPassword']);
    const moved = (await app
      .call('profiles.save', { profile: { ...saved, kafkaConnect: { ...saved.kafkaConnect!, clusters: [{ name: cluster, url: 'http://127.0.0.1:9' }] } }, secrets: {} })
      .catch((e: unknown) => e)) as AppError;
    expect(moved.code).toBe('SECRET_REQUIRED');
    expect(moved.message).toMatch(/Kafka Connect password/);

    const plain = await app.call('profiles.save', { profile: draft, secrets: {} });
    const info = await app.call('profiles.connect', { id: plain.id });
    expect(info.connectClusters).toEqual([cluster]);
    expect((await app.call('connect.connectors', { connectionId: info.connectionId, cluster })).connectors.length).toBeGreaterThan(0);
  }, 60_000);

  it('reaches a worker only the SSH bastion can name: the REST calls go through the tunnel and the mapping', async () => {
    const workerPort = Number(new URL(worker.url).port);
    const brokerPort = Number(sharedBootstrap().split(':')[1]);
    // The bastion may forward to the broker and the worker only; its sshd costs no JVM.
    const sshd = await startSshd({ permitOpen: [`127.0.0.1:${brokerPort}`, `127.0.0.1:${workerPort}`] });
    try {
      await appendFile(join(app.services.deps.userDataDir, 'known_hosts'), await readFile(sshd.knownHostsFile, 'utf8'));
      // connect.internal does not resolve here: only the mapping, applied on the bastion's side, names it.
      const draft = (to: number) => ({
        name: 'connect behind the bastion',
        brokers: [sharedBootstrap()],
        connectionTimeoutMs: 8_000,
        ssh: { host: sshd.host, port: sshd.port, username: sshd.user, keyFile: sshd.keyFile },
        addressMap: [{ from: 'connect.internal:*', to: `127.0.0.1:${to}` }],
        kafkaConnect: { clusters: [{ name: 'remote', url: 'http://connect.internal:8083' }] },
      });
      const tested = await app.call('profiles.test', { testId: 'kc-ssh', profile: draft(workerPort), secrets: {} });
      expect(tested.steps.find((s) => s.step === 'connect')).toMatchObject({ status: 'ok', detail: expect.stringMatching(/^remote: Kafka Connect 4\.\d+\.\d+/) });
      // Mapped to a port the bastion may not forward to: the request was refused there, so it went through the tunnel.
      const refused = await app.call('profiles.test', { testId: 'kc-ssh-refused', profile: draft(sshd.port), secrets: {} });
      expect(refused.steps.find((s) => s.step === 'connect')?.error).toMatchObject({ code: 'SSH_FORWARD_REFUSED', message: expect.stringContaining('administratively prohibited') });

      const saved = await app.call('profiles.save', { profile: draft(workerPort), secrets: {} });
      const { connectionId } = await app.call('profiles.connect', { id: saved.id });
      try {
        const [info] = (await app.call('connect.clusters', { connectionId })).clusters;
        expect(info).toMatchObject({ name: 'remote', url: 'http://connect.internal:8083', version: expect.stringMatching(/^4\./) });
        expect((await app.call('connect.connectors', { connectionId, cluster: 'remote' })).connectors.length).toBeGreaterThan(0);
      } finally {
        await app.call('connection.disconnect', { connectionId });
        await app.call('profiles.delete', { id: saved.id });
      }
    } finally {
      await sshd.stop();
    }
  }, 90_000);

  it('refuses every write on a read-only connection in main, and says what is wrong when a worker is down', async () => {
    const on = { connectionId: readOnlyId, cluster, connector: 'anything' };
    for (const call of [
      () => app.call('connect.saveConnector', { ...on, config: { 'connector.class': SOURCE }, create: true }),
      ...(['pause', 'resume', 'stop', 'restart', 'restartWithTasks', 'restartFailed', 'delete'] as const).map((action) => () => app.call('connect.action', { ...on, action })),
      () => app.call('connect.restartTask', { ...on, task: 0 }),
      () => app.call('connect.alterOffsets', { ...on, offsets: null }),
    ]) {
      expect(((await call().catch((e: unknown) => e)) as AppError).code).toBe('READ_ONLY');
    }
    // Reading is fine on a read-only connection.
    expect(Array.isArray((await app.call('connect.connectors', { connectionId: readOnlyId, cluster })).connectors)).toBe(true);

    const down = (await app.call('connection.connect', { config: { brokers: [sharedBootstrap()], connectClusters: [{ name: 'gone', url: 'http://127.0.0.1:9' }] } })).connectionId;
    const error = (await app.call('connect.connectors', { connectionId: down, cluster: 'gone' }).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe('CONNECT_UNREACHABLE');
    expect(error.message).toMatch(/Kafka Connect "gone" \(http:\/\/127\.0\.0\.1:9\) refused the connection/);
  }, 60_000);
});
