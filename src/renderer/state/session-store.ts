import { useContext } from 'react';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ConnectionInfo } from '../../shared/api';
import type { SocketStatus } from '../api/ws-transport';
import { ConnectionScope } from './connection-scope';

interface SessionState {
  /** The cluster this window shows (the active one of clusters-store's open clusters), or null on the connect screen. */
  connection: ConnectionInfo | null;
  /** Browser mode only: the socket to the local server. */
  serverStatus: SocketStatus | 'ipc';
  /** Bootstrap addresses used before, newest first (persisted; never secrets). */
  recentBootstraps: string[];
  setConnection(connection: ConnectionInfo | null): void;
  setServerStatus(status: SessionState['serverStatus']): void;
  rememberBootstrap(bootstrap: string): void;
}

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      connection: null,
      serverStatus: 'ipc',
      recentBootstraps: [],
      setConnection: (connection) => set({ connection }),
      setServerStatus: (serverStatus) => set({ serverStatus }),
      rememberBootstrap: (bootstrap) =>
        set((s) => ({ recentBootstraps: [bootstrap, ...s.recentBootstraps.filter((b) => b !== bootstrap)].slice(0, 8) })),
    }),
    {
      name: 'kafka-explorer.session',
      partialize: (s) => ({ recentBootstraps: s.recentBootstraps }),
    },
  ),
);

/**
 * The connection id of the page's cluster (its ConnectionScope, else the active one); features
 * render only when connected, so this throws otherwise.
 */
export function useConnectionId(): string {
  const scoped = useContext(ConnectionScope);
  const active = useSession((s) => s.connection?.connectionId);
  const id = scoped?.connectionId ?? active;
  if (!id) throw new Error('not connected');
  return id;
}
