import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RequestOf } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';

/**
 * After a change the worker takes a few seconds to settle (tasks start, restart, fail): until then
 * the Connect queries poll every 2 s even with auto-refresh off, so the page follows by itself.
 */
const settleUntil = new Map<string, number>();
const SETTLE_MS = 30_000;
const settling = (connectionId: string, every: number | false) => () => every || ((settleUntil.get(connectionId) ?? 0) > Date.now() ? 2_000 : false);

/** Everything Connect of one connection hangs under this key, so one Refresh reloads it all. */
export const connectKey = (connectionId: string) => ['cluster', connectionId, 'connect'] as const;

export function useConnectors(connectionId: string, cluster: string, refetchInterval: number | false) {
  const api = useApi();
  return useQuery({
    queryKey: [...connectKey(connectionId), cluster, 'connectors'],
    queryFn: ({ signal }) => api.call('connect.connectors', { connectionId, cluster }, { signal }),
    refetchInterval: settling(connectionId, refetchInterval),
    // A worker that is down must not wipe what the page showed: the last list stays, marked stale.
    retry: false,
  });
}

export function useConnector(connectionId: string, cluster: string, connector: string, refetchInterval: number | false) {
  const api = useApi();
  return useQuery({
    queryKey: [...connectKey(connectionId), cluster, 'connector', connector],
    queryFn: ({ signal }) => api.call('connect.connector', { connectionId, cluster, connector }, { signal }),
    refetchInterval: settling(connectionId, refetchInterval),
    retry: false,
  });
}

export function useConnectorOffsets(connectionId: string, cluster: string, connector: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: [...connectKey(connectionId), cluster, 'offsets', connector],
    queryFn: ({ signal }) => api.call('connect.offsets', { connectionId, cluster, connector }, { signal }),
    enabled,
    retry: false,
  });
}

export function usePlugins(connectionId: string, cluster: string) {
  const api = useApi();
  return useQuery({ queryKey: [...connectKey(connectionId), cluster, 'plugins'], queryFn: ({ signal }) => api.call('connect.plugins', { connectionId, cluster }, { signal }), staleTime: 60_000 });
}

export function usePluginConfig(connectionId: string, cluster: string, className: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...connectKey(connectionId), cluster, 'pluginConfig', className],
    queryFn: ({ signal }) => api.call('connect.pluginConfig', { connectionId, cluster, className }, { signal }),
    enabled: className.length > 0,
    staleTime: Infinity,
  });
}

export function useTopicConnectors(connectionId: string, topic: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: [...connectKey(connectionId), 'forTopic', topic],
    queryFn: ({ signal }) => api.call('connect.forTopic', { connectionId, topic }, { signal }),
    enabled,
    retry: false,
  });
}

/** A change on the worker; afterwards every Connect query of the connection reloads. */
export function useConnectChange() {
  const api = useApi();
  const queryClient = useQueryClient();
  return {
    api,
    invalidate: (connectionId: string) => {
      settleUntil.set(connectionId, Date.now() + SETTLE_MS);
      return queryClient.invalidateQueries({ queryKey: connectKey(connectionId) });
    },
  };
}

export function useValidate(connectionId: string, cluster: string) {
  const api = useApi();
  return useMutation({ mutationFn: (v: Omit<RequestOf<'connect.validate'>, 'connectionId' | 'cluster'>) => api.call('connect.validate', { connectionId, cluster, ...v }) });
}

/**
 * Every key a connector of this plugin takes, the worker's common ones included (Common,
 * Transforms, Error Handling, Topic Creation…): a validate call of the bare class gives them all,
 * where `/connector-plugins/{class}/config` has only the plugin's own.
 */
export function useFormDefinitions(connectionId: string, cluster: string, className: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...connectKey(connectionId), cluster, 'formDefinitions', className],
    queryFn: async ({ signal }) => {
      const r = await api.call('connect.validate', { connectionId, cluster, className, config: { 'connector.class': className, name: 'definitions' } }, { signal });
      return r.configs.map((c) => c.definition);
    },
    enabled: className.length > 0,
    staleTime: Infinity,
  });
}
