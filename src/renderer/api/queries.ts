import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from './ApiProvider';

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

export function useTopics(connectionId: string, refetchInterval: number | false = false) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.topics(connectionId),
    queryFn: ({ signal }) => api.call('topics.list', { connectionId, includeInternal: true }, { signal }),
    refetchInterval,
  });
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
