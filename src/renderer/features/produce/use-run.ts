import { useCallback, useRef, useState } from 'react';
import type { BurstSummary } from '../../../shared/api';
import { useProduceProgress } from './produce-progress-store';

export interface RunState {
  runId: string | null;
  running: boolean;
  summary: BurstSummary | null;
  error: unknown;
}

/**
 * One burst or import at a time per panel: a run id for its progress events, an
 * AbortController whose abort cancels the call in main, and the final summary.
 */
export function useRun() {
  const [state, setState] = useState<RunState>({ runId: null, running: false, summary: null, error: null });
  const controller = useRef<AbortController | null>(null);
  const progress = useProduceProgress((s) => (state.runId ? s.runs[state.runId] : undefined));

  const start = useCallback(async (work: (runId: string, signal: AbortSignal) => Promise<BurstSummary>) => {
    const runId = `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    controller.current = new AbortController();
    setState({ runId, running: true, summary: null, error: null });
    try {
      const summary = await work(runId, controller.current.signal);
      setState({ runId, running: false, summary, error: null });
    } catch (error) {
      setState({ runId, running: false, summary: null, error });
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { ...state, progress, start, cancel };
}
