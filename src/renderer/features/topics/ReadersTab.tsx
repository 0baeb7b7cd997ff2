import { href } from '../../app/router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useReaders } from './queries';

/** The consumer groups with offsets on this topic (or members reading it), and their lag here. */
export function ReadersTab({ connectionId, topic, refetchInterval }: { connectionId: string; topic: string; refetchInterval: number | false }) {
  const { data, error, isLoading } = useReaders(connectionId, topic, refetchInterval);
  if (isLoading) return <Loading />;
  if (error) return <ErrorMessage error={error} title="Could not list the consumer groups" />;
  if (!data || data.length === 0) return <p className="text-muted">No consumer group has committed offsets for {topic} or is reading it.</p>;
  return (
    <table className="plain-table readers-table" aria-label="Consumer groups reading this topic">
      <thead>
        <tr>
          <th>Group</th>
          <th>State</th>
          <th>Members</th>
          <th>Partitions committed</th>
          <th>Lag on this topic</th>
        </tr>
      </thead>
      <tbody>
        {data.map((r) => (
          <tr key={r.groupId}>
            <td className="align-left">
              <a href={href(['groups', r.groupId])}>{r.groupId}</a>
            </td>
            <td>{r.state}</td>
            <td className="mono">{r.members}</td>
            <td className="mono">{r.partitions}</td>
            <td className="mono">{r.lag === null ? '—' : r.lag.toLocaleString('en-US')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
