/**
 * npm run kafka:up [-- --nodes 3 --port 9092 --name dev --version 3.9.2]   start a local cluster that outlives this command,
 *   on the Apache Kafka version given (or KAFKA_VERSION; default: the newest 4.x, see jars.ts),
 *   or start a stopped one again on its data (same cluster id, topics and offsets)
 *   (--security: single node with SASL, SSL and mTLS listeners and ACLs besides PLAINTEXT)
 * npm run kafka:down [-- --name dev] [-- --reset]          stop it, keeping its data (every recorded cluster without --name);
 *   --reset removes the data as well
 * npm run kafka:reset [-- --name dev]                      stop it and remove its data: the next kafka:up starts a new, empty cluster
 * npm run kafka:status                                     what runs, what is stopped with its data kept, and where
 * --registry (with up): also a Schema Registry (Apicurio, Confluent API at http://127.0.0.1:8081/apis/ccompat/v7,
 *   --registry-port to move it) keeping its schemas in the cluster; kafka:down stops it too
 * --connect (with up): also a distributed Kafka Connect worker (http://127.0.0.1:8083, --connect-port to move it,
 *   same version as the broker, FileStream connectors included); kafka:down stops it too
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCluster, repoRoot } from './cluster';
import { canResume, resumeCluster } from './resume';
import { connectAlive, listConnectWorkers, readConnectState, startConnect, stopConnect } from './connect';
import { listRegistries, readRegistryState, registryAlive, startRegistry, stopRegistry } from './registry';
import { destroyCluster, listStates, liveHelpers, liveNodes, readState, runRoot, stopCluster, updateState } from './state';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    nodes: { type: 'string' },
    port: { type: 'string' },
    name: { type: 'string' },
    security: { type: 'boolean', default: false },
    reset: { type: 'boolean', default: false },
    registry: { type: 'boolean', default: false },
    'registry-port': { type: 'string' },
    connect: { type: 'boolean', default: false },
    'connect-port': { type: 'string' },
    version: { type: 'string' },
  },
});
const command = positionals[0] ?? 'status';

/** Stops every recorded cluster (or the named one): kept ones keep their data unless `reset`; test clusters a crashed run left behind are removed. */
async function down(reset: boolean): Promise<void> {
  const states = listStates(repoRoot).filter((s) => !values.name || s.name === values.name);
  // Registries first: their folder goes with the cluster's, and they keep their schemas in it.
  const registries = listRegistries(repoRoot).filter((r) => !values.name || r.name === values.name);
  await Promise.all(registries.map(stopRegistry));
  if (registries.length) console.log(`stopped Schema Registry: ${registries.map((r) => r.url).join(', ')}`);
  // Connect workers before their brokers, so they leave their group cleanly.
  const workers = listConnectWorkers(repoRoot).filter((w) => !values.name || w.name === values.name);
  await Promise.all(workers.map(stopConnect));
  if (workers.length) console.log(`stopped Kafka Connect: ${workers.map((w) => w.url).join(', ')}`);
  const removed: string[] = [];
  const kept: string[] = [];
  await Promise.all(
    states.map(async (s) => {
      if (reset || !s.keepData) {
        await destroyCluster(s);
        removed.push(s.name);
      } else {
        await stopCluster(s);
        kept.push(s.name);
      }
    }),
  );
  if (states.length === 0) console.log('nothing running');
  if (kept.length) console.log(`stopped: ${kept.join(', ')} (data kept: npm run kafka:up starts it again with its topics; npm run kafka:reset removes it)`);
  if (removed.length) console.log(`stopped and removed: ${removed.join(', ')}`);
}

/** A registry beside the named cluster, unless one already runs there. */
async function registryUp(name: string): Promise<void> {
  const dir = join(runRoot(repoRoot), name);
  const running = readRegistryState(dir);
  if (running && registryAlive(running)) {
    console.log(`Schema Registry already running: ${running.url}`);
    return;
  }
  const cluster = readState(dir)!;
  const started = Date.now();
  const registry = await startRegistry({ root: repoRoot, name, port: Number(values['registry-port'] ?? 8081), detached: true, kafkasqlBootstrap: cluster.bootstrap });
  console.log(`Schema Registry up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${registry.url}`);
}

