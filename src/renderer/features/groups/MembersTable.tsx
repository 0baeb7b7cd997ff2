import type { GroupDetail } from '../../../shared/api';

type Assignment = GroupDetail['members'][number]['assignment'];

const text = (a: Assignment) => a.map((t) => `${t.topic}: ${t.partitions.join(', ') || '—'}`).join(' · ') || '—';

/**
 * The members of a KIP-848 consumer group or a share group as the broker knows them: epoch,
 * subscription, current assignment and (consumer groups) the target it reconciles towards.
 */
export function MembersTable({ group }: { group: GroupDetail }) {
  if (group.members.length === 0) return null;
  const hasTarget = group.members.some((m) => m.target !== null);
  return (
    <table className="plain-table members-table" aria-label="Members">
      <thead>
        <tr>
          <th>Member</th>
          <th>Client</th>
          <th>Epoch</th>
          <th>Subscribed</th>
          <th>Assignment</th>
          {hasTarget && <th>Target assignment</th>}
        </tr>
      </thead>
      <tbody>
        {group.members.map((m) => (
          <tr key={m.memberId} data-reconciling={m.reconciling || undefined}>
            <td className="mono">{m.memberId}</td>
            <td>
              {m.clientId} <span className="text-muted">{m.host}</span>
            </td>
            <td className="mono">{m.memberEpoch ?? '—'}</td>
            <td>{m.subscribedRegex ? <span className="mono">/{m.subscribedRegex}/</span> : m.subscribedTopics.join(', ') || '—'}</td>
            <td>{text(m.assignment)}</td>
            {hasTarget && (
              <td>
                {m.target ? text(m.target) : '—'}
                {m.reconciling && <span className="badge warn">reconciling</span>}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
