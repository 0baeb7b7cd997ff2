import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/queries';
import { isUnhealthy, useConnectionHealth } from '../../state/health-store';
import { useNow } from './use-now';

/**
 * While the connection is degraded or lost: the time of the oldest data the current page shows
 * (the page's active queries of this connection), else when every broker last answered. Null
 * while the connection is healthy: nothing is stale then. One hook for every page, so no page
 * has its own outage code.
 */
export function useStaleSince(connectionId: string | undefined): number | null {
  const client = useQueryClient();
  const health = useConnectionHealth(connectionId);
  const unhealthy = isUnhealthy(health?.state);
  // Re-read the cache now and then: queries mount and unmount while the outage lasts.
  useNow(unhealthy, 2_000);
  if (!connectionId || !health || !unhealthy) return null;
  let oldest: number | null = null;
  for (const query of client.getQueryCache().findAll({ queryKey: queryKeys.cluster(connectionId), type: 'active' })) {
    const at = query.state.dataUpdatedAt;
    if (query.state.data !== undefined && at > 0 && (oldest === null || at < oldest)) oldest = at;
  }
  return oldest ?? health.lastHealthyAt;
}
