import { useContext } from 'react';
import { ConnectionScope } from '../../state/connection-scope';
import { useSession } from '../../state/session-store';

const none: string[] = [];

/** Names of the Kafka Connect clusters the page's connection names (none: no Connect page). */
export function useConnectClusters(): string[] {
  const scoped = useContext(ConnectionScope);
  const active = useSession((s) => s.connection?.connectClusters);
  return (scoped ? scoped.connectClusters : active) ?? none;
}
