import type { GroupDetail } from '../../../shared/api';

/**
 * Partitions × members: each partition is read by at most one member; members beyond the
 * partition count sit idle, and partitions nobody holds are unassigned.
 */
export function AssignmentMap({ group }: { group: GroupDetail }) {
  const members = group.members;
  const rows = group.partitions;
  if (members.length === 0) return <p className="text-muted">No active members: nobody reads these partitions now.</p>;
  const idle = members.filter((m) => !m.assignment.some((a) => a.partitions.length > 0));
  const unassigned = rows.filter((p) => p.memberId === null);
  return (
    <div className="assignment-map">
      <table aria-label="Assignment map">
        <thead>
          <tr>
            <th>Partition</th>
            {members.map((m) => (
              <th key={m.memberId} title={m.memberId}>
                {m.clientId}
                <div className="text-muted">{m.host}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={`${p.topic}:${p.partition}`}>
              <td className="mono">
                {p.topic}/{p.partition}
              </td>
              {members.map((m) => (
                <td key={m.memberId} className={p.memberId === m.memberId ? 'assigned' : ''}>
                  {p.memberId === m.memberId ? '●' : ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="summary-line">
        {idle.length > 0 && <span className="text-warn">{idle.length} idle member{idle.length > 1 ? 's' : ''} (more members than partitions) · </span>}
        {unassigned.length > 0 ? <span className="text-warn">{unassigned.length} unassigned partition{unassigned.length > 1 ? 's' : ''}</span> : 'every partition has a reader'}
      </div>
    </div>
  );
}
