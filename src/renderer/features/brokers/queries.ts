import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { queryKeys } from '../../api/queries';

export const brokerKeys = {
  list: queryKeys.brokers,
  controller: (connectionId: string) => ['cluster', connectionId, 'controller'] as const,
  configs: (connectionId: string, nodeId: number) => ['cluster', connectionId, 'brokers', nodeId, 'configs'] as const,
};

/** Every broker seen on the connection, with disk use and reachability. */
export function useBrokerList(connectionId: string, refetchInterval: number | false) {
  const api = useApi();
  return useQuery({ queryKey: brokerKeys.list(connectionId), queryFn: ({ signal }) => api.call('cluster.brokers', { connectionId }, { signal }), refetchInterval });
}

export function useController(connectionId: string, refetchInterval: number | false) {
  const api = useApi();
  return useQuery({ queryKey: brokerKeys.controller(connectionId), queryFn: ({ signal }) => api.call('cluster.controller', { connectionId }, { signal }), refetchInterval });
}

export function useBrokerConfigs(connectionId: string, nodeId: number) {
  const api = useApi();
  return useQuery({ queryKey: brokerKeys.configs(connectionId, nodeId), queryFn: ({ signal }) => api.call('brokers.configs', { connectionId, nodeId }, { signal }) });
}

/** The Refresh button: reloads past main's short metadata cache, so a broker that just stopped shows at once. */
export function useRefreshBrokers(connectionId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useCallback(async () => {
    const [brokers, controller] = await Promise.all([
      api.call('cluster.brokers', { connectionId, fresh: true }),
      api.call('cluster.controller', { connectionId, fresh: true }),
    ]);
    client.setQueryData(brokerKeys.list(connectionId), brokers);
    client.setQueryData(brokerKeys.controller(connectionId), controller);
  }, [api, client, connectionId]);
}
