import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { RefreshEvery } from '../../shared/api';

export type { RefreshEvery };

export const REFRESH_CHOICES: { value: RefreshEvery; label: string; ms: number | false }[] = [
  { value: 'off', label: 'Off', ms: false },
  { value: '5s', label: 'Every 5 s', ms: 5_000 },
  { value: '10s', label: 'Every 10 s', ms: 10_000 },
  { value: '30s', label: 'Every 30 s', ms: 30_000 },
  { value: '60s', label: 'Every minute', ms: 60_000 },
];

/** react-query's refetchInterval for a setting: false when off. */
export function refetchIntervalFor(every: RefreshEvery): number | false {
  return REFRESH_CHOICES.find((c) => c.value === every)?.ms ?? false;
}

interface AutoRefreshState {
  /** Per view id (e.g. "brokers", "topics"); a view not listed follows the default in Settings. */
  every: Record<string, RefreshEvery>;
  setEvery(viewId: string, every: RefreshEvery): void;
  /** Forgets every view's own choice: all follow the default again. */
  clear(): void;
}

/** Persisted, so a view keeps its refresh setting across reloads and restarts. */
export const useAutoRefreshStore = create<AutoRefreshState>()(
  persist(
    (set) => ({
      every: {},
      setEvery: (viewId, every) => set((s) => ({ every: { ...s.every, [viewId]: every } })),
      clear: () => set({ every: {} }),
    }),
    { name: 'kafka-explorer.auto-refresh' },
  ),
);
