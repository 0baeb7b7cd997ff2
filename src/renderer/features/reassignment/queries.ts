import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useApi } from '../../api/ApiProvider';

export const reassignmentKeys = {
  assignment: (connectionId: string, topics: string[]) => ['cluster', connectionId, 'reassignment', 'assignment', ...topics] as const,
  progress: (connectionId: string) => ['cluster', connectionId, 'reassignment', 'progress'] as const,
};

/** The chosen topics' replicas, leaders and sizes, and the brokers to plan with. */
export function useAssignment(connectionId: string, topics: string[]) {
  const api = useApi();
  return useQuery({
    queryKey: reassignmentKeys.assignment(connectionId, topics),
    queryFn: ({ signal }) => api.call('reassignment.assignment', { connectionId, topics }, { signal }),
    enabled: topics.length > 0,
  });
}

/** Moves in progress and throttles left, every 2 s while the page is open. */
export function useReassignmentProgress(connectionId: string) {
  const api = useApi();
  return useQuery({
    queryKey: reassignmentKeys.progress(connectionId),
    queryFn: ({ signal }) => api.call('reassignment.progress', { connectionId }, { signal }),
    refetchInterval: 2_000,
  });
}

export function useInvalidateReassignment(connectionId: string) {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: ['cluster', connectionId, 'reassignment'] }), [client, connectionId]);
}
