import type { ConnectorState } from '../../../shared/api';

const TONE: Record<ConnectorState, string> = { RUNNING: 'good', PAUSED: 'warn', STOPPED: 'muted', FAILED: 'bad', UNASSIGNED: 'warn', RESTARTING: 'warn', UNKNOWN: 'muted' };

/** A connector's or task's state in its colour; the word is always there, so colour is never the only sign. */
export function ConnectorStateBadge({ state }: { state: ConnectorState }) {
  return (
    <span className={`badge ${TONE[state]}`} style={{ marginLeft: 0 }} data-state={state}>
      {state}
    </span>
  );
}
