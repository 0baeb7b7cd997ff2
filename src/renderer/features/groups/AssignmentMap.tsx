import type { GroupDetail } from '../../../shared/api';

type Member = GroupDetail['members'][number];

const isIdle = (m: Member) => !m.assignment.some((a) => a.partitions.length > 0);
const holds = (list: Member['assignment'] | null, topic: string, partition: number) => list?.some((a) => a.topic === topic && a.partitions.includes(partition)) ?? false;

/**
 * Partitions × members: in consumer groups each partition is read by at most one member, in
 * share groups by several. A member with no partition (more members than partitions, or an
 * assignor that left it out) is named and highlighted as idle; partitions nobody holds are
 * unassigned. A KIP-848 member still reconciling shows what it gives up (−) and takes (+).
 */
export function AssignmentMap({ group }: { group: GroupDetail }) {
  const members = group.members;
  const rows = group.partitions;
  if (members.length === 0) return <p className="text-muted">No active members: nobody reads these partitions now.</p>;
  const idle = members.filter(isIdle);
  const unassigned = rows.filter((p) => p.memberIds.length === 0);
  return (
    <div className="assignment-map">
      <table aria-label="Assignment map">
        <thead>
          <tr>
            <th>Partition</th>
            {members.map((m) => (
              <th key={m.memberId} title={m.memberId} className={isIdle(m) ? 'idle' : undefined} data-idle={isIdle(m) || undefined}>
                {m.clientId}
                <div className="text-muted">{m.host}</div>
                {m.memberEpoch !== null && <div className="text-muted mono">epoch {m.memberEpoch}</div>}
                {m.reconciling && <div className="idle-tag">reconciling</div>}
                {isIdle(m) && <div className="idle-tag">idle — no partitions assigned</div>}
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
              {members.map((m) => {
                const now = p.memberIds.includes(m.memberId);
                const target = m.target === null ? now : holds(m.target, p.topic, p.partition);
                const mark = now && target ? '●' : now ? '− giving up' : target ? '+ taking' : '';
                return (
                  <td key={m.memberId} className={now || target ? 'assigned' : isIdle(m) ? 'idle' : ''}>
                    {mark}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="summary-line">
        {idle.length > 0 && (
          <span className="text-warn" data-testid="idle-members">
            {idle.length} idle member{idle.length > 1 ? 's' : ''} (no partitions assigned):{' '}
            {idle.map((m, i) => (
              <span key={m.memberId}>
                {i > 0 && ', '}
                <span className="mono">{m.memberId}</span>
              </span>
            ))}
            {' · '}
          </span>
        )}
        {unassigned.length > 0 ? <span className="text-warn">{unassigned.length} unassigned partition{unassigned.length > 1 ? 's' : ''}</span> : 'every partition has a reader'}
      </div>
    </div>
  );
}
