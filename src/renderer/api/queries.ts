import { useCallback, useEffect } from 'react';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from './ApiProvider';
import type { ApiClient } from './client';

/** Query keys per connection, so a refresh or a disconnect invalidates exactly one cluster's data. */
export const queryKeys = {
  cluster: (connectionId: string) => ['cluster', connectionId] as const,
  overview: (connectionId: string) => ['cluster', connectionId, 'overview'] as const,
  brokers: (connectionId: string) => ['cluster', connectionId, 'brokers'] as const,
  topics: (connectionId: string) => ['cluster', connectionId, 'topics'] as const,
  partitions: (connectionId: string, topic: string) => ['cluster', connectionId, 'topics', topic, 'partitions'] as const,
};

export function useOverview(connectionId: string, refetchInterval: number | false = false) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.overview(connectionId),
    queryFn: ({ signal }) => api.call('cluster.overview', { connectionId }, { signal }),
    refetchInterval,
  });
}

export function useBrokers(connectionId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.brokers(connectionId),
    queryFn: ({ signal }) => api.call('cluster.brokers', { connectionId }, { signal }),
  });
}

/** The topic list every page shares (Topics, Produce, the palette): one query, one cache entry. */
export function topicsQuery(api: Pick<ApiClient, 'call'>, connectionId: string) {
  return queryOptions({
    queryKey: queryKeys.topics(connectionId),
    queryFn: ({ signal }) => api.call('topics.list', { connectionId, includeInternal: true }, { signal }),
  });
}

export function useTopics(connectionId: string, refetchInterval: number | false = false) {
  const api = useApi();
  return useQuery({ ...topicsQuery(api, connectionId), refetchInterval });
}

/**
 * Asks for the topic list as soon as a cluster is connected, while the Overview loads: it is the
 * page most sessions open next, and main answers it from the metadata the Overview reads anyway.
 * On a 9,000-topic cluster a list asked later waits behind the Overview's offset and disk
 * sweeps, or reads the metadata again once that is no longer fresh.
 */
export function usePrefetchTopics(connectionId: string | undefined) {
  const api = useApi();
  const client = useQueryClient();
  useEffect(() => {
    if (connectionId) void client.prefetchQuery(topicsQuery(api, connectionId));
  }, [api, client, connectionId]);
}

/** Reloads the topic list past main's metadata snapshot, e.g. for a topic created elsewhere a moment ago. */
export function useFreshTopicsReload(connectionId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useCallback(async () => {
    const topics = await api.call('topics.list', { connectionId, includeInternal: true, fresh: true });
    client.setQueryData(queryKeys.topics(connectionId), topics);
  }, [api, client, connectionId]);
}

export function usePartitions(connectionId: string, topic: string, refetchInterval: number | false = false) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.partitions(connectionId, topic),
    queryFn: ({ signal }) => api.call('topics.partitions', { connectionId, topic }, { signal }),
    refetchInterval,
  });
}
