import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureKafkaJars } from './jars';
import { kafkaJavaArgs, registeredBrokers } from './node-process';
import { isPortFree } from './ports';
import { isOurProcess } from './processes';
import { liveNodes, writeState, type ClusterState } from './state';


/** True when a stopped cluster's data is still on disk, so `resumeCluster` can start it again as it was. */
export function canResume(state: ClusterState): boolean {
  return state.nodes.every((n) => existsSync(n.properties) && existsSync(join(n.properties, '..', 'data', 'meta.properties')));
}

/**
 * Starts the stopped nodes of a recorded cluster again on their data (same cluster id, ports,
 * topics, offsets), detached, and waits until every broker is registered. What `kafka:up` does
 * after `kafka:down`; `kafka:reset` is what starts from nothing.
 */
export async function resumeCluster(state: ClusterState, root: string, readyTimeoutMs = 120_000): Promise<ClusterState> {
  const dead = state.nodes.filter((n) => !liveNodes(state).includes(n));
  for (const n of dead) {
    if (!(await isPortFree(n.port)) || !(await isPortFree(n.controllerPort))) {
      throw new Error(`port ${n.port} or ${n.controllerPort} of kafka "${state.name}" node ${n.id} is in use: free it, or npm run kafka:reset -- --name ${state.name} to start a new cluster`);
    }
  }
  // States written before versions were chosen ran 4.1.1, the default then: keep their data on the binaries that wrote it.
  const jars = await ensureKafkaJars(root, state.version ?? '4.1.1');
  for (const n of dead) {
    const nodeDir = join(n.properties, '..');
    const log = openSync(join(nodeDir, 'server.log'), 'a');
    const child = spawn('java', kafkaJavaArgs(jars, 'kafka.Kafka', [n.properties], nodeDir), { detached: true, stdio: ['ignore', log, log] });
    closeSync(log);
    child.unref();
    n.pid = child.pid ?? null;
  }
  await writeState(state);

  const deadline = Date.now() + readyTimeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const exited = state.nodes.find((n) => n.pid !== null && !isOurProcess(n.pid, n.properties));
    if (exited) {
      const logFile = join(exited.properties, '..', 'server.log');
      const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
      throw new Error(`kafka "${state.name}" node ${exited.id} exited while resuming:\n${tail}`);
    }
    try {
      const brokers = await registeredBrokers(state.bootstrap);
      if (brokers === state.nodes.length) return state;
      last = `${brokers} of ${state.nodes.length} brokers registered`;
    } catch (error) {
      last = (error as Error).message.split('\n')[0] ?? 'kcat failed';
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`kafka "${state.name}" not ready ${readyTimeoutMs} ms after resuming (${last})`);
}
