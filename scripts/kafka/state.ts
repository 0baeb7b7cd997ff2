import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isOurProcess, terminate } from './processes';

/** A process that belongs to a cluster and stops with it, e.g. the demo's live consumers and producer. */
export interface ClusterHelper {
  /** What it is, for `kafka:status`. */
  what: string;
  pid: number | null;
  /** Appears in its command line: how kafka:down knows the pid is still ours. */
  marker: string;
}

/** What `kafka:down` (and CI's exit trap) needs to stop a cluster another process started. */
export interface ClusterState {
  name: string;
  clusterId: string;
  bootstrap: string;
  /** The Apache Kafka version its nodes run (absent in states written before versions were chosen: the default). */
  version?: string;
  dataDir: string;
  nodes: { id: number; port: number; controllerPort: number; pid: number | null; properties: string }[];
  /**
   * Keep the data when stopped: set for the clusters `kafka:up` and the demo start, whose topics
   * should survive `kafka:down` until `kafka:reset`. Test clusters leave it unset and are removed.
   */
  keepData?: boolean;
  /** Whatever `kafka:up` printed about its secured listeners, printed again when it resumes. */
  security?: unknown;
  helpers?: ClusterHelper[];
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

export function liveHelpers(state: ClusterState): ClusterHelper[] {
  return (state.helpers ?? []).filter((h) => h.pid !== null && isOurProcess(h.pid, h.marker));
}

/** Stops the cluster's helpers, then every node (cleanly: SIGTERM first), and records that nothing runs. Data stays. */
export async function stopCluster(state: ClusterState): Promise<void> {
  await Promise.all((state.helpers ?? []).map((h) => (h.pid === null ? undefined : terminate(h.pid, h.marker, 10_000))));
  await Promise.all(state.nodes.map((n) => (n.pid === null ? undefined : terminate(n.pid, n.properties))));
  for (const h of state.helpers ?? []) h.pid = null;
  for (const n of state.nodes) n.pid = null;
  if (existsSync(state.dataDir)) await writeState(state);
}

/** Stops every node (and helper) of a recorded cluster and removes its data. */
export async function destroyCluster(state: ClusterState): Promise<void> {
  await Promise.all((state.helpers ?? []).map((h) => (h.pid === null ? undefined : terminate(h.pid, h.marker, 10_000))));
  await Promise.all(state.nodes.map((n) => (n.pid === null ? undefined : terminate(n.pid, n.properties))));
  await rm(state.dataDir, { recursive: true, force: true });
}

/** Records changes to a cluster's state made by another command (keepData, security), re-reading it first. */
export async function updateState(dataDir: string, change: (state: ClusterState) => void): Promise<ClusterState | null> {
  const state = readState(dataDir);
  if (!state) return null;
  change(state);
  await writeState(state);
  return state;
}

/**
 * Starts `node <args>` detached (it outlives the command that starts it), its output appended to
 * `<dataDir>/<logName>`, and records it among the cluster's helpers so that kafka:down stops it.
 * `marker` must appear in `args`.
 */
export async function startHelper(dataDir: string, helper: { what: string; marker: string; args: string[]; logName: string; env?: NodeJS.ProcessEnv }): Promise<ClusterHelper> {
  if (!helper.args.some((a) => a.includes(helper.marker))) throw new Error(`helper marker ${helper.marker} must appear in its arguments`);
  const log = openSync(join(dataDir, helper.logName), 'a');
  const child = spawn(process.execPath, helper.args, { detached: true, stdio: ['ignore', log, log], env: helper.env ?? process.env });
  closeSync(log);
  child.unref();
  const started: ClusterHelper = { what: helper.what, pid: child.pid ?? null, marker: helper.marker };
  await updateState(dataDir, (state) => {
    state.helpers = [...(state.helpers ?? []).filter((h) => h.pid !== null && isOurProcess(h.pid, h.marker)), started];
  });
  return started;
}
