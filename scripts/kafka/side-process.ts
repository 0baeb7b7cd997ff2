import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isOurProcess, terminate } from './processes';
import { runRoot } from './state';

/** What a JVM started beside a cluster (registry, Connect worker) records in the cluster's folder. */
export interface SideProcessState {
  pid: number | null;
  /** Appears in the JVM's command line: how kafka:down knows the pid is still ours. */
  marker: string;
  dir: string;
}

/** Reading, listing and stopping one kind of side process by its state file (`<cluster>/<file>`). */
export function sideProcessRecords<S extends SideProcessState>(file: string, stopTimeoutMs: number) {
  const stateFile = (dir: string) => join(dir, file);
  const read = (dir: string): S | null => {
    try {
      return JSON.parse(readFileSync(stateFile(dir), 'utf8')) as S;
    } catch {
      return null;
    }
  };
  return {
    stateFile,
    /** The one recorded under this cluster's folder, if any. */
    read,
    /** Every one recorded under .kafka/run, for kafka:down and status. */
    list(root: string): S[] {
      const base = runRoot(root);
      if (!existsSync(base)) return [];
      return readdirSync(base)
        .map((name) => read(join(base, name)))
        .filter((s): s is S => s !== null);
    },
    alive(state: S): boolean {
      return state.pid !== null && isOurProcess(state.pid, state.marker);
    },
    async stop(state: S): Promise<void> {
      if (state.pid !== null) await terminate(state.pid, state.marker, stopTimeoutMs);
      await rm(stateFile(state.dir), { force: true });
    },
  };
}
