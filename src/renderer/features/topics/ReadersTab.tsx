import { createColumnHelper } from '@tanstack/react-table';
import type { TopicReader } from '../../../shared/api';
import { href, navigate } from '../../app/router';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useReaders } from './queries';

const col = createColumnHelper<TopicReader>();
const columns = [
  col.accessor('groupId', { header: 'Group', size: 300, cell: (c) => <a href={href(['groups', c.getValue()])}>{c.getValue()}</a> }),
  col.accessor('state', { header: 'State', size: 140 }),
  col.accessor('members', { header: 'Members', size: 100, meta: { align: 'right', mono: true } }),
  col.accessor('partitions', { header: 'Partitions committed', size: 180, meta: { align: 'right', mono: true } }),
  col.accessor((r) => r.lag ?? -1, {
    id: 'lag',
    header: 'Lag on this topic',
    size: 160,
    meta: { align: 'right', mono: true },
    cell: (c) => (c.getValue() < 0 ? '—' : c.getValue().toLocaleString('en-US')),
  }),
];
const groupId = (r: TopicReader) => r.groupId;
const openGroup = (r: TopicReader) => navigate(['groups', r.groupId]);
const BY_LAG = [{ id: 'lag', desc: true }];

/** The consumer groups with offsets on this topic (or members reading it), and their lag here. */
export function ReadersTab({ connectionId, topic, refetchInterval }: { connectionId: string; topic: string; refetchInterval: number | false }) {
  const { data, error, isLoading } = useReaders(connectionId, topic, refetchInterval);
  if (isLoading) return <Loading />;
  if (error) return <ErrorMessage error={error} title="Could not list the consumer groups" />;
  if (!data || data.length === 0) return <p className="text-muted">No consumer group has committed offsets for {topic} or is reading it.</p>;
  return <DataTable id="topic-readers" ariaLabel="Consumer groups reading this topic" data={data} columns={columns} getRowId={groupId} initialSorting={BY_LAG} onRowClick={openGroup} />;
}
