import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../api/ApiProvider';
import { ErrorMessage } from '../components/ErrorMessage';
import { profilesKey } from '../features/connect/profile-queries';
import { useClusters } from '../state/clusters-store';
import { useSession } from '../state/session-store';
import { absoluteLink, clusterHash, clusterKeyOf, pagePath } from './cluster-link';
import { replaceHash, useRoute } from './router';

/** Copies the address of the page on screen (cluster, topic, partition, offset, group): pasted into another tab or window, it reopens it. */
export function CopyLinkButton() {
  useRoute(); // re-render on navigation so `data-link` is always the current page
  const [copied, setCopied] = useState(false);
  const link = absoluteLink(window.location, window.location.hash);
  async function copy() {
    await navigator.clipboard?.writeText(link).catch(() => undefined);
    setCopied(true);
    window.setTimeout(() => setCopied(false), 1500);
  }
  return (
    <button type="button" className="button small" data-link={link} title={`Copy a link to this page: ${link}`} onClick={() => void copy()}>
      {copied ? 'Link copied' : 'Copy link'}
    </button>
  );
}

/**
 * "Save as profile" for a connection without one (quick connect, the demo): one click, main
 * copies its settings (secrets to the secret store). Afterwards the window's links name the
 * new profile, so they reconnect by themselves.
 */
export function SaveAsProfileButton() {
  const api = useApi();
  const queryClient = useQueryClient();
  const connection = useSession((s) => s.connection);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!connection || connection.profileId) return null;

  async function save() {
    if (!connection) return;
    setBusy(true);
    setError(null);
    try {
      const profile = await api.call('profiles.saveConnection', { connectionId: connection.connectionId, name: connection.name });
      const saved = { ...connection, profileId: profile.id, color: profile.color };
      useClusters.getState().update(saved);
      replaceHash(clusterHash(clusterKeyOf(saved), pagePath(window.location.hash)));
      void queryClient.invalidateQueries({ queryKey: profilesKey });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button small" disabled={busy} onClick={() => void save()} title="Save this connection's settings as a profile, to reconnect in one click and open links to it">
        {busy ? 'Saving…' : 'Save as profile'}
      </button>
      {error !== null && (
        <div className="popover-error">
          <ErrorMessage error={error} title="Could not save the profile" />
        </div>
      )}
    </>
  );
}

/** The connection bar's actions for the cluster on screen. */
export function ClusterActions() {
  return (
    <>
      <CopyLinkButton />
      <SaveAsProfileButton />
    </>
  );
}
