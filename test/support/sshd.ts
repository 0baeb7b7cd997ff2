import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../scripts/kafka/ports';

const run = promisify(execFile);

/** A real OpenSSH server on a loopback port, run in the foreground by the test (no daemon, no system config). */
export interface TestSshd {
  host: '127.0.0.1';
  port: number;
  user: string;
  /** Private key in authorized_keys (unencrypted) and one that is not. */
  keyFile: string;
  strangerKeyFile: string;
  /** A copy of keyFile, encrypted with `passphrase`. */
  encryptedKeyFile: string;
  passphrase: string;
  /** known_hosts with this server's real key, and one with another key for the same host:port. */
  knownHostsFile: string;
  wrongKnownHostsFile: string;
  /** Opens `ssh -D` (a SOCKS5 proxy) through this server; returns its port and a stop function. */
  socksProxy(): Promise<{ port: number; stop(): Promise<void> }>;
  stop(): Promise<void>;
}

async function keygen(file: string, passphrase = ''): Promise<void> {
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', 'kafka-explorer-test', '-f', file]);
}

/** Resolves once something accepts TCP connections on 127.0.0.1:port; fails early if `child` exits. */
export function waitForPort(port: number, child: ChildProcess, log: () => string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`process exited (${child.exitCode}):\n${log()}`));
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on ${port} after ${timeoutMs} ms:\n${log()}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/**
 * Starts `sshd -D -e -f <own config>` on 127.0.0.1 with a fresh host key and key pairs.
 * `permitOpen` limits forwarding to these host:port targets (others are "administratively
 * prohibited"), so one server also covers the refused-forward case.
 */
export async function startSshd(options: { permitOpen?: string[] } = {}): Promise<TestSshd> {
  const dir = await mkdtemp(join(tmpdir(), 'ke-sshd-'));
  const f = (name: string) => join(dir, name);
  await Promise.all([keygen(f('host_ed25519')), keygen(f('other_host_ed25519')), keygen(f('client')), keygen(f('stranger')), keygen(f('client_encrypted'), 'test-passphrase')]);
  await writeFile(f('authorized_keys'), (await readFile(f('client.pub'), 'utf8')) + (await readFile(f('client_encrypted.pub'), 'utf8')), { mode: 0o600 });
  const port = await freePort();
  const hostPub = (await readFile(f('host_ed25519.pub'), 'utf8')).split(' ').slice(0, 2).join(' ');
  const otherPub = (await readFile(f('other_host_ed25519.pub'), 'utf8')).split(' ').slice(0, 2).join(' ');
  await writeFile(f('known_hosts'), `[127.0.0.1]:${port} ${hostPub}\n`);
  await writeFile(f('wrong_known_hosts'), `[127.0.0.1]:${port} ${otherPub}\n`);
  await writeFile(
    f('sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${f('host_ed25519')}`,
      `PidFile ${f('sshd.pid')}`,
      `AuthorizedKeysFile ${f('authorized_keys')}`,
      'StrictModes no',
      'UsePAM no',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'AllowTcpForwarding yes',
      ...(options.permitOpen ? [`PermitOpen ${options.permitOpen.join(' ')}`] : []),
      'LogLevel VERBOSE',
      '',
    ].join('\n'),
  );
  // As root, sshd insists on its privilege-separation directory (made by the package, gone after a reboot of /run).
  if (process.getuid?.() === 0 && !existsSync('/run/sshd')) mkdirSync('/run/sshd', { mode: 0o755 });
  let output = '';
  const child = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', f('sshd_config')], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  await waitForPort(port, child, () => output);
  const proxies: ChildProcess[] = [];
  const user = userInfo().username;

  return {
    host: '127.0.0.1',
    port,
    user,
    keyFile: f('client'),
    strangerKeyFile: f('stranger'),
    encryptedKeyFile: f('client_encrypted'),
    passphrase: 'test-passphrase',
    knownHostsFile: f('known_hosts'),
    wrongKnownHostsFile: f('wrong_known_hosts'),
    async socksProxy() {
      const socksPort = await freePort();
      let log = '';
      const ssh = spawn(
        'ssh',
        ['-N', '-D', `127.0.0.1:${socksPort}`, '-i', f('client'), '-p', String(port), '-o', 'BatchMode=yes', '-o', `UserKnownHostsFile=${f('known_hosts')}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'ExitOnForwardFailure=yes', `${user}@127.0.0.1`],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      ssh.stderr!.on('data', (d: Buffer) => (log += d.toString()));
      proxies.push(ssh);
      await waitForPort(socksPort, ssh, () => log);
      return {
        port: socksPort,
        async stop() {
          ssh.kill();
        },
      };
    },
    async stop() {
      process.off('exit', killOnExit);
      for (const p of proxies) p.kill();
      child.kill();
      await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once('exit', r)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