/** A Connect worker beside the named cluster, unless one already runs there. */
async function connectUp(name: string): Promise<void> {
  const dir = join(runRoot(repoRoot), name);
  const running = readConnectState(dir);
  if (running && connectAlive(running)) {
    console.log(`Kafka Connect already running: ${running.url}`);
    return;
  }
  const cluster = readState(dir)!;
  const started = Date.now();
  const worker = await startConnect({ root: repoRoot, name, bootstrap: cluster.bootstrap, port: Number(values['connect-port'] ?? 8083), detached: true });
  console.log(`Kafka Connect up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${worker.url}`);
}

if (command === 'up') {
  const name = values.name ?? 'dev';
  const nodes = Number(values.nodes ?? '1');
  const existing = readState(join(runRoot(repoRoot), name));
  if (existing && liveNodes(existing).length === existing.nodes.length) {
    console.log(`kafka "${name}" already running: ${existing.bootstrap}`);
  } else if (existing?.keepData && canResume(existing)) {
    const asked =
      (values.nodes !== undefined && nodes !== existing.nodes.length) ||
      (values.port !== undefined && Number(values.port) !== existing.nodes[0]!.port) ||
      (values.version !== undefined && values.version !== (existing.version ?? '4.1.1'));
    if (asked) {
      console.error(`kafka "${name}" has kept data for ${existing.nodes.length} node(s) of Kafka ${existing.version ?? '4.1.1'} at ${existing.bootstrap}: npm run kafka:reset -- --name ${name} first to start a different cluster`);
      process.exit(2);
    }
    const started = Date.now();
    await resumeCluster(existing, repoRoot);
    console.log(`kafka "${name}" up again in ${((Date.now() - started) / 1000).toFixed(1)} s with its data (cluster id ${existing.clusterId}): ${existing.bootstrap}`);
    if (existing.security) console.log(JSON.stringify(existing.security, null, 2));
  } else {
    const base = values.port ? Number(values.port) : 9092;
    const ports = Array.from({ length: nodes }, (_, i) => base + i);
    const started = Date.now();
    const cluster = await startCluster({ name, nodes, ports, detached: true, security: values.security, ...(values.version ? { version: values.version } : {}) });
    // Topics survive kafka:down; kafka:reset removes them.
    await updateState(join(runRoot(repoRoot), name), (s) => {
      s.keepData = true;
      if (cluster.security) s.security = cluster.security;
    });
    console.log(`kafka "${name}" (Apache Kafka ${cluster.version}) up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${cluster.bootstrap}`);
    if (cluster.security) console.log(JSON.stringify(cluster.security, null, 2));
  }
  if (values.registry) await registryUp(name);
  if (values.connect) await connectUp(name);
} else if (command === 'down') {
  await down(values.reset);
} else if (command === 'reset') {
  await down(true);
} else if (command === 'status') {
  const states = listStates(repoRoot);
  if (states.length === 0) console.log('nothing running');
  for (const s of states) {
    const alive = liveNodes(s).length;
    const helpers = liveHelpers(s).map((h) => h.what);
    if (alive === 0 && s.keepData) console.log(`${s.name}: stopped, data kept (npm run kafka:up -- --name ${s.name} starts it again; npm run kafka:reset -- --name ${s.name} removes it)`);
    else console.log(`${s.name}: ${s.bootstrap}, Kafka ${s.version ?? '4.1.1'} (${alive}/${s.nodes.length} nodes alive${helpers.length ? `; ${helpers.join(', ')}` : ''})`);
  }
  for (const r of listRegistries(repoRoot)) console.log(`Schema Registry ${r.name}: ${r.url} (${registryAlive(r) ? 'running' : 'stopped'})`);
  for (const w of listConnectWorkers(repoRoot)) console.log(`Kafka Connect ${w.name}: ${w.url} (${connectAlive(w) ? 'running' : 'stopped'})`);
} else {
  console.error(`unknown command "${command}" (up, down, reset, status)`);
  process.exitCode = 2;
}
