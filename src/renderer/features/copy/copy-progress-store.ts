import { create } from 'zustand';
import type { CopyProgress } from '../../../shared/api';

interface CopyProgressState {
  /** The latest progress of each copy, by run id (main pushes at most every 100 ms). */
  runs: Record<string, CopyProgress>;
  onProgress(progress: CopyProgress): void;
  forget(runId: string): void;
}

export const useCopyProgress = create<CopyProgressState>()((set) => ({
  runs: {},
  onProgress: (progress) => set((s) => ({ runs: { ...s.runs, [progress.runId]: progress } })),
  forget: (runId) =>
    set((s) => {
      const { [runId]: _gone, ...rest } = s.runs;
      return { runs: rest };
    }),
}));
