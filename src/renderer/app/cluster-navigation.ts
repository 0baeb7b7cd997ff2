import type { QueryClient } from '@tanstack/react-query';
import type { ConnectionInfo } from '../../shared/api';
import type { ApiClient } from '../api/client';
import { removeCluster, useClusters } from '../state/clusters-store';
import { useSession } from '../state/session-store';
import { clusterHash, clusterKeyOf, clusterOfHash } from './cluster-link';
import { focusPageHeading } from './page-focus';

/** The hash that shows an open cluster where the user left it (its overview the first time). */
export function clusterPageHash(info: ConnectionInfo): string {
  return clusterHash(clusterKeyOf(info), useClusters.getState().lastPage[info.connectionId] ?? 'overview');
}

/** Switches the window to another open cluster: its page, filters and reads are as it left them. */
export function switchToCluster(info: ConnectionInfo): void {
  focusPageHeading();
  window.location.hash = clusterPageHash(info);
}

/**
 * A connection was just opened (connect screen, profile, auto-connect, deep link): it joins the
 * open clusters and is shown, on the page a link asked for if the address names it, else its overview.
 */
export function showConnected(info: ConnectionInfo): void {
  useSession.getState().setConnection(info);
  focusPageHeading();
  const key = clusterKeyOf(info);
  if (clusterOfHash(window.location.hash) !== key) window.location.hash = clusterHash(key, 'overview');
}

/** Closes one cluster (its cache and, through removeCluster, its buffer too) and shows the next open one, or the connect screen. */
export async function closeCluster(api: ApiClient, queryClient: QueryClient, connectionId: string): Promise<void> {
  await api.call('connection.disconnect', { connectionId }).catch(() => undefined);
  queryClient.removeQueries({ queryKey: ['cluster', connectionId] });
  const next = removeCluster(connectionId);
  window.location.hash = next ? clusterPageHash(next) : '#/connect';
}
