import { useState } from 'react';
import { describeEntity, resolveQuotas, type QuotaEntry } from '../../../shared/quotas/resolve';
import { QUOTA_LABELS, quotaText } from './format';

/** For a user and a client id: which quota applies to each type, from which entity, and who shares it. */
export function QuotaResolver({ entries }: { entries: QuotaEntry[] }) {
  const [user, setUser] = useState('');
  const [clientId, setClientId] = useState('');
  const ready = user.trim() !== '' && clientId.trim() !== '';
  const resolved = ready ? resolveQuotas(entries, user.trim(), clientId.trim()) : [];
  return (
    <section className="quota-resolver" aria-label="Quota resolver">
      <h2>Which quota applies?</h2>
      <p className="text-muted">
        Kafka takes, per quota type, the first entity that sets it: user + client id, user + default client id, user, default user + client id, default user + default client id,
        default user, client id, default client id. The user is the principal’s name (ANONYMOUS without authentication).
      </p>
      <div className="form-row">
        <label className="field">
          <span>User</span>
          <input aria-label="Resolve for user" value={user} onChange={(e) => setUser(e.target.value)} spellCheck={false} placeholder="alice" />
        </label>
        <label className="field">
          <span>Client id</span>
          <input aria-label="Resolve for client id" value={clientId} onChange={(e) => setClientId(e.target.value)} spellCheck={false} placeholder="payments-app" />
        </label>
      </div>
      {ready && (
        <table className="plain-table" aria-label="Applied quotas">
          <thead>
            <tr>
              <th>Quota</th>
              <th>Limit</th>
              <th>From</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {resolved.map((r) => (
              <tr key={r.key}>
                <td>{QUOTA_LABELS[r.key as keyof typeof QUOTA_LABELS]}</td>
                <td className="mono">{r.value === null ? 'not limited' : quotaText(r.key, r.value)}</td>
                <td className="mono">{r.entity ? describeEntity(r.entity) : '—'}</td>
                <td>{r.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

