import { useCallback, useState } from 'react';
import type { ConnectionInfo, ProfileView } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';
import { ErrorMessage } from '../../components/ErrorMessage';
import { showConnected } from '../../app/cluster-navigation';
import { useSession } from '../../state/session-store';
import { ImportPanel } from './ImportPanel';
import { ProfileForm } from './ProfileForm';
import { ProfileList } from './ProfileList';
import { QuickConnect, type QuickConnectOptions } from './QuickConnect';
import { emptyForm, formFromImport, formFromProfile, type ProfileFormState } from './profile-form-state';
import { useDeleteProfile, useProfiles } from './profile-queries';
import './connect.css';
import { useEscape } from '../commands/use-escape';

type Panel =
  | { kind: 'quick' }
  | { kind: 'edit'; form: ProfileFormState; saved?: ProfileView; notice?: string[] }
  | { kind: 'import' }
  | { kind: 'export'; name: string; fileName: string; text: string };

/** First screen: saved clusters on the left; quick connect, the profile form, import or export on the right. */
export function ConnectPage() {
  const api = useApi();
  const { rememberBootstrap } = useSession();
  const profiles = useProfiles();
  const deleteProfile = useDeleteProfile();
  const [panel, setPanel] = useState<Panel>({ kind: 'quick' });
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Escape closes the export panel (the import panel registers itself).
  useEscape(() => setPanel({ kind: 'quick' }), panel.kind === 'export');

  // Joins the clusters open in this window (others stay open) and shows it.
  const connected = useCallback((info: ConnectionInfo) => showConnected(info), []);

  const quickConnect = useCallback(
    async (brokers: string[], options: QuickConnectOptions) => {
      setBusyId('quick');
      setError(null);
      try {
        const schemaRegistry = options.registryUrl ? { schemaRegistry: { urls: [options.registryUrl] } } : {};
        const connect = options.connectUrl ? { connectClusters: [{ name: 'demo', url: options.connectUrl }] } : {};
        const info = await api.call('connection.connect', { config: { brokers, readOnly: options.readOnly, name: options.name, ...schemaRegistry, ...connect } });
        rememberBootstrap(brokers.join(','));
        connected(info);
      } catch (e) {
        setError(e);
      } finally {
        setBusyId(null);
      }
    },
    [api, rememberBootstrap, connected],
  );

  async function connectProfile(p: ProfileView) {
    setBusyId(p.id);
    setError(null);
    try {
      connected(await api.call('profiles.connect', { id: p.id }));
    } catch (e) {
      setError(e);
    } finally {
      setBusyId(null);
    }
  }

  async function exportProfile(p: ProfileView) {
    try {
      const out = await api.call('profiles.export', { id: p.id });
      setPanel({ kind: 'export', name: p.name, ...out });
    } catch (e) {
      setError(e);
    }
  }

  function remove(p: ProfileView) {
    if (!window.confirm(`Delete the profile “${p.name}” and its stored secrets?`)) return;
    deleteProfile.mutate(p.id);
    if (panel.kind === 'edit' && panel.saved?.id === p.id) setPanel({ kind: 'quick' });
  }

  return (
    <div className="connect-page connect-page--profiles">
      <div className="connect-layout">
        <section className="connect-panel profiles-panel" aria-label="Saved clusters">
          <div className="connect-card__brand">
            <img src="./icon.svg" alt="" width={36} height={36} />
            <div>
              <h1>Kafka Explorer</h1>
              <p>Connect to a cluster to browse brokers, topics, messages and consumer groups.</p>
            </div>
          </div>
          <div className="profiles-panel__head">
            <h2>Saved clusters</h2>
            <span className="spacer" />
            <button type="button" className="button small" onClick={() => setPanel({ kind: 'import' })}>
              Import…
            </button>
            <button type="button" className="button small primary" onClick={() => setPanel({ kind: 'edit', form: emptyForm() })}>
              New profile
            </button>
          </div>
          {profiles.error && <ErrorMessage error={profiles.error} title="Could not read the saved profiles" />}
          <ProfileList
            profiles={profiles.data?.profiles ?? []}
            busyId={busyId}
            onConnect={(p) => void connectProfile(p)}
            onEdit={(p) => setPanel({ kind: 'edit', form: formFromProfile(p), saved: p })}
            onDelete={remove}
            onExport={(p) => void exportProfile(p)}
          />
          {error !== null && <ErrorMessage error={error} title="Could not connect" />}
        </section>

        <section className="connect-panel">
          {panel.kind === 'quick' && <QuickConnect busy={busyId !== null} onConnect={(b, o) => void quickConnect(b, o)} />}
          {panel.kind === 'edit' && (
            <ProfileForm
              key={panel.saved?.id ?? 'new'}
              initial={panel.form}
              saved={panel.saved}
              notice={panel.notice}
              secretStorage={profiles.data?.secretStorage}
              onDone={() => setPanel({ kind: 'quick' })}
            />
          )}
          {panel.kind === 'import' && (
            <ImportPanel onCancel={() => setPanel({ kind: 'quick' })} onImported={(imported) => setPanel({ kind: 'edit', form: formFromImport(imported), notice: imported.ignored })} />
          )}
          {panel.kind === 'export' && (
            <div className="profile-form" role="region" aria-label={`Export ${panel.name}`}>
              <h2>{panel.fileName}</h2>
              <p className="text-muted">Java client settings for “{panel.name}”. Secrets are not exported; fill in the placeholders.</p>
              <textarea className="mono" rows={14} readOnly value={panel.text} aria-label="Exported properties" />
              <div className="profile-form__actions">
                <span className="spacer" />
                <button type="button" className="button" onClick={() => void navigator.clipboard?.writeText(panel.text)}>
                  Copy
                </button>
                <button type="button" className="button primary" onClick={() => setPanel({ kind: 'quick' })}>
                  Done
                </button>
              </div>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
