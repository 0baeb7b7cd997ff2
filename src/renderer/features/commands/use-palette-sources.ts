import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { queryKeys, topicsQuery } from '../../api/queries';
import { navItemsFor } from '../../app/routes';
import { useSession } from '../../state/session-store';
import { groupKeys } from '../groups/queries';
import { useProfiles } from '../connect/profile-queries';
import type { PaletteSources } from './palette-items';

/**
 * What the palette lists, from the same cached queries the pages use (same keys), so opening
 * it on a page that already loaded topics costs no request. Asked only while the palette is open.
 */
export function usePaletteSources(): { sources: PaletteSources; loading: boolean } {
  const api = useApi();
  const connection = useSession((s) => s.connection);
  const connectionId = connection?.connectionId ?? '';
  const enabled = Boolean(connection);
  const topics = useQuery({ ...topicsQuery(api, connectionId), enabled });
  const groups = useQuery({ queryKey: groupKeys.list(connectionId), queryFn: ({ signal }) => api.call('groups.list', { connectionId }, { signal }), enabled });
  const brokers = useQuery({ queryKey: queryKeys.brokers(connectionId), queryFn: ({ signal }) => api.call('cluster.brokers', { connectionId }, { signal }), enabled });
  const profiles = useProfiles();
  const sources = useMemo(
    () => ({
      connected: enabled,
      readOnly: connection?.readOnly ?? false,
      pages: navItemsFor(connection?.connectClusters),
      topics: (topics.data ?? []).map((t) => t.name),
      groups: (groups.data ?? []).map((g) => g.groupId),
      brokers: (brokers.data ?? []).map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port })),
      profiles: (profiles.data?.profiles ?? []).map((p) => ({ id: p.id, name: p.name, brokers: p.brokers })),
    }),
    [enabled, connection?.readOnly, connection?.connectClusters, topics.data, groups.data, brokers.data, profiles.data],
  );
  return { sources, loading: topics.isLoading || groups.isLoading || profiles.isLoading };
}
