import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isOurProcess, terminate } from './processes';

/** What `kafka:down` (and CI's exit trap) needs to stop a cluster another process started. */
export interface ClusterState {
  name: string;
  clusterId: string;
  bootstrap: string;
  dataDir: string;
  nodes: { id: number; port: number; controllerPort: number; pid: number | null; properties: string }[];
}

export const runRoot = (root: string) => join(root, '.kafka', 'run');
const stateFile = (dataDir: string) => join(dataDir, 'state.json');

export async function writeState(state: ClusterState): Promise<void> {
  await writeFile(stateFile(state.dataDir), JSON.stringify(state, null, 2));
}

export function readState(dataDir: string): ClusterState | null {
  const file = stateFile(dataDir);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ClusterState;
  } catch {
    return null;
  }
}

export function listStates(root: string): ClusterState[] {
  const dir = runRoot(root);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => readState(join(dir, name)))
    .filter((s): s is ClusterState => s !== null);
}

export function liveNodes(state: ClusterState): ClusterState['nodes'] {
  return state.nodes.filter((n) => n.pid !== null && isOurProcess(n.pid, n.properties));
}

/** Stops every node of a recorded cluster and removes its data. */
export async function destroyCluster(state: ClusterState): Promise<void> {
  await Promise.all(state.nodes.map((n) => (n.pid === null ? undefined : terminate(n.pid, n.properties))));
  await rm(state.dataDir, { recursive: true, force: true });
}
