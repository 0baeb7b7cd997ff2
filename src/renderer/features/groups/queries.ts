import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';

export const groupKeys = {
  list: (connectionId: string) => ['cluster', connectionId, 'groups'] as const,
  /** The ids-only list (`groups.ids`); an object, so no group id can collide with it. */
  ids: (connectionId: string) => ['cluster', connectionId, 'groups', { ids: true }] as const,
  one: (connectionId: string, groupId: string) => ['cluster', connectionId, 'groups', groupId] as const,
};

/** The groups list; it reloads by itself only as often as the view's Auto-refresh setting says. */
export function useGroups(connectionId: string, refetchInterval: number | false = false) {
  const api = useApi();
  return useQuery({ queryKey: groupKeys.list(connectionId), queryFn: ({ signal }) => api.call('groups.list', { connectionId }, { signal }), refetchInterval });
}

export function useGroup(connectionId: string, groupId: string) {
  const api = useApi();
  return useQuery({ queryKey: groupKeys.one(connectionId, groupId), queryFn: ({ signal }) => api.call('groups.describe', { connectionId, groupId }, { signal }), refetchInterval: 5_000 });
}

export function useLagHistory(connectionId: string, groupId: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...groupKeys.one(connectionId, groupId), 'lag'],
    queryFn: ({ signal }) => api.call('groups.lag', { connectionId, groupId }, { signal }),
    refetchInterval: 5_000,
  });
}
