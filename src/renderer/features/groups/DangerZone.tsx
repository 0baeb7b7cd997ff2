import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { GroupDetail } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';
import { navigate } from '../../app/router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useReadOnly } from '../../state/use-read-only';
import { groupKeys } from './queries';

/** Forget one topic's offsets, or delete the group: both typed-confirmed, both refused by main on read-only connections. */
export function DangerZone({ connectionId, group }: { connectionId: string; group: GroupDetail }) {
  const api = useApi();
  const client = useQueryClient();
  const readOnly = useReadOnly();
  const [topic, setTopic] = useState(group.topics[0] ?? '');
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  if (readOnly) return null;
  const confirmed = typed === group.groupId;
  const run = async (work: () => Promise<void>, message: string) => {
    setError(null);
    try {
      await work();
      setDone(message);
      setTyped('');
      await client.invalidateQueries({ queryKey: groupKeys.list(connectionId) });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="group-section danger-zone" aria-label="Delete">
      <h2>Delete</h2>
      <label className="field">
        <span>Type the group id to confirm</span>
        <input aria-label="Confirm group id" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={group.groupId} />
      </label>
      <div className="form-row">
        <select aria-label="Topic to forget" value={topic} onChange={(e) => setTopic(e.target.value)}>
          {group.topics.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <button type="button" className="button danger" disabled={!confirmed || !topic} onClick={() => run(() => api.call('groups.deleteOffsets', { connectionId, groupId: group.groupId, topic }), `Offsets for ${topic} deleted.`)}>
          Delete offsets for this topic
        </button>
        <button
          type="button"
          className="button danger solid"
          disabled={!confirmed}
          onClick={() =>
            run(async () => {
              await api.call('groups.delete', { connectionId, groupId: group.groupId });
              navigate(['groups']);
            }, 'Group deleted.')
          }
        >
          Delete group
        </button>
      </div>
      {done && <div role="status">{done}</div>}
      <ErrorMessage error={error} title="Not deleted" />
    </section>
  );
}
