import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useApi } from '../../api/ApiProvider';
import { queryKeys } from '../../api/queries';

export const topicKeys = {
  stats: (connectionId: string) => [...queryKeys.topics(connectionId), '~stats'] as const,
  one: (connectionId: string, topic: string) => [...queryKeys.topics(connectionId), topic] as const,
  configs: (connectionId: string, topic: string) => [...topicKeys.one(connectionId, topic), 'configs'] as const,
  retention: (connectionId: string, topic: string) => [...topicKeys.one(connectionId, topic), 'retention'] as const,
  readers: (connectionId: string, topic: string) => [...topicKeys.one(connectionId, topic), 'readers'] as const,
};

/**
 * Messages, size and retention of every topic. Asked only once the list is there (`enabled`):
 * on a big cluster it is seconds of work in main that must not delay the list itself.
 */
export function useTopicStats(connectionId: string, enabled: boolean, refetchInterval: number | false = false) {
  const api = useApi();
  return useQuery({
    queryKey: topicKeys.stats(connectionId),
    queryFn: ({ signal }) => api.call('topics.stats', { connectionId, topics: null }, { signal }),
    enabled,
    refetchInterval,
  });
}

export function useTopicConfigs(connectionId: string, topic: string) {
  const api = useApi();
  return useQuery({ queryKey: topicKeys.configs(connectionId, topic), queryFn: ({ signal }) => api.call('topics.configs', { connectionId, topic }, { signal }) });
}

export function useRetention(connectionId: string, topic: string, refetchInterval: number | false = false) {
  const api = useApi();
  return useQuery({ queryKey: topicKeys.retention(connectionId, topic), queryFn: ({ signal }) => api.call('topics.retention', { connectionId, topic }, { signal }), refetchInterval });
}

export function useReaders(connectionId: string, topic: string, refetchInterval: number | false = false) {
  const api = useApi();
  return useQuery({ queryKey: topicKeys.readers(connectionId, topic), queryFn: ({ signal }) => api.call('topics.readers', { connectionId, topic }, { signal }), refetchInterval });
}

/** The topic page's refresh: everything about this one topic (partitions, retention, readers, configs). */
export function useRefreshTopic(connectionId: string, topic: string) {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: topicKeys.one(connectionId, topic) }), [client, connectionId, topic]);
}

/** After a change to a topic: everything about topics of this connection is stale. */
export function useInvalidateTopics(connectionId: string) {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: queryKeys.cluster(connectionId) }), [client, connectionId]);
}
