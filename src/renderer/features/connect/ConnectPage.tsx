import { useCallback, useState, type FormEvent } from 'react';
import { splitBrokerList } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';
import { ErrorMessage } from '../../components/ErrorMessage';
import { navigate } from '../../app/router';
import { useSession } from '../../state/session-store';
import { useAutoConnect } from './use-auto-connect';

/** First screen: a bootstrap address (several, comma-separated) and a read-only switch. */
export function ConnectPage() {
  const api = useApi();
  const { recentBootstraps, rememberBootstrap, setConnection } = useSession();
  const [bootstrap, setBootstrap] = useState(recentBootstraps[0] ?? 'localhost:9092');
  const [readOnly, setReadOnly] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const open = useCallback(
    async (brokers: string[], options: { readOnly: boolean; name?: string }) => {
      setBusy(true);
      setError(null);
      try {
        const info = await api.call('connection.connect', { config: { brokers, readOnly: options.readOnly, name: options.name } });
        rememberBootstrap(brokers.join(','));
        setConnection(info);
        navigate(['overview']);
      } catch (e) {
        setError(e);
      } finally {
        setBusy(false);
      }
    },
    [api, rememberBootstrap, setConnection],
  );

  useAutoConnect(
    useCallback(
      (target) => {
        setBootstrap(target.brokers.join(','));
        void open(target.brokers, { readOnly: false, name: target.name });
      },
      [open],
    ),
  );

  function connect(event: FormEvent) {
    event.preventDefault();
    void open(splitBrokerList(bootstrap), { readOnly });
  }

  return (
    <div className="connect-page">
      <form className="connect-card" onSubmit={connect} aria-label="Connect to a Kafka cluster">
        <div className="connect-card__brand">
          <img src="./icon.svg" alt="" width={40} height={40} />
          <div>
            <h1>Kafka Explorer</h1>
            <p>Connect to a cluster to browse brokers, topics, messages and consumer groups.</p>
          </div>
        </div>
        <label className="field">
          <span>Bootstrap servers</span>
          <input
            name="bootstrap"
            value={bootstrap}
            onChange={(e) => setBootstrap(e.target.value)}
            placeholder="host:9092, host2:9092"
            spellCheck={false}
            autoFocus
            list="recent-bootstraps"
          />
          <datalist id="recent-bootstraps">
            {recentBootstraps.map((b) => (
              <option key={b} value={b} />
            ))}
          </datalist>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} />
          <span>Read-only (refuse every change to the cluster)</span>
        </label>
        <button type="submit" className="button primary" disabled={busy || bootstrap.trim() === ''}>
          {busy ? 'Connecting…' : 'Connect'}
        </button>
        {error !== null && <ErrorMessage error={error} title="Could not connect" />}
      </form>
    </div>
  );
}
