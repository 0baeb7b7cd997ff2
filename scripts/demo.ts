/**
 * npm run demo: build, start (or reuse) the local Kafka at 127.0.0.1:9092, seed it, and open
 * Kafka Explorer connected to it — the Electron window where an Electron binary is installed
 * (or can be downloaded), otherwise the browser mode, whose URL is printed.
 * KAFKA_BROKERS=host:port uses that cluster instead of starting one.
 *
 * On the local cluster it also starts the demo's live traffic (scripts/seed-traffic.ts: a
 * consumer group with two members and a producer trickling messages), detached and recorded
 * with the cluster, so that it runs on after this command and `npm run kafka:down` stops it.
 * `kafka:down` keeps the cluster's data: the next demo starts it again, topics and all.
 * Beside it runs a Kafka Connect worker with three connectors (one failing on purpose).
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startCluster, repoRoot } from './kafka/cluster';
import { answersAsKafka } from './kafka/probe';
import { isPortFree } from './kafka/ports';
import { canResume, resumeCluster } from './kafka/resume';
import { liveHelpers, liveNodes, readState, runRoot, startHelper, updateState } from './kafka/state';
import { DEMO_LIVE_GROUP, seedCluster } from './seed-data';
import { seedSchemas } from './seed-schemas';
import { readRegistryState, registryAlive, startRegistry } from './kafka/registry';
import { findElectronBinary } from './electron-binary';
import { connectAlive, readConnectState, startConnect } from './kafka/connect';
import { DEMO_CONNECT, seedConnectors } from './seed-connect';

const DEV = join(runRoot(repoRoot), 'dev');
const TRAFFIC_MARKER = 'seed-traffic.ts';
const FEED_MARKER = 'connect-feed.ts';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The bootstrap, and whether it is the local cluster the demo manages (then it gets the live traffic). */
async function kafkaBootstrap(): Promise<{ bootstrap: string; local: boolean }> {
  if (process.env.KAFKA_BROKERS) return { bootstrap: process.env.KAFKA_BROKERS, local: false };
  const dev = readState(DEV);
  if (dev && liveNodes(dev).length === dev.nodes.length) return { bootstrap: dev.bootstrap, local: true };
  if (dev?.keepData && canResume(dev)) {
    console.log('demo: starting the local Kafka again on its kept data (npm run kafka:reset starts from nothing)…');
    await resumeCluster(dev, repoRoot);
    return { bootstrap: dev.bootstrap, local: true };
  }
  if (!(await isPortFree(9092))) {
    if (await answersAsKafka('127.0.0.1:9092')) {
      console.log('demo: a Kafka already answers at 127.0.0.1:9092; using it');
      return { bootstrap: '127.0.0.1:9092', local: false };
    }
    throw new Error('port 9092 is taken by something that is not Kafka: free it, or set KAFKA_BROKERS=host:port');
  }
  console.log('demo: starting Kafka (one KRaft node from the Maven jars)…');
  const cluster = await startCluster({ name: 'dev', nodes: 1, ports: [9092], detached: true });
  await updateState(DEV, (s) => (s.keepData = true));
  return { bootstrap: cluster.bootstrap, local: true };
}

/** Starts the live consumers and producer unless they already run; they stop with `npm run kafka:down`. */
async function ensureTraffic(bootstrap: string): Promise<void> {
  const dev = readState(DEV);
  if (!dev) return;
  if (!liveHelpers(dev).some((h) => h.marker === TRAFFIC_MARKER)) {
    await startHelper(DEV, {
      what: 'demo traffic',
      marker: TRAFFIC_MARKER,
      args: ['--import', 'tsx', join(repoRoot, 'scripts', TRAFFIC_MARKER), bootstrap],
      logName: 'demo-traffic.log',
    });
  }
  console.log(`demo: group ${DEMO_LIVE_GROUP.groupId} (2 consumers) reads ${DEMO_LIVE_GROUP.topic} while a producer adds to it, until npm run kafka:down`);
}

/**
 * The Schema Registry the demo's schema topics need: SCHEMA_REGISTRY_URL, or for the local
 * cluster one started beside it (Apicurio, schemas kept in the cluster), stopped by kafka:down.
 */
