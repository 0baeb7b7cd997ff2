/**
 * npm run kafka:up [-- --nodes 3 --port 9092 --name dev]   start a local cluster that outlives this command
 *   (--security: single node with SASL, SSL and mTLS listeners and ACLs besides PLAINTEXT)
 * npm run kafka:down [-- --name dev]                        stop it (every recorded cluster without --name)
 * npm run kafka:status                                      what runs, and where
 */
import { parseArgs } from 'node:util';
import { runningCluster, startCluster, repoRoot } from './cluster';
import { destroyCluster, listStates, liveNodes } from './state';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { nodes: { type: 'string', default: '1' }, port: { type: 'string' }, name: { type: 'string' }, security: { type: 'boolean', default: false } },
});
const command = positionals[0] ?? 'status';

if (command === 'up') {
  const name = values.name ?? 'dev';
  const nodes = Number(values.nodes);
  const existing = runningCluster(name);
  if (existing && liveNodes(existing).length === existing.nodes.length) {
    console.log(`kafka "${name}" already running: ${existing.bootstrap}`);
  } else {
    const base = values.port ? Number(values.port) : 9092;
    const ports = Array.from({ length: nodes }, (_, i) => base + i);
    const started = Date.now();
    const cluster = await startCluster({ name, nodes, ports, detached: true, security: values.security });
    console.log(`kafka "${name}" up in ${((Date.now() - started) / 1000).toFixed(1)} s: ${cluster.bootstrap}`);
    if (cluster.security) console.log(JSON.stringify(cluster.security, null, 2));
  }
} else if (command === 'down') {
  const states = listStates(repoRoot).filter((s) => !values.name || s.name === values.name);
  await Promise.all(states.map(destroyCluster));
  console.log(states.length ? `stopped: ${states.map((s) => s.name).join(', ')}` : 'nothing running');
} else if (command === 'status') {
  const states = listStates(repoRoot);
  if (states.length === 0) console.log('nothing running');
  for (const s of states) console.log(`${s.name}: ${s.bootstrap} (${liveNodes(s).length}/${s.nodes.length} nodes alive)`);
} else {
  console.error(`unknown command "${command}" (up, down, status)`);
  process.exitCode = 2;
}
