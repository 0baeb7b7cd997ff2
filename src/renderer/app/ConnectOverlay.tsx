import { ErrorMessage } from '../components/ErrorMessage';
import { ConnectPage } from '../features/connect/ConnectPage';
import { useProfiles } from '../features/connect/profile-queries';
import { useClusters } from '../state/clusters-store';
import { useSession } from '../state/session-store';
import { bootstrapOfKey } from './cluster-link';
import { switchToCluster } from './cluster-navigation';
import { replaceHash } from './router';
import './clusters.css';

/**
 * The connect screen as the window shows it with clusters open ("Connect another…") or for a
 * link to a cluster this window has not connected: a line says which, with a way back.
 */
export function ConnectOverlay() {
  const pending = useClusters((s) => s.pendingLink);
  const active = useSession((s) => s.connection);
  const profiles = useProfiles();

  function back() {
    useClusters.setState({ adding: false, pendingLink: null });
    if (active) switchToCluster(active);
    else replaceHash('#/connect');
  }

  const profileName = pending ? profiles.data?.profiles.find((p) => p.id === pending.key)?.name : undefined;
  const bootstrap = pending ? bootstrapOfKey(pending.key) : null;
  return (
    <>
      {pending && (
        <div className="link-banner link-banner--warn" role="status" data-testid="link-banner">
          {pending.state === 'connecting' && <span>Opening the link: connecting to “{profileName ?? pending.key}”…</span>}
          {pending.state === 'needs-connect' && (
            <span>
              This link is for <code>{bootstrap ?? pending.key}</code>, which this window is not connected to. Connect to it (Quick connect) to open the page.
            </span>
          )}
          {pending.state === 'failed' && (
            <div>
              <span>
                This link is for the cluster “{profileName ?? pending.key}”, which could not be opened
                {profiles.data && !profileName ? ': no saved profile has this id (it may have been deleted, or saved on another machine).' : '.'}
              </span>
              <ErrorMessage error={pending.error} title="Could not connect" />
            </div>
          )}
          <span className="spacer" />
          <button type="button" className="button small" onClick={back}>
            {active ? `Back to ${active.name}` : 'Dismiss'}
          </button>
        </div>
      )}
      {!pending && active && (
        <div className="link-banner" role="status">
          <span>Connect another cluster; the ones open stay open.</span>
          <span className="spacer" />
          <button type="button" className="button small" onClick={back}>
            Back to {active.name}
          </button>
        </div>
      )}
      <ConnectPage />
    </>
  );
}
