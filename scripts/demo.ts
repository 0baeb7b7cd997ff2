/**
 * npm run demo: build, start (or reuse) the local Kafka at 127.0.0.1:9092, seed it, and open
 * Kafka Explorer connected to it — the Electron window where an Electron binary is installed
 * (or can be downloaded), otherwise the browser mode, whose URL is printed.
 * KAFKA_BROKERS=host:port uses that cluster instead of starting one.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runningCluster, startCluster, repoRoot } from './kafka/cluster';
import { answersAsKafka } from './kafka/probe';
import { isPortFree } from './kafka/ports';
import { seedCluster } from './seed-data';
import { installedElectronBinary } from './electron-binary';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function kafkaBootstrap(): Promise<string> {
  if (process.env.KAFKA_BROKERS) return process.env.KAFKA_BROKERS;
  const running = runningCluster('dev');
  if (running) return running.bootstrap;
  if (!(await isPortFree(9092))) {
    if (await answersAsKafka('127.0.0.1:9092')) {
      console.log('demo: a Kafka already answers at 127.0.0.1:9092; using it');
      return '127.0.0.1:9092';
    }
    throw new Error('port 9092 is taken by something that is not Kafka: free it, or set KAFKA_BROKERS=host:port');
  }
  console.log('demo: starting Kafka (one KRaft node from the Maven jars)…');
  const cluster = await startCluster({ name: 'dev', nodes: 1, ports: [9092], detached: true });
  return cluster.bootstrap;
}

/** The Electron binary, downloading it first unless this machine opted out (ELECTRON_SKIP_BINARY_DOWNLOAD). */
function electronBinary(): string | null {
  const installed = installedElectronBinary(repoRoot);
  if (installed || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return installed;
  const download = spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'electron', 'install.js')], { stdio: 'inherit', timeout: 180_000 });
  return download.status === 0 ? installedElectronBinary(repoRoot) : null;
}

run('npm', ['run', '--silent', 'build']);
const bootstrap = await kafkaBootstrap();
const { created } = await seedCluster(bootstrap);
console.log(`demo: Kafka at ${bootstrap}${created.length ? ` (seeded ${created.join(', ')})` : ''}; stop it later with npm run kafka:down`);

const env = { ...process.env, KAFKA_EXPLORER_AUTOCONNECT: bootstrap };
const binary = electronBinary();
const child = binary
  ? spawn(binary, ['.'], { cwd: repoRoot, env, stdio: 'inherit' })
  : (console.log('demo: no Electron binary here; starting the browser mode instead (open the URL below)'),
    spawn(process.execPath, [join(repoRoot, 'dist', 'main', 'serve.mjs')], { cwd: repoRoot, env, stdio: 'inherit' }));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
