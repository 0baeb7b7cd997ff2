import { create } from 'zustand';
import type { ConnectionInfo } from '../../shared/api';
import { clusterHash, clusterKeyOf } from '../app/cluster-link';
import { forgetMessageStream } from '../features/messages/message-stream-store';
import { useSession } from './session-store';

/** A deep link to a cluster this window has not connected; the connect screen explains it. */
export interface PendingLink {
  /** The cluster key the link names (profile id or `~bootstrap`). */
  key: string;
  /** Why it is not open yet: connecting through its profile, or the user has to connect. */
  state: 'connecting' | 'needs-connect' | 'failed';
  error?: unknown;
}

interface ClustersState {
  /** Every cluster open in this window, in the order they were connected (Ctrl+1..9 follow it). */
  open: ConnectionInfo[];
  /** The one shown; the others keep their pages, caches and reads running, hidden. */
  activeId: string | null;
  /** Each cluster's last page (`topics/orders/messages?…`, without the cluster prefix). */
  lastPage: Record<string, string>;
  /** The connect screen is shown over the open clusters ("Connect another…"). */
  adding: boolean;
  pendingLink: PendingLink | null;
  setAdding(adding: boolean): void;
  setPendingLink(link: PendingLink | null): void;
  rememberPage(connectionId: string, page: string): void;
  /** Replaces what the window knows about an open connection (e.g. it was saved as a profile). */
  update(info: ConnectionInfo): void;
}

export const useClusters = create<ClustersState>()((set) => ({
  open: [],
  activeId: null,
  lastPage: {},
  adding: false,
  pendingLink: null,
  setAdding: (adding) => set({ adding }),
  setPendingLink: (pendingLink) => set({ pendingLink }),
  rememberPage: (connectionId, page) => set((s) => (s.lastPage[connectionId] === page ? s : { lastPage: { ...s.lastPage, [connectionId]: page } })),
  update: (info) => {
    set((s) => ({ open: s.open.map((c) => (c.connectionId === info.connectionId ? info : c)) }));
    if (useSession.getState().connection?.connectionId === info.connectionId) useSession.getState().setConnection(info);
  },
}));

/** The open cluster a link key names, if any. */
export function openClusterByKey(key: string): ConnectionInfo | undefined {
  return useClusters.getState().open.find((c) => clusterKeyOf(c) === key);
}

/** Shows another open cluster (keeps the one left as it is). */
export function activateCluster(connectionId: string): void {
  const info = useClusters.getState().open.find((c) => c.connectionId === connectionId);
  if (info && useSession.getState().connection?.connectionId !== connectionId) useSession.getState().setConnection(info);
}

/** Forgets a closed connection (and its message buffer); the next open one (the last connected) becomes active, or none. */
export function removeCluster(connectionId: string): ConnectionInfo | null {
  forgetMessageStream(connectionId);
  const { open, activeId, lastPage } = useClusters.getState();
  const rest = open.filter((c) => c.connectionId !== connectionId);
  const { [connectionId]: _gone, ...pages } = lastPage;
  const next = activeId === connectionId ? (rest[rest.length - 1] ?? null) : (rest.find((c) => c.connectionId === activeId) ?? null);
  useClusters.setState({ open: rest, lastPage: pages, activeId: next?.connectionId ?? null });
  if (useSession.getState().connection?.connectionId !== next?.connectionId) useSession.getState().setConnection(next);
  return next;
}

/**
 * session-store's `connection` stays "the connection the window shows", which the rest of the
 * app (and other features: connection health, the connect screen) reads and sets. This store
 * follows it: a new connection there joins the open clusters and becomes active; null (the
 * active one was disconnected or lost) closes the active one and shows the next.
 */
useSession.subscribe((state, previous) => {
  const info = state.connection;
  if (info === previous.connection) return;
  const clusters = useClusters.getState();
  if (info === null) {
    if (!clusters.activeId) return;
    // The active connection went away (e.g. lost): show the next one where it was left, not a link to the closed one.
    const next = removeCluster(clusters.activeId);
    window.location.hash = next ? clusterHash(clusterKeyOf(next), useClusters.getState().lastPage[next.connectionId] ?? 'overview') : '#/connect';
    return;
  }
  const known = clusters.open.some((c) => c.connectionId === info.connectionId);
  useClusters.setState({
    open: known ? clusters.open.map((c) => (c.connectionId === info.connectionId ? info : c)) : [...clusters.open, info],
    activeId: info.connectionId,
    adding: false,
  });
});
