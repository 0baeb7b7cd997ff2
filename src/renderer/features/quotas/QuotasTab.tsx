import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeEntity, QUOTA_KEYS, type QuotaEntry } from '../../../shared/quotas/resolve';
import { useApi } from '../../api/ApiProvider';
import { ActionOutcome } from '../../components/ActionOutcome';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useAction } from '../../lib/use-action';
import { useConnectionId } from '../../state/session-store';
import { useReadOnly } from '../../state/use-read-only';
import { QUOTA_LABELS, quotaText } from './format';
import { QuotaForm } from './QuotaForm';
import { QuotaResolver } from './QuotaResolver';
import './quotas.css';
import { ConfirmBar } from '../../components/ConfirmBar';

const keyOf = (e: QuotaEntry) => describeEntity(e.entity);

/** Client quotas for users, client ids, their defaults and combinations; a resolver for who gets which. */
export function QuotasTab() {
  const api = useApi();
  const connectionId = useConnectionId();
  const readOnly = useReadOnly();
  const client = useQueryClient();
  const queryKey = ['cluster', connectionId, 'quotas'];
  const quotas = useQuery({ queryKey, queryFn: ({ signal }) => api.call('quotas.list', { connectionId }, { signal }) });
  const [editing, setEditing] = useState<QuotaEntry | 'new' | null>(null);
  const [deleting, setDeleting] = useState<QuotaEntry | null>(null);
  const action = useAction();
  const reload = () => void client.invalidateQueries({ queryKey });
  const remove = (entry: QuotaEntry) =>
    action.run(async () => {
      await api.call('quotas.alter', { connectionId, entity: entry.entity, values: Object.fromEntries(Object.keys(entry.values).map((k) => [k, null])) });
      setDeleting(null);
      reload();
      return `Removed the quotas of ${describeEntity(entry.entity)}.`;
    });
  const entries = quotas.data?.entries ?? [];
  return (
    <div className="quotas-tab">
      <div className="form-row">
        <h2>Client quotas</h2>
        <span className="text-muted">{entries.length} entit{entries.length === 1 ? 'y' : 'ies'}</span>
        <span className="spacer" />
        {!readOnly && (
          <button type="button" className="button" onClick={() => setEditing('new')}>
            New quota…
          </button>
        )}
      </div>
      {editing && <QuotaForm key={editing === 'new' ? 'new' : keyOf(editing)} connectionId={connectionId} editing={editing === 'new' ? null : editing} onDone={() => (setEditing(null), reload())} />}
      {quotas.isLoading && <Loading />}
      <ErrorMessage error={quotas.error} title="Could not read the quotas" />
      {quotas.data && (
        <table className="plain-table" aria-label="Client quotas">
          <thead>
            <tr>
              <th>Entity</th>
              {QUOTA_KEYS.map((k) => (
                <th key={k}>{QUOTA_LABELS[k]}</th>
              ))}
              {!readOnly && <th className="sr-only">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 && (
              <tr>
                <td colSpan={6} className="text-muted">
                  No client quotas: every client may use what the brokers give it.
                </td>
              </tr>
            )}
            {entries.map((e) => (
              <tr key={keyOf(e)}>
                <td className="mono">{describeEntity(e.entity)}</td>
                {QUOTA_KEYS.map((k) => (
                  <td key={k} className="mono">
                    {quotaText(k, e.values[k])}
                  </td>
                ))}
                {!readOnly && (
                  <td>
                    <button type="button" className="button small" aria-label={`Edit ${keyOf(e)}`} onClick={() => setEditing(e)}>
                      Edit
                    </button>{' '}
                    <button type="button" className="button small danger" aria-label={`Delete ${keyOf(e)}`} onClick={() => setDeleting(e)}>
                      Delete
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deleting && (
        <ConfirmBar label="Confirm delete" confirm="Delete" keep="Keep" busy={action.busy} onConfirm={() => remove(deleting)} onKeep={() => setDeleting(null)}>
          Remove every quota of {describeEntity(deleting.entity)}? Its clients fall back to the next entity in Kafka’s order, or to no limit.
        </ConfirmBar>
      )}
      <ActionOutcome action={action} failedTitle="The quotas were not removed" />
      <QuotaResolver entries={entries} />
    </div>
  );
}
