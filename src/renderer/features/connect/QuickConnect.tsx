import { useCallback, useState, type FormEvent } from 'react';
import { splitBrokerList } from '../../../shared/api';
import { useSession } from '../../state/session-store';
import { useClusters } from '../../state/clusters-store';
import { bootstrapOfKey } from '../../app/cluster-link';
import { useAutoConnect } from './use-auto-connect';

export interface QuickConnectOptions {
  readOnly: boolean;
  name?: string;
  /** Decode schema-encoded data with this registry (no authentication). */
  registryUrl?: string;
  /** The demo's Kafka Connect worker (named "demo"). */
  connectUrl?: string;
}

/** Connect to an address without saving a profile (plaintext), with a read-only switch. */
export function QuickConnect({ busy, onConnect }: { busy: boolean; onConnect(brokers: string[], options: QuickConnectOptions): void }) {
  const recentBootstraps = useSession((s) => s.recentBootstraps);
  // A link to a cluster not connected yet names its address: offered here, never connected to by itself.
  const linked = useClusters((s) => (s.pendingLink ? bootstrapOfKey(s.pendingLink.key) : null));
  const [bootstrap, setBootstrap] = useState(linked ?? recentBootstraps[0] ?? 'localhost:9092');
  const [readOnly, setReadOnly] = useState(false);
  const [registry, setRegistry] = useState('');

  useAutoConnect(
    useCallback(
      (target) => {
        setBootstrap(target.brokers.join(','));
        if (target.registryUrl) setRegistry(target.registryUrl);
        onConnect(target.brokers, { readOnly: false, name: target.name, ...(target.registryUrl ? { registryUrl: target.registryUrl } : {}), ...(target.connectUrl ? { connectUrl: target.connectUrl } : {}) });
      },
      [onConnect],
    ),
  );

  function connect(event: FormEvent) {
    event.preventDefault();
    onConnect(splitBrokerList(bootstrap), { readOnly, ...(registry.trim() ? { registryUrl: registry.trim() } : {}) });
  }

  return (
    <form className="quick-connect" onSubmit={connect} aria-label="Connect to a Kafka cluster">
      <h2>Quick connect</h2>
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
      <label className="field">
        <span>Schema Registry URL (optional)</span>
        <input name="registry" value={registry} onChange={(e) => setRegistry(e.target.value)} placeholder="http://localhost:8081" spellCheck={false} />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={readOnly} onChange={(e) => setReadOnly(e.target.checked)} />
        <span>Read-only (refuse every change to the cluster)</span>
      </label>
      <button type="submit" className="button primary" disabled={busy || bootstrap.trim() === ''}>
        {busy ? 'Connecting…' : 'Connect'}
      </button>
      <small className="text-muted">Plaintext, no authentication. For SASL or TLS, save a profile.</small>
    </form>
  );
}
