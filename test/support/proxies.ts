import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/kafka/ports';
import { waitForPort } from './sshd';

/** A real proxy on a loopback port, run in the foreground by the test. */
export interface TestProxy {
  port: number;
  /** Everything the proxy logged so far. */
  log(): string;
  stop(): Promise<void>;
}

async function run(command: string, args: string[], port: number, cleanup: () => Promise<void>): Promise<TestProxy> {
  let output = '';
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  await waitForPort(port, child, () => output);
  return {
    port,
    log: () => output,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode === null) {
        child.kill();
        await new Promise((r) => child.once('exit', r));
      }
      await cleanup();
    },
  };
}

/**
 * Debian's tinyproxy as an HTTP CONNECT proxy (`tinyproxy -d -c <own config>`): CONNECT only to
 * `connectPorts` (others get 403), basic authentication with `user`/`password` (none: 407), and
 * every CONNECT in its log (LogLevel Connect, on stderr).
 */
export async function startTinyproxy(options: { connectPorts: number[]; user: string; password: string }): Promise<TestProxy> {
  const dir = await mkdtemp(join(tmpdir(), 'ke-tinyproxy-'));
  const port = await freePort();
  const root = process.getuid?.() === 0;
  await writeFile(
    join(dir, 'tinyproxy.conf'),
    [
      `Port ${port}`,
      'Listen 127.0.0.1',
      'Timeout 600',
      'MaxClients 100',
      'LogLevel Connect',
      `BasicAuth ${options.user} ${options.password}`,
      ...options.connectPorts.map((p) => `ConnectPort ${p}`),
      // As root tinyproxy drops to an unprivileged user; it never runs as root.
      ...(root ? ['User nobody', 'Group nogroup'] : []),
      '',
    ].join('\n'),
  );
  if (root) await chmod(dir, 0o755);
  return run('/usr/bin/tinyproxy', ['-d', '-c', join(dir, 'tinyproxy.conf')], port, () => rm(dir, { recursive: true, force: true }));
}

/** Debian's microsocks, a SOCKS5 proxy requiring `user`/`password` (RFC 1929), on a loopback port. */
export async function startMicrosocks(options: { user: string; password: string }): Promise<TestProxy> {
  const port = await freePort();
  return run('/usr/bin/microsocks', ['-i', '127.0.0.1', '-p', String(port), '-u', options.user, '-P', options.password], port, async () => undefined);
}
