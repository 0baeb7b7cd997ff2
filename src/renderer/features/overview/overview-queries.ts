import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';

export const overviewKeys = {
  versions: (connectionId: string) => ['cluster', connectionId, 'versions'] as const,
  throughput: (connectionId: string) => ['cluster', connectionId, 'throughput'] as const,
};

/** Releases per broker and feature levels; they change only with an upgrade, so they are not auto-refreshed. */
export function useVersions(connectionId: string) {
  const api = useApi();
  return useQuery({ queryKey: overviewKeys.versions(connectionId), queryFn: ({ signal }) => api.call('cluster.versions', { connectionId }, { signal }), staleTime: 60_000 });
}

/**
 * Messages per second per topic: each fetch is one sample in main, compared with the previous
 * one, so the auto-refresh interval is the measuring window (and Refresh measures since the last).
 */
export function useThroughput(connectionId: string, refetchInterval: number | false) {
  const api = useApi();
  return useQuery({
    queryKey: overviewKeys.throughput(connectionId),
    queryFn: ({ signal }) => api.call('cluster.throughput', { connectionId, top: 10 }, { signal }),
    refetchInterval,
    staleTime: 0,
  });
}
