import { useSession } from '../../state/session-store';
import { clockTime } from './use-now';
import { useStaleSince } from './use-stale-since';
import './connection-health.css';

/** "Stale · as of 21:31:05" beside a page's title while the cluster does not answer; nothing otherwise. */
export function StaleMark() {
  const connectionId = useSession((s) => s.connection?.connectionId);
  const since = useStaleSince(connectionId);
  if (since === null) return null;
  return (
    <span className="stale-mark" data-testid="stale-mark" data-as-of={since} title="The cluster does not answer: this page shows what it read last, and reloads when the cluster is back.">
      Stale · as of {clockTime(since)}
    </span>
  );
}
