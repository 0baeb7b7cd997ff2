import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileDraftInput, ProfileSecrets } from '../../src/shared/api';
import { startTestApp, type TestApp } from '../support/app';
import { createTopic, sharedBootstrap, sharedRegistryUrl, uniqueTopic } from '../support/kafka';
import { startMicrosocks, startTinyproxy, type TestProxy } from '../support/proxies';
import { eventually } from '../support/eventually';
import { startSshd, type TestSshd } from '../support/sshd';

const run = promisify(execFile);
const portOf = (url: string) => Number(new URL(url).port);

/**
 * The other routes to a cluster, with real servers on loopback and the shared broker and
 * registry (no extra JVM): an HTTP CONNECT proxy (tinyproxy), a SOCKS5 proxy with a user and
 * password (microsocks), and SSH through a jump host and with ssh-agent (one sshd, used twice).
 */
describe('proxies, jump hosts and ssh-agent', () => {
  let app: TestApp;
  let http: TestProxy;
  let socks: TestProxy;
  let sshd: TestSshd;
  let agent: ChildProcess;
  let agentDir: string;
  const brokerPort = Number(sharedBootstrap().split(':')[1]);
  const registryUrl = sharedRegistryUrl();
  beforeAll(async () => {
    [http, socks, sshd] = await Promise.all([
      // The proxy may CONNECT to the broker and the registry only.
      startTinyproxy({ connectPorts: [brokerPort, portOf(registryUrl)], user: 'proxy-user', password: 'proxy-secret' }),
      startMicrosocks({ user: 'socks-user', password: 'socks-secret' }),
      startSshd(),
    ]);
    agentDir = await mkdtemp(join(tmpdir(), 'ke-agent-'));
    agent = spawn('ssh-agent', ['-D', '-a', join(agentDir, 'agent.sock')], { stdio: 'ignore' });
    await eventually(async () => existsSync(join(agentDir, 'agent.sock')), Boolean, 10_000);
    app = startTestApp();
    // This sshd's host key is known (the host-key prompt is tested in ssh-tunnel.int.test.ts).
    await appendFile(join(app.services.deps.userDataDir, 'known_hosts'), await readFile(sshd.knownHostsFile, 'utf8'));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    agent?.kill();
    await Promise.all([http?.stop(), socks?.stop(), sshd?.stop(), agentDir ? rm(agentDir, { recursive: true, force: true }) : undefined]);
  });

  let testSeq = 0;
  const test = (profile: ProfileDraftInput, secrets: ProfileSecrets = {}) => app.call('profiles.test', { testId: `p${++testSeq}`, profile, secrets });
  const step = (result: Awaited<ReturnType<typeof test>>, name: string) => result.steps.find((s) => s.step === name)!;
  const base = (extra: Partial<ProfileDraftInput>): ProfileDraftInput => ({ name: 'routed', brokers: [sharedBootstrap()], connectionTimeoutMs: 8_000, ...extra });
  const httpProxy = (username = 'proxy-user') => ({ kind: 'http' as const, host: '127.0.0.1', port: http.port, username });

  /** Connects with a saved profile, lists topics, produces one message and reads it back. */
  async function roundTrip(profile: ProfileDraftInput, secrets: ProfileSecrets): Promise<void> {
    const topic = uniqueTopic('routed');
    await createTopic(sharedBootstrap(), topic);
    const view = await app.call('profiles.save', { profile, secrets });
    const { connectionId } = await app.call('profiles.connect', { id: view.id });
    try {
      expect((await app.call('topics.list', { connectionId, includeInternal: false })).map((t) => t.name)).toContain(topic);
      await app.call('produce.send', { connectionId, topic, message: { key: { format: 'text', text: 'k' }, value: { format: 'text', text: `via ${profile.name}` } } });
      const { messages } = await app.call('messages.browse', { connectionId, topic, position: { kind: 'beginning' } });
      expect(messages.map((m) => m.value?.data)).toEqual([`via ${profile.name}`]);
    } finally {
      await app.call('connection.disconnect', { connectionId });
      await app.call('profiles.delete', { id: view.id });
    }
  }

  it('HTTP CONNECT proxy: every step, the registry too, and the proxy logged the CONNECTs', async () => {
    const profile = base({ name: 'http proxy', proxy: httpProxy(), schemaRegistry: { urls: [registryUrl] } });
    const result = await test(profile, { proxyPassword: 'proxy-secret' });
    expect(result.ok).toBe(true);
    expect(step(result, 'tcp').detail).toContain(`through HTTP proxy 127.0.0.1:${http.port}`);
    expect(step(result, 'registry').status).toBe('ok');
    expect(http.log()).toContain(`CONNECT ${sharedBootstrap()} HTTP/1.1`);
    expect(http.log()).toContain(`CONNECT 127.0.0.1:${portOf(registryUrl)} HTTP/1.1`);
  });

  it('HTTP CONNECT proxy: lists topics, produces and reads', async () => {
    const before = http.log().split(`CONNECT ${sharedBootstrap()} `).length;
    await roundTrip(base({ name: 'http proxy round trip', proxy: httpProxy() }), { proxyPassword: 'proxy-secret' });
    expect(http.log().split(`CONNECT ${sharedBootstrap()} `).length).toBeGreaterThan(before);
  });

  it('HTTP CONNECT proxy: names a missing or wrong password (407) and a forbidden port (403)', async () => {
    const anonymous = await test(base({ proxy: httpProxy('') }));
    expect(step(anonymous, 'tcp').error).toMatchObject({ code: 'PROXY_AUTH_FAILED', message: expect.stringContaining('asks for a user and password (407') });
    const wrong = await test(base({ proxy: httpProxy() }), { proxyPassword: 'not-it' });
    expect(step(wrong, 'tcp').error).toMatchObject({ code: 'PROXY_AUTH_FAILED', message: expect.stringContaining('refused user proxy-user (40') });
    // The SSH port is not among tinyproxy's ConnectPorts.
    const forbidden = await test(base({ brokers: [`127.0.0.1:${sshd.port}`], proxy: httpProxy() }), { proxyPassword: 'proxy-secret' });
    expect(step(forbidden, 'tcp').error).toMatchObject({ code: 'PROXY_CONNECT_FORBIDDEN', message: expect.stringContaining(`does not allow CONNECT to 127.0.0.1:${sshd.port} (403`) });
  });

  it('SOCKS5 proxy with user and password: lists topics, produces and reads; a wrong password is named', async () => {
    const proxy = { kind: 'socks5' as const, host: '127.0.0.1', port: socks.port, username: 'socks-user' };
    const ok = await test(base({ proxy, schemaRegistry: { urls: [registryUrl] } }), { proxyPassword: 'socks-secret' });
    expect(ok.ok).toBe(true);
    expect(step(ok, 'tcp').detail).toContain(`through SOCKS5 proxy 127.0.0.1:${socks.port}`);
    await roundTrip(base({ name: 'socks round trip', proxy }), { proxyPassword: 'socks-secret' });
    const wrong = await test(base({ proxy }), { proxyPassword: 'not-it' });
    expect(step(wrong, 'tcp').error).toMatchObject({ code: 'PROXY_AUTH_FAILED', message: expect.stringContaining('refused the user name or password') });
  });

  const hop = { host: '127.0.0.1', auth: 'key' as const };
  it('SSH through a jump host: the SSH step names both hops; lists topics, produces and reads', async () => {
    const bastion = { ...hop, port: sshd.port, username: sshd.user, keyFile: sshd.keyFile };
    // The same sshd twice: the jump host forwards to the bastion (itself), which forwards to the broker.
    const profile = base({ name: 'jump host', ssh: { ...bastion, jump: { ...bastion, keyFile: sshd.encryptedKeyFile } } });
    const secrets = { sshJumpPassphrase: sshd.passphrase };
    const result = await test(profile, secrets);
    expect(result.ok).toBe(true);
    expect(step(result, 'ssh').detail).toContain(`${sshd.user}@127.0.0.1:${sshd.port} (via ${sshd.user}@127.0.0.1:${sshd.port})`);
    expect(step(result, 'tcp').detail).toContain(`through SSH ${sshd.user}@127.0.0.1:${sshd.port}`);
    await roundTrip(profile, secrets);
    // A jump host that refuses the key fails the SSH step, naming the jump host's user.
    const refused = await test(base({ ssh: { ...bastion, jump: { ...bastion, keyFile: sshd.strangerKeyFile } } }));
    expect(step(refused, 'ssh').error).toMatchObject({ code: 'SSH_AUTH_FAILED' });
  });

  it('SSH with ssh-agent: refused while the agent holds no key, works once ssh-add added it', async () => {
    const socket = join(agentDir, 'agent.sock');
    const profile = base({ name: 'agent', ssh: { ...hop, port: sshd.port, username: sshd.user, auth: 'agent', agentSocket: socket } });
    const empty = await test(profile);
    expect(step(empty, 'ssh').error).toMatchObject({ code: 'SSH_AUTH_FAILED', message: expect.stringContaining('with this ssh-agent') });
    await run('ssh-add', [sshd.keyFile], { env: { ...process.env, SSH_AUTH_SOCK: socket } });
    const ok = await test(profile);
    expect(ok.ok).toBe(true);
    await roundTrip(profile, {});
  });
});
