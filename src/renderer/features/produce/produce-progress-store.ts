import { create } from 'zustand';
import type { ProduceProgress } from '../../../shared/api';

interface ProgressState {
  /** The latest progress of each burst or import, by run id (main pushes at most every 100 ms). */
  runs: Record<string, ProduceProgress>;
  onProgress(progress: ProduceProgress): void;
  forget(runId: string): void;
}

export const useProduceProgress = create<ProgressState>()((set) => ({
  runs: {},
  onProgress: (progress) => set((s) => ({ runs: { ...s.runs, [progress.runId]: progress } })),
  forget: (runId) =>
    set((s) => {
      const { [runId]: _gone, ...rest } = s.runs;
      return { runs: rest };
    }),
}));
