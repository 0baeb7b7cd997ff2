import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AclBinding, ScramUserInfo } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';
import { ActionOutcome } from '../../components/ActionOutcome';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useAction } from '../../lib/use-action';
import { useConnectionId } from '../../state/session-store';
import { useReadOnly } from '../../state/use-read-only';
import '../quotas/quotas.css';
import { ConfirmBar } from '../../components/ConfirmBar';

type Mechanism = ScramUserInfo['credentials'][number]['mechanism'];

/** The ACLs naming a user, in one line each; null when the cluster has no authorizer or they cannot be read. */
function useAclsByUser(connectionId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['cluster', connectionId, 'acls', 'by-user'],
    queryFn: ({ signal }) => api.call('acls.list', { connectionId, filter: {} }, { signal }),
    retry: false,
  });
}

const aclLine = (a: AclBinding) => `${a.permission} ${a.operation} on ${a.resourceType.toLowerCase()} ${a.patternType === 'PREFIXED' ? `${a.resourceName}*` : a.resourceName}`;

/** SCRAM users: list with mechanisms and iterations and the ACLs naming each; add, change and delete credentials. */
export function ScramUsersTab() {
  const api = useApi();
  const connectionId = useConnectionId();
  const readOnly = useReadOnly();
  const client = useQueryClient();
  const queryKey = ['cluster', connectionId, 'scram-users'];
  const users = useQuery({ queryKey, queryFn: ({ signal }) => api.call('scram.users', { connectionId }, { signal }) });
  const acls = useAclsByUser(connectionId);
  const [user, setUser] = useState('');
  const [mechanism, setMechanism] = useState<Mechanism>('SCRAM-SHA-512');
  const [password, setPassword] = useState('');
  const [iterations, setIterations] = useState(8_192);
  const [deleting, setDeleting] = useState<{ user: string; mechanism: Mechanism } | null>(null);
  const action = useAction();
  const reload = () => void client.invalidateQueries({ queryKey });
  const save = () =>
    action.run(async () => {
      await api.call('scram.alter', { connectionId, upserts: [{ user: user.trim(), mechanism, iterations, password }] });
      setPassword('');
      reload();
      return `Saved the ${mechanism} credential of ${user.trim()}.`;
    });
  const remove = (d: { user: string; mechanism: Mechanism }) =>
    action.run(async () => {
      await api.call('scram.alter', { connectionId, deletions: [d] });
      setDeleting(null);
      reload();
      return `Deleted the ${d.mechanism} credential of ${d.user}: it can no longer log in with it.`;
    });
  const aclsOf = (name: string) => acls.data?.acls.filter((a) => a.principal === `User:${name}`) ?? null;

  return (
    <div className="quotas-tab">
      <div className="form-row">
        <h2>SCRAM users</h2>
        {users.data && <span className="text-muted">{users.data.length} users</span>}
      </div>
      {!readOnly && (
        <form
          className="form-row pending-changes"
          aria-label="Add or change a credential"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label className="field">
            <span>User</span>
            <input aria-label="User" value={user} onChange={(e) => setUser(e.target.value)} spellCheck={false} autoComplete="off" />
          </label>
          <label className="field">
            <span>Mechanism</span>
            <select aria-label="Mechanism" value={mechanism} onChange={(e) => setMechanism(e.target.value as Mechanism)}>
              <option>SCRAM-SHA-256</option>
              <option>SCRAM-SHA-512</option>
            </select>
          </label>
          <label className="field">
            <span>Password</span>
            <input aria-label="Password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
          </label>
          <label className="field">
            <span>Iterations</span>
            <input aria-label="Iterations" type="number" min={4_096} max={16_384} value={iterations} onChange={(e) => setIterations(Number(e.target.value))} />
          </label>
          <button type="submit" className="button primary" disabled={!user.trim() || !password || action.busy}>
            Save credential
          </button>
        </form>
      )}
      {users.isLoading && <Loading />}
      <ErrorMessage error={users.error} title="Could not read the SCRAM users" />
      {users.data && (
        <table className="plain-table" aria-label="SCRAM users">
          <thead>
            <tr>
              <th>User</th>
              <th>Credentials</th>
              <th>ACLs naming User:{'<name>'}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => {
              const named = aclsOf(u.user);
              return (
                <tr key={u.user}>
                  <td className="mono">{u.user}</td>
                  <td>
                    {u.credentials.map((c) => (
                      <div key={c.mechanism} className="mono">
                        {c.mechanism} · {c.iterations} iterations{' '}
                        {!readOnly && (
                          <button type="button" className="button small danger" aria-label={`Delete ${c.mechanism} of ${u.user}`} onClick={() => setDeleting({ user: u.user, mechanism: c.mechanism })}>
                            Delete
                          </button>
                        )}
                      </div>
                    ))}
                  </td>
                  <td>{named === null ? <span className="text-muted">{acls.error ? 'ACLs not readable here' : '…'}</span> : named.length === 0 ? <span className="text-muted">none</span> : named.map((a, i) => <div key={i} className="mono">{aclLine(a)}</div>)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {deleting && (
        <ConfirmBar label="Confirm delete" confirm="Delete" keep="Keep" busy={action.busy} onConfirm={() => remove(deleting)} onKeep={() => setDeleting(null)}>
          Delete the {deleting.mechanism} credential of {deleting.user}? Clients logging in with it are refused from then on.
        </ConfirmBar>
      )}
      <ActionOutcome action={action} failedTitle="The credential was not changed" />
    </div>
  );
}
