import { useCallback } from 'react';
import { refetchIntervalFor, useAutoRefreshStore, type RefreshEvery } from '../state/auto-refresh-store';
import { useSettingsStore } from '../state/settings-store';

export interface AutoRefreshSetting {
  every: RefreshEvery;
  setEvery(every: RefreshEvery): void;
  /** Pass to react-query's `refetchInterval`: false when off. */
  refetchInterval: number | false;
}

/**
 * One view's auto-refresh setting (off, 5 s … 1 min; the default from Settings until the view's own choice is changed), shared by the view's queries and its
 * <AutoRefresh> control:
 *   const refresh = useAutoRefresh('topics');
 *   useQuery({ ..., refetchInterval: refresh.refetchInterval });
 *   <AutoRefresh viewId="topics" onRefresh={…} refreshing={isFetching} updatedAt={dataUpdatedAt} />
 */
export function useAutoRefresh(viewId: string): AutoRefreshSetting {
  const fallback = useSettingsStore((s) => s.settings.autoRefresh);
  const every = useAutoRefreshStore((s) => s.every[viewId] ?? fallback);
  const set = useAutoRefreshStore((s) => s.setEvery);
  const setEvery = useCallback((e: RefreshEvery) => set(viewId, e), [set, viewId]);
  return { every, setEvery, refetchInterval: refetchIntervalFor(every) };
}
