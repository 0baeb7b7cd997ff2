import { useCallback, useState } from 'react';

export interface Action {
  busy: boolean;
  /** What the last run reported on success. */
  done: string | null;
  /** What the last run threw: an AppError from main, shown with its reason and hint. */
  error: unknown;
  /** Runs `work`; its returned message becomes `done`, its failure `error`. */
  run(work: () => Promise<string | null | void>): Promise<void>;
  clear(): void;
}

/** The state every button that changes the cluster needs: busy while it runs, then done or failed. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const clear = useCallback(() => {
    setDone(null);
    setError(null);
  }, []);
  const run = useCallback(async (work: () => Promise<string | null | void>) => {
    setBusy(true);
    setDone(null);
    setError(null);
    try {
      setDone((await work()) ?? null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, done, error, run, clear };
}