async function schemaRegistry(bootstrap: string, local: boolean): Promise<string | null> {
  if (process.env.SCHEMA_REGISTRY_URL) return process.env.SCHEMA_REGISTRY_URL;
  if (!local) return null;
  const running = readRegistryState(DEV);
  if (running && registryAlive(running)) return running.url;
  console.log('demo: starting a Schema Registry (Apicurio from Maven Central, needs Java 21+)…');
  const registry = await startRegistry({ root: repoRoot, name: 'dev', port: 8081, detached: true, kafkasqlBootstrap: bootstrap });
  return registry.url;
}

/**
 * A Kafka Connect worker beside the local cluster (same Kafka version, stopped by kafka:down)
 * with the demo's connectors: a FileStream source on a file that keeps growing, a sink, and a
 * sink whose task fails, so every state is there to see. KAFKA_CONNECT_URL uses another worker.
 */
async function kafkaConnect(bootstrap: string, local: boolean): Promise<string | null> {
  if (process.env.KAFKA_CONNECT_URL) return process.env.KAFKA_CONNECT_URL;
  if (!local) return null;
  const running = readConnectState(DEV);
  const url = running && connectAlive(running) ? running.url : (console.log('demo: starting Kafka Connect (a distributed worker from the Maven jars)…'), (await startConnect({ root: repoRoot, name: 'dev', bootstrap, port: 8083, detached: true })).url);
  const dir = join(DEV, 'connect-files');
  const created = await seedConnectors(url, dir);
  const dev = readState(DEV);
  if (dev && !liveHelpers(dev).some((h) => h.marker === FEED_MARKER)) {
    await startHelper(DEV, { what: 'demo log file for Kafka Connect', marker: FEED_MARKER, args: ['--import', 'tsx', join(repoRoot, 'scripts', FEED_MARKER), dir], logName: 'connect-feed.log' });
  }
  console.log(`demo: Kafka Connect at ${url}${created.length ? ` (created ${created.join(', ')}; ${DEMO_CONNECT.failing} fails on purpose)` : ''}`);
  return url;
}

run('npm', ['run', '--silent', 'build']);
let bootstrap: string;
let registryUrl: string | null = null;
let connectUrl: string | null = null;
try {
  const kafka = await kafkaBootstrap();
  bootstrap = kafka.bootstrap;
  const { created } = await seedCluster(bootstrap);
  console.log(`demo: Kafka at ${bootstrap}${created.length ? ` (seeded ${created.join(', ')})` : ''}; stop it later with npm run kafka:down (its data stays until npm run kafka:reset)`);
  if (kafka.local) await ensureTraffic(bootstrap);
  try {
    registryUrl = await schemaRegistry(bootstrap, kafka.local);
    if (registryUrl) {
      const seeded = await seedSchemas(bootstrap, registryUrl);
      console.log(`demo: Schema Registry at ${registryUrl}${seeded.created.length ? ` (seeded ${seeded.created.join(', ')}: Avro, Protobuf, JSON Schema)` : ''}`);
    }
  } catch (error) {
    // Everything but the schema topics still works: say why in one line and go on.
    console.error(`demo: no Schema Registry (${(error as Error).message.split('\n')[0]}); the schema-encoded topics are left out`);
    registryUrl = null;
  }
  try {
    connectUrl = await kafkaConnect(bootstrap, kafka.local);
  } catch (error) {
    console.error(`demo: no Kafka Connect (${(error as Error).message.split('\n')[0]}); the Connect page is left out`);
    connectUrl = null;
  }
} catch (error) {
  // One line that says what is wrong; the stack is for bugs, not for a taken port.
  console.error(`demo: ${(error as Error).message.split('\n')[0]}`);
  process.exit(1);
}

const env = { ...process.env, KAFKA_EXPLORER_AUTOCONNECT: bootstrap, ...(registryUrl ? { KAFKA_EXPLORER_AUTOCONNECT_REGISTRY: registryUrl } : {}), ...(connectUrl ? { KAFKA_EXPLORER_AUTOCONNECT_CONNECT: connectUrl } : {}) };
// Downloaded first unless this machine opted out (ELECTRON_SKIP_BINARY_DOWNLOAD); a failed download is one line, not its stack.
const { binary, missing } = findElectronBinary(repoRoot);
const child = binary
  ? spawn(binary, ['.'], { cwd: repoRoot, env, stdio: 'inherit' })
  : (console.log(`demo: ${missing}; starting the browser mode instead, as \`npm run serve\` does (open the URL below)`),
    spawn(process.execPath, [join(repoRoot, 'dist', 'main', 'serve.mjs')], { cwd: repoRoot, env, stdio: 'inherit' }));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
