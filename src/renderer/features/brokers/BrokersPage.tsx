import { createColumnHelper } from '@tanstack/react-table';
import type { BrokerInfo } from '../../../shared/api';
import { useBrokers } from '../../api/queries';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useConnectionId } from '../../state/session-store';

const col = createColumnHelper<BrokerInfo>();
const columns = [
  col.accessor('nodeId', { header: 'ID', size: 70, meta: { align: 'right', mono: true } }),
  col.accessor('host', { header: 'Host', size: 220 }),
  col.accessor('port', { header: 'Port', size: 80, meta: { align: 'right', mono: true } }),
  col.accessor('rack', { header: 'Rack', size: 120, cell: (c) => c.getValue() ?? '—' }),
  col.accessor('isController', {
    header: 'Controller',
    size: 110,
    cell: (c) => (c.getValue() ? <span className="badge good">controller</span> : ''),
  }),
  col.accessor('leaderCount', { header: 'Leaders', size: 100, meta: { align: 'right', mono: true } }),
  col.accessor('replicaCount', { header: 'Replicas', size: 100, meta: { align: 'right', mono: true } }),
];

export function BrokersPage() {
  const connectionId = useConnectionId();
  const { data, error, isLoading } = useBrokers(connectionId);
  return (
    <div className="page">
      <PageHeader title="Brokers" subtitle={data ? `${data.length} brokers` : undefined} />
      {isLoading && <Loading />}
      <ErrorMessage error={error} title="Could not load the brokers" />
      {data && (
        <DataTable id="brokers" ariaLabel="Brokers" data={data} columns={columns} getRowId={(b) => String(b.nodeId)} initialSorting={[{ id: 'nodeId', desc: false }]} />
      )}
    </div>
  );
}
