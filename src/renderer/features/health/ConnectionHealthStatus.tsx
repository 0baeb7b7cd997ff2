import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { useConnectionHealth, useHealthStore } from '../../state/health-store';
import { healthText } from './health-text';
import { useNow } from './use-now';
import './connection-health.css';

/**
 * The connection's health in the connection bar: a dot and a word while all is well; while some
 * or all brokers do not answer, which ones and why, when main retries next, and *Retry now*.
 */
export function ConnectionHealthStatus({ connectionId }: { connectionId: string }) {
  const api = useApi();
  const health = useConnectionHealth(connectionId);
  const state = health?.state ?? 'connected';
  const now = useNow(state === 'lost');
  const [retrying, setRetrying] = useState(false);
  const { label, detail } = healthText(health, now);

  async function retryNow() {
    setRetrying(true);
    try {
      useHealthStore.getState().onHealth(await api.call('connection.retry', { connectionId }));
    } catch {
      // The next pushed health says how it went.
    } finally {
      setRetrying(false);
    }
  }

  return (
    <span className={`connection-health connection-health--${state}`} data-testid="connection-health" data-state={state} role="status" aria-live="polite" title={detail ?? undefined}>
      <span className="connection-health__dot" aria-hidden />
      <span className="connection-health__label">{label}</span>
      {detail && state !== 'recovered' && <span className="connection-health__detail">{detail}</span>}
      {(state === 'lost' || state === 'degraded') && (
        <button type="button" className="button small" onClick={() => void retryNow()} disabled={retrying}>
          {retrying ? 'Retrying…' : 'Retry now'}
        </button>
      )}
    </span>
  );
}
