import { create } from 'zustand';

export interface RunProgressState<P extends { runId: string }> {
  /** The latest progress of each run, by run id (main pushes at most every 100 ms). */
  runs: Record<string, P>;
  onProgress(progress: P): void;
  forget(runId: string): void;
}

/** A store of the latest progress per long run (a burst, an import, a copy), fed by main's events. */
export function createRunProgressStore<P extends { runId: string }>() {
  return create<RunProgressState<P>>()((set) => ({
    runs: {},
    onProgress: (progress) => set((s) => ({ runs: { ...s.runs, [progress.runId]: progress } })),
    forget: (runId) =>
      set((s) => {
        const { [runId]: _gone, ...rest } = s.runs;
        return { runs: rest };
      }),
  }));
}
