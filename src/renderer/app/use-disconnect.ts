import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/ApiProvider';
import { useSession } from '../state/session-store';
import { navigate } from './router';

/**
 * Closes the window's connection and forgets its cached data; `then` says where to go next
 * (the connect screen by default). Used by the connection bar and the command palette.
 */
export function useDisconnect(): (then?: 'connect-screen' | 'stay') => Promise<void> {
  const api = useApi();
  const queryClient = useQueryClient();
  return useCallback(
    async (then = 'connect-screen') => {
      const { connection, setConnection } = useSession.getState();
      if (!connection) return;
      await api.call('connection.disconnect', { connectionId: connection.connectionId }).catch(() => undefined);
      queryClient.removeQueries({ queryKey: ['cluster', connection.connectionId] });
      setConnection(null);
      if (then === 'connect-screen') navigate(['connect']);
    },
    [api, queryClient],
  );
}
