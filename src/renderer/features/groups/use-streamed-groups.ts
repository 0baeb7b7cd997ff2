import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { GROUP_SUMMARY_BATCH, type GroupSummary, type ListedGroupRow } from '../../../shared/api';
import { streamGroupSummaries } from '../../../shared/groups/stream-summaries';
import { useApi } from '../../api/ApiProvider';
import { groupKeys } from './queries';

/** A listed group whose details have not arrived yet: its id, type and state, nothing guessed. */
function placeholder(row: ListedGroupRow): GroupSummary {
  return { groupId: row.groupId, state: row.state, type: row.type, protocolType: '', assignor: '', members: 0, topics: [], totalLag: null, trend: null, note: null };
}

/**
 * The groups list in two steps, so 10,000 groups show at once: ListGroups (`groups.ids`) gives
 * every row, then details and lag stream in, the rows on screen first (`setVisible`), then the
 * rest in batches. One state update per batch, never per group.
 */
export function useStreamedGroups(connectionId: string, refetchInterval: number | false) {
  const api = useApi();
  const ids = useQuery({ queryKey: groupKeys.ids(connectionId), queryFn: ({ signal }) => api.call('groups.ids', { connectionId }, { signal }), refetchInterval });
  const [details, setDetails] = useState<ReadonlyMap<string, GroupSummary>>(new Map());
  /** The listing whose details have all arrived (or failed, with the error). */
  const [finished, setFinished] = useState<{ rows: ListedGroupRow[]; error: unknown } | null>(null);
  const visible = useRef<string[]>([]);
  const setVisible = useCallback((rowIds: string[]) => {
    visible.current = rowIds;
  }, []);

  useEffect(() => {
    const rows = ids.data;
    if (!rows) return;
    const abort = new AbortController();
    const fresh = new Map<string, GroupSummary>();
    streamGroupSummaries({
      rows,
      first: visible.current.length > 0 ? visible.current : rows.slice(0, 40).map((r) => r.groupId),
      batchSize: GROUP_SUMMARY_BATCH,
      fetch: (batch) => api.call('groups.summaries', { connectionId, groups: batch }, { signal: abort.signal }),
      onBatch: (summaries) => {
        if (abort.signal.aborted) return;
        for (const s of summaries) fresh.set(s.groupId, s);
        // Until a refresh completes, rows keep the details of the previous one.
        setDetails((before) => new Map([...before, ...summaries.map((s) => [s.groupId, s] as const)]));
      },
      priority: () => visible.current,
      signal: abort.signal,
    })
      .then(() => {
        if (abort.signal.aborted) return;
        setDetails(fresh);
        setFinished({ rows, error: null });
      })
      .catch((e: unknown) => !abort.signal.aborted && setFinished({ rows, error: e }));
    return () => abort.abort();
  }, [ids.data, api, connectionId]);

  const loading = ids.data !== undefined && finished?.rows !== ids.data;
  const error = finished?.rows === ids.data ? finished?.error : null;
  const data = useMemo(() => ids.data?.map((row) => details.get(row.groupId) ?? placeholder(row)), [ids.data, details]);
  const detailed = useMemo(() => (ids.data ? ids.data.filter((r) => details.has(r.groupId)).length : 0), [ids.data, details]);
  return { data, detailed, loadingDetails: loading, error: ids.error ?? error, isLoading: ids.isLoading, isFetching: ids.isFetching || loading, dataUpdatedAt: ids.dataUpdatedAt, setVisible };
}
