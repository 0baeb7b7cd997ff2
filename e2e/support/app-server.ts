import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningAppServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the built browser-mode server (`dist/main/serve.mjs`) with a throw-away user-data
 * folder and waits for the line that carries its URL. SERVE_NODE_ARGS adds Node flags to the
 * server (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile main while a spec or bench runs).
 */
export async function startAppServer(options: { cwd?: string; env?: Record<string, string> } = {}): Promise<RunningAppServer> {
  const userData = await mkdtemp(join(tmpdir(), 'ke-e2e-userdata-'));
  const nodeArgs = process.env.SERVE_NODE_ARGS ? process.env.SERVE_NODE_ARGS.split(' ') : [];
  const child = spawn(process.execPath, [...nodeArgs, 'dist/main/serve.mjs', '--port', '0'], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, KAFKA_EXPLORER_USER_DATA: userData, KAFKA_EXPLORER_LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (stderr.length > 20_000) stderr = stderr.slice(-10_000);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`app server did not start in 30 s\n${stderr}`)), 30_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = out.match(/running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`app server exited with ${code}\n${stderr}`));
    });
  });
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
