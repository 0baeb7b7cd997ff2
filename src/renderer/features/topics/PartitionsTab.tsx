import { createColumnHelper } from '@tanstack/react-table';
import type { PartitionDetail } from '../../../shared/api';
import { usePartitions } from '../../api/queries';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useConnectionId } from '../../state/session-store';

const col = createColumnHelper<PartitionDetail>();
const nodeList = (ids: number[]) => ids.join(', ');
const columns = [
  col.accessor('partition', { header: 'Partition', size: 90, meta: { align: 'right', mono: true } }),
  col.accessor('leader', {
    header: 'Leader',
    size: 80,
    meta: { align: 'right', mono: true },
    cell: (c) => (c.getValue() >= 0 ? c.getValue() : <span className="badge bad">offline</span>),
  }),
  col.accessor((p) => nodeList(p.replicas), { id: 'replicas', header: 'Replicas', size: 120, meta: { mono: true } }),
  col.accessor((p) => nodeList(p.isr), {
    id: 'isr',
    header: 'In-sync replicas',
    size: 150,
    meta: { mono: true },
    cell: (c) => <span className={c.row.original.isr.length < c.row.original.replicas.length ? 'text-warn' : undefined}>{c.getValue()}</span>,
  }),
  col.accessor('preferredLeader', {
    header: 'Preferred leader',
    size: 130,
    cell: (c) => (c.row.original.leader < 0 ? '—' : c.getValue() ? 'yes' : <span className="badge warn">no ({c.row.original.replicas[0]} is preferred)</span>),
  }),
  col.accessor((p) => nodeList(p.offlineReplicas), {
    id: 'offline',
    header: 'Offline replicas',
    size: 130,
    meta: { mono: true },
    cell: (c) => (c.getValue() ? <span className="text-bad">{c.getValue()}</span> : ''),
  }),
  col.accessor('low', { header: 'Low watermark', size: 140, meta: { align: 'right', mono: true }, sortingFn: (a, b) => Number(a.original.low) - Number(b.original.low) }),
  col.accessor('high', { header: 'High watermark', size: 140, meta: { align: 'right', mono: true }, sortingFn: (a, b) => Number(a.original.high) - Number(b.original.high) }),
  col.accessor('messages', { header: 'Messages', size: 120, meta: { align: 'right', mono: true }, cell: (c) => c.getValue().toLocaleString('en-US') }),
];

export function PartitionsTab({ topic, refetchInterval }: { topic: string; refetchInterval: number | false }) {
  const connectionId = useConnectionId();
  const { data, error, isLoading } = usePartitions(connectionId, topic, refetchInterval);
  const total = data?.reduce((sum, p) => sum + p.messages, 0) ?? 0;
  return (
    <>
      {isLoading && <Loading />}
      <ErrorMessage error={error} title="Could not load the partitions" />
      {data && (
        <>
          <div className="summary-line" data-testid="partition-summary">
            {data.length} partitions · {total.toLocaleString('en-US')} messages
          </div>
          <DataTable
            id="partitions"
            ariaLabel="Partitions"
            data={data}
            columns={columns}
            getRowId={(p) => String(p.partition)}
            initialSorting={[{ id: 'partition', desc: false }]}
            rowClassName={(p) => (p.leader < 0 ? 'row-bad' : p.isr.length < p.replicas.length ? 'row-warn' : undefined)}
          />
        </>
      )}
    </>
  );
}
