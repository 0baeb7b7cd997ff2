import { execFile } from 'node:child_process';
import { appendFile, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileDraftInput, ProfileSecrets } from '../../src/shared/api';
import { AppError } from '../../src/shared/errors';
import { startTestApp, type TestApp } from '../support/app';
import { createTopic, startCluster, uniqueTopic, type RunningCluster } from '../support/kafka';
import { startSshd, type TestSshd } from '../support/sshd';

const run = promisify(execFile);

/** TCP connections of this process to these ports: the app must have none of its own when it tunnels. */
async function ownConnectionsTo(ports: number[]): Promise<{ ours: number; others: number }> {
  const filter = ports.map((p) => `dport = :${p}`).join(' or ');
  const { stdout } = await run('ss', ['-tnpH', 'state', 'established', `( ${filter} )`]);
  const lines = stdout.split('\n').filter(Boolean);
  const ours = lines.filter((l) => l.includes(`pid=${process.pid},`)).length;
  return { ours, others: lines.length - ours };
}

describe('remote cluster behind an SSH bastion: advertised names that do not resolve here', () => {
  let cluster: RunningCluster;
  let sshd: TestSshd;
  let app: TestApp;
  let remotePorts: number[];
  let bootstrap: string;
  let registry: Server;
  let registryPort: number;
  beforeAll(async () => {
    // A stand-in Schema Registry on loopback, reachable for the bastion only by the mapping.
    registry = createServer((req, res) => {
      res.setHeader('Content-Type', 'application/vnd.schemaregistry.v1+json');
      res.end(req.url?.startsWith('/subjects') ? '["orders-value"]' : '{"compatibilityLevel":"BACKWARD"}');
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    registryPort = (registry.address() as AddressInfo).port;
    cluster = await startCluster({ nodes: 2, remote: true });
    remotePorts = cluster.nodes.map((n) => n.remote!.port);
    bootstrap = `${cluster.nodes[0]!.remote!.host}:${remotePorts[0]}`;
    // Forwarding only to the brokers' REMOTE listeners: anything else is "administratively prohibited".
    // The advertised names are allowed too: the bastion then fails to resolve them, as a real one would.
    sshd = await startSshd({ permitOpen: [...[...remotePorts, registryPort].map((p) => `127.0.0.1:${p}`), ...remotePorts.map((p, i) => `kafka-${i + 1}.internal:${p}`)] });
    app = startTestApp();
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await sshd?.stop();
    await cluster?.stop();
    registry?.close();
  });

  const ssh = (overrides: Partial<NonNullable<ProfileDraftInput['ssh']>> = {}) => ({ host: sshd.host, port: sshd.port, username: sshd.user, auth: 'key' as const, keyFile: sshd.keyFile, ...overrides });
  const tunnelled = (extra: Partial<ProfileDraftInput> = {}): ProfileDraftInput => ({
    name: 'behind the bastion',
    brokers: [bootstrap],
    connectionTimeoutMs: 8_000,
    // The bastion reaches the brokers on loopback: every *.internal address goes to 127.0.0.1, same port.
    addressMap: [{ from: '*.internal:*', to: '127.0.0.1:*' }],
    ssh: ssh(),
    ...extra,
  });
  let testSeq = 0;
  const test = (profile: ProfileDraftInput, secrets: ProfileSecrets = {}) => app.call('profiles.test', { testId: `t${++testSeq}`, profile, secrets });

  it('shows an unknown host key with the fingerprint ssh-keygen prints, and trusts it when accepted', async () => {
    const first = await test(tunnelled());
    expect(first.failedStep).toBe('ssh');
    const step = first.steps.find((s) => s.step === 'ssh')!;
    expect(step.error?.code).toBe('SSH_HOST_KEY_UNKNOWN');
    const { stdout } = await run('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${sshd.keyFile.replace(/client$/, 'host_ed25519')}.pub`]);
    const fingerprint = stdout.split(' ')[1]!;
    expect(step.hostKey?.fingerprint).toBe(fingerprint);
    expect(step.error?.message).toContain(fingerprint);
    expect(first.steps.filter((s) => s.step !== 'ssh').every((s) => s.status === 'skipped')).toBe(true);

    await app.call('profiles.trustHostKey', step.hostKey!);
    const known = await readFile(join(app.services.deps.userDataDir, 'known_hosts'), 'utf8');
    expect(known).toContain(`[127.0.0.1]:${sshd.port} ssh-ed25519 ${step.hostKey!.key}`);
  });

  it('diagnoses through the tunnel: every step passes, the brokers it learned included', async () => {
    const result = await test(tunnelled());
    expect(result.steps.map((s) => [s.step, s.status])).toEqual([
      ['ssh', 'ok'],
      ['resolve', 'skipped'],
      ['tcp', 'ok'],
      ['tls', 'skipped'],
      ['token', 'skipped'],
      ['sasl', 'skipped'],
      ['metadata', 'ok'],
      ['brokers', 'ok'],
      ['registry', 'skipped'],
      ['connect', 'skipped'],
    ]);
    expect(result.steps[0]!.detail).toMatch(/host key ssh-ed25519 SHA256:/);
    expect(result.steps[2]!.detail).toContain(`${bootstrap} → 127.0.0.1:${remotePorts[0]} through SSH`);
    expect(result.steps.find((s) => s.step === 'metadata')!.detail).toMatch(/^2 brokers/);
  });

  it('connects only through the tunnel: lists topics, produces and reads from both brokers', async () => {
    const topic = uniqueTopic('tunnel');
    await createTopic(cluster.bootstrap, topic, 2, 1);
    const view = await app.call('profiles.save', { profile: tunnelled({ name: 'tunnel' }), secrets: {} });
    const { connectionId, clusterId } = await app.call('profiles.connect', { id: view.id });
    try {
      expect(clusterId).toBe(cluster.clusterId);
      const topics = await app.call('topics.list', { connectionId, includeInternal: false });
      expect(topics.map((t) => t.name)).toContain(topic);
      // Two partitions, one led by each broker: both brokers are reached through the one tunnel.
      for (const partition of [0, 1]) {
        await app.call('produce.send', { connectionId, topic, message: { key: { format: 'text', text: `k${partition}` }, value: { format: 'text', text: `through the bastion ${partition}` }, partition } });
      }
      const { messages } = await app.call('messages.browse', { connectionId, topic, position: { kind: 'beginning' } });
      expect(messages.map((m) => m.value?.data).sort()).toEqual(['through the bastion 0', 'through the bastion 1']);
      const sockets = await ownConnectionsTo(remotePorts);
      expect(sockets.ours).toBe(0);
      expect(sockets.others).toBeGreaterThanOrEqual(2);
    } finally {
      await app.call('connection.disconnect', { connectionId });
    }
  });

  it('says which advertised address does not resolve, and offers a mapping that then works', async () => {
    const direct = await test({ name: 'direct', brokers: [`127.0.0.1:${remotePorts[0]}`], connectionTimeoutMs: 8_000 });
    const brokers = direct.steps.find((s) => s.step === 'brokers')!;
    expect(brokers.status).toBe('failed');
    expect(brokers.error?.code).toBe('ADVERTISED_UNREACHABLE');
    expect(brokers.error?.message).toContain(`broker 1 advertises kafka-1.internal:${remotePorts[0]}, which does not resolve from this machine`);
    expect(brokers.suggestedMapping).toEqual([
      { from: `kafka-1.internal:${remotePorts[0]}`, to: `127.0.0.1:${remotePorts[0]}` },
      { from: `kafka-2.internal:${remotePorts[1]}`, to: `127.0.0.1:${remotePorts[1]}` },
    ]);
    const mapped = await test({ name: 'direct', brokers: [`127.0.0.1:${remotePorts[0]}`], connectionTimeoutMs: 8_000, addressMap: brokers.suggestedMapping! });
    expect(mapped.ok).toBe(true);
  });

  it('through the tunnel without a mapping: says the SSH server cannot resolve the advertised names, and offers a mapping that works', async () => {
    const unmapped = await test(tunnelled({ brokers: [`127.0.0.1:${remotePorts[0]}`], addressMap: [] }));
    expect(unmapped.steps.find((s) => s.step === 'tcp')!.status).toBe('ok');
    const brokers = unmapped.steps.find((s) => s.step === 'brokers')!;
    expect(brokers.error?.code).toBe('ADVERTISED_UNREACHABLE');
    expect(brokers.error?.message).toContain(`broker 2 advertises kafka-2.internal:${remotePorts[1]}, which does not resolve from the SSH server ${sshd.user}@127.0.0.1:${sshd.port}`);
    expect(brokers.error?.hint).toContain('through the tunnel');
    expect(brokers.suggestedMapping).toEqual(remotePorts.map((p, i) => ({ from: `kafka-${i + 1}.internal:${p}`, to: `127.0.0.1:${p}` })));
    const mapped = await test(tunnelled({ brokers: [`127.0.0.1:${remotePorts[0]}`], addressMap: brokers.suggestedMapping! }));
    expect(mapped.ok).toBe(true);
  });

  it('reaches the Schema Registry through the same tunnel and mapping', async () => {
    const ok = await test(tunnelled({ schemaRegistry: { urls: [`http://registry.internal:${registryPort}`] } }));
    expect(ok.steps.find((s) => s.step === 'registry')).toMatchObject({ status: 'ok', detail: '1 subject, compatibility BACKWARD' });
    // The bastion may not forward to the brokers' PLAINTEXT port: the registry request was refused there, so it went through the tunnel.
    const refused = await test(tunnelled({ schemaRegistry: { urls: [`http://127.0.0.1:${cluster.nodes[0]!.port}`] } }));
    expect(refused.steps.find((s) => s.step === 'registry')!.error?.message).toContain('administratively prohibited');
  });

  it('names a key the server refuses', async () => {
    const result = await test(tunnelled({ ssh: ssh({ keyFile: sshd.strangerKeyFile }) }));
    expect(result.failedStep).toBe('ssh');
    expect(result.steps[0]!.error).toMatchObject({ code: 'SSH_AUTH_FAILED', message: expect.stringContaining(`refused user ${sshd.user}`) });
  });

  it('uses an encrypted key with its passphrase from the secret store, and says when it is missing', async () => {
    const missing = await test(tunnelled({ ssh: ssh({ keyFile: sshd.encryptedKeyFile }) }));
    expect(missing.steps[0]!.error?.code).toBe('SSH_KEY_UNREADABLE');
    const ok = await test(tunnelled({ ssh: ssh({ keyFile: sshd.encryptedKeyFile }) }), { sshPassphrase: sshd.passphrase });
    expect(ok.ok).toBe(true);
  });

  it('refuses a changed host key loudly', async () => {
    // The same server under another name, with another key on record for that name.
    const other = (await readFile(sshd.wrongKnownHostsFile, 'utf8')).replace('[127.0.0.1]', '[localhost]');
    await appendFile(join(app.services.deps.userDataDir, 'known_hosts'), other);
    const result = await test(tunnelled({ ssh: ssh({ host: 'localhost' }) }));
    expect(result.failedStep).toBe('ssh');
    expect(result.steps[0]!.error).toMatchObject({ code: 'SSH_HOST_KEY_CHANGED', message: expect.stringContaining('has CHANGED') });
    const refused = await app.call('profiles.trustHostKey', result.steps[0]!.hostKey!).catch((e: unknown) => e);
    expect((refused as AppError).code).toBe('SSH_HOST_KEY_CHANGED');
  });

  it('says when the bastion does not allow forwarding to the broker', async () => {
    const result = await test(tunnelled({ addressMap: [{ from: '*.internal:*', to: `127.0.0.1:${cluster.nodes[0]!.port}` }] }));
    expect(result.failedStep).toBe('tcp');
    expect(result.steps.find((s) => s.step === 'tcp')!.error).toMatchObject({ code: 'SSH_FORWARD_REFUSED', message: expect.stringContaining('administratively prohibited') });
  });

  it('reaches the cluster through a SOCKS5 proxy (ssh -D) with the same mapping', async () => {
    const socks = await sshd.socksProxy();
    try {
      const profile = { ...tunnelled({ name: 'socks' }), ssh: undefined, proxy: { kind: 'socks5' as const, host: '127.0.0.1', port: socks.port } };
      const result = await test(profile);
      expect(result.ok).toBe(true);
      expect(result.steps.find((s) => s.step === 'tcp')!.detail).toContain(`through SOCKS5 proxy 127.0.0.1:${socks.port}`);
      const view = await app.call('profiles.save', { profile, secrets: {} });
      const { connectionId } = await app.call('profiles.connect', { id: view.id });
      try {
        const topics = await app.call('topics.list', { connectionId, includeInternal: true });
        expect(topics.length).toBeGreaterThan(0);
        expect((await ownConnectionsTo(remotePorts)).ours).toBe(0);
      } finally {
        await app.call('connection.disconnect', { connectionId });
      }
    } finally {
      await socks.stop();
    }
  });
});
