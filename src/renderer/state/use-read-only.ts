import { useContext } from 'react';
import { ConnectionScope } from './connection-scope';
import { useSession } from './session-store';

/**
 * True when the current connection is read-only. Write actions hide or disable themselves
 * with it; main refuses writes anyway, this only keeps the UI honest.
 */
export function useReadOnly(): boolean {
  const scoped = useContext(ConnectionScope);
  const active = useSession((s) => s.connection?.readOnly ?? false);
  return scoped ? scoped.readOnly : active;
}
