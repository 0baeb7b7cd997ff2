import { createColumnHelper } from '@tanstack/react-table';
import type { BrokerInfo } from '../../../shared/api';
import { href, navigate } from '../../app/router';
import { AutoRefresh } from '../../components/AutoRefresh';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useAutoRefresh } from '../../components/use-auto-refresh';
import { useConnectionId } from '../../state/session-store';
import { ControllerPanel } from './ControllerPanel';
import { bytesOrDash, capacity, countsNote, lastSeen } from './format';
import { useBrokerList, useController, useRefreshBrokers } from './queries';
import './brokers.css';

const col = createColumnHelper<BrokerInfo>();

/** A leader or replica count; an unreachable broker's says it is not current (last known, or the metadata's). */
function Count({ broker, value }: { broker: BrokerInfo; value: number }) {
  const note = countsNote(broker);
  if (!note) return <>{value}</>;
  return (
    <span className="stale-count" title={note.title}>
      {value}
      <small> {note.label}</small>
    </span>
  );
}

const columns = [
  col.accessor('nodeId', { header: 'ID', size: 60, meta: { align: 'right', mono: true } }),
  col.accessor('host', { header: 'Host', size: 140 }),
  col.accessor('port', { header: 'Port', size: 70, meta: { align: 'right', mono: true } }),
  col.accessor('rack', { header: 'Rack', size: 70, cell: (c) => c.getValue() ?? '—' }),
  col.accessor('status', {
    header: 'Status',
    size: 110,
    cell: (c) =>
      c.getValue() === 'online' ? (
        <span className="badge good">online</span>
      ) : (
        <span className="badge bad" title={`${c.row.original.statusReason ?? ''} · ${lastSeen(c.row.original)}`}>
          unreachable
        </span>
      ),
  }),
  col.accessor((b) => (b.isController ? 0 : b.quorumRole === 'voter' ? 1 : b.quorumRole === 'observer' ? 2 : 3), {
    id: 'controller',
    header: 'Controller',
    size: 200,
    cell: (c) => {
      const b = c.row.original;
      if (b.isController) return <span className="badge good">{b.quorumRole === 'leader' ? 'controller (quorum leader)' : 'controller (per metadata)'}</span>;
      if (b.quorumRole) return <span className="badge muted">{b.quorumRole}{b.quorumLag !== null ? ` · lag ${b.quorumLag}` : ''}</span>;
      return '';
    },
  }),
  col.accessor('leaderCount', { header: 'Leaders', size: 95, meta: { align: 'right', mono: true }, cell: (c) => <Count broker={c.row.original} value={c.getValue()} /> }),
  col.accessor('replicaCount', { header: 'Replicas', size: 95, meta: { align: 'right', mono: true }, cell: (c) => <Count broker={c.row.original} value={c.getValue()} /> }),
  col.accessor('diskUsedBytes', {
    header: 'Disk used',
    size: 100,
    meta: { align: 'right', mono: true },
    cell: (c) => {
      const denied = c.row.original.diskError;
      if (!denied) return bytesOrDash(c.getValue());
      return (
        <span className="badge muted" title={`DescribeLogDirs: ${denied}${denied === 'CLUSTER_AUTHORIZATION_FAILED' ? ' (needs DESCRIBE on the cluster)' : ''}`}>
          {denied === 'CLUSTER_AUTHORIZATION_FAILED' ? 'not permitted' : 'unknown'}
        </span>
      );
    },
  }),
  col.accessor((b) => capacity(b.logDirs), { id: 'capacity', header: 'Capacity', size: 180, enableSorting: false }),
  col.accessor((b) => b.logDirs.length, {
    id: 'dirs',
    header: 'Log dirs',
    size: 75,
    meta: { align: 'right', mono: true },
    cell: (c) => {
      const offline = c.row.original.logDirs.filter((d) => d.error).length;
      return offline > 0 ? <span className="badge bad">{offline} offline</span> : c.getValue() || '—';
    },
  }),
];

export function BrokersPage() {
  const connectionId = useConnectionId();
  const { refetchInterval } = useAutoRefresh('brokers');
  const brokers = useBrokerList(connectionId, refetchInterval);
  const controller = useController(connectionId, refetchInterval);
  const refresh = useRefreshBrokers(connectionId);
  const data = brokers.data;
  const unreachable = data?.filter((b) => b.status === 'unreachable').length ?? 0;
  const subtitle = data ? `${data.length} ${data.length === 1 ? 'broker' : 'brokers'}${unreachable > 0 ? ` · ${unreachable} unreachable` : ''}` : undefined;
  return (
    <div className="page page--fill">
      <PageHeader
        title="Brokers"
        subtitle={subtitle}
        actions={
          <>
            <a className="button small" href={href(['operations'])}>
              Reassign partitions…
            </a>
            <AutoRefresh viewId="brokers" onRefresh={refresh} refreshing={brokers.isFetching || controller.isFetching} updatedAt={brokers.dataUpdatedAt} />
          </>
        }
      />
      {brokers.isLoading && <Loading />}
      <ErrorMessage error={brokers.error} title="Could not load the brokers" />
      {controller.data && <ControllerPanel controller={controller.data} />}
      <ErrorMessage error={controller.error} title="Could not find the active controller" />
      {data?.filter((b) => b.status === 'unreachable').map((b) => (
        <div key={b.nodeId} className="broker-unreachable" role="status" data-testid={`unreachable-${b.nodeId}`}>
          Broker {b.nodeId} ({b.host}:{b.port}) is unreachable: {b.statusReason} — {lastSeen(b)}.{' '}
          {b.lastSeenAt > 0
            ? `Its leaders (${b.leaderCount}) and replicas (${b.replicaCount}) are shown as they were then.`
            : `Its leaders (${b.leaderCount}) and replicas (${b.replicaCount}) are what the metadata credits it with.`}
        </div>
      ))}
      {data && (
        <DataTable
          id="brokers"
          ariaLabel="Brokers"
          data={data}
          columns={columns}
          getRowId={(b) => String(b.nodeId)}
          initialSorting={[{ id: 'nodeId', desc: false }]}
          onRowClick={(b) => navigate(['brokers', b.nodeId])}
          rowClassName={(b) => (b.status === 'unreachable' ? 'row-unreachable' : undefined)}
        />
      )}
    </div>
  );
}
