import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/ApiProvider';
import { useSession } from '../state/session-store';
import { closeCluster } from './cluster-navigation';

/**
 * Closes the cluster on screen and forgets its cached data; the next open cluster is shown, or
 * the connect screen. Used by the connection bar and the command palette.
 */
export function useDisconnect(): () => Promise<void> {
  const api = useApi();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    const { connection } = useSession.getState();
    if (connection) await closeCluster(api, queryClient, connection.connectionId);
  }, [api, queryClient]);
}
