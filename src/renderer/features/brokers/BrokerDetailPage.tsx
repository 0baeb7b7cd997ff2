import { createColumnHelper } from '@tanstack/react-table';
import type { BrokerLogDirUsage } from '../../../shared/api';
import { href } from '../../app/router';
import { AutoRefresh } from '../../components/AutoRefresh';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useAutoRefresh } from '../../components/use-auto-refresh';
import { useConnectionId } from '../../state/session-store';
import { BrokerConfigs } from './BrokerConfigs';
import { bytesOrDash, lastSeen } from './format';
import { useBrokerList, useRefreshBrokers } from './queries';
import './brokers.css';

const dirCol = createColumnHelper<BrokerLogDirUsage>();
const bytes = { meta: { align: 'right', mono: true }, cell: (c: { getValue(): number | null }) => bytesOrDash(c.getValue()) } as const;
const logDirColumns = [
  dirCol.accessor('path', { header: 'Log directory', size: 380, meta: { mono: true, grow: true } }),
  dirCol.accessor('replicaCount', { header: 'Replicas', size: 90, meta: { align: 'right', mono: true } }),
  dirCol.accessor('usedBytes', { header: 'Used by Kafka', size: 130, ...bytes }),
  dirCol.accessor('usableBytes', { header: 'Free', size: 110, ...bytes }),
  dirCol.accessor('totalBytes', { header: 'File system size', size: 140, ...bytes }),
  dirCol.accessor((d) => d.error ?? 'online', {
    id: 'state',
    header: 'State',
    size: 120,
    cell: (c) => (c.row.original.error ? <span className="badge bad">{c.getValue()}</span> : <span className="badge good">online</span>),
  }),
];
const logDirPath = (d: BrokerLogDirUsage) => d.path;

/** One broker: where it is, its log dirs with disk use, and its configuration. */
export function BrokerDetailPage({ nodeId }: { nodeId: number }) {
  const connectionId = useConnectionId();
  const { refetchInterval } = useAutoRefresh('brokers');
  const brokers = useBrokerList(connectionId, refetchInterval);
  const refresh = useRefreshBrokers(connectionId);
  const broker = brokers.data?.find((b) => b.nodeId === nodeId);
  const subtitle = broker ? [`${broker.host}:${broker.port}`, broker.rack ? `rack ${broker.rack}` : null, broker.isController ? 'active controller' : null].filter(Boolean).join(' · ') : undefined;
  return (
    <div className="page page--fill">
      <a href={href(['brokers'])} className="back-link">
        ← Brokers
      </a>
      <PageHeader
        title={
          <>
            Broker {nodeId}{' '}
            {broker && <span className={`badge ${broker.status === 'online' ? 'good' : 'bad'}`}>{broker.status}</span>}
          </>
        }
        subtitle={subtitle}
        actions={<AutoRefresh viewId="brokers" onRefresh={refresh} refreshing={brokers.isFetching} updatedAt={brokers.dataUpdatedAt} />}
      />
      {brokers.isLoading && <Loading />}
      <ErrorMessage error={brokers.error} title="Could not load the brokers" />
      {brokers.data && !broker && <div className="muted">This connection has not seen a broker {nodeId}.</div>}
      {broker?.status === 'unreachable' && (
        <div className="broker-unreachable" role="status">
          Unreachable: {broker.statusReason} ({lastSeen(broker)}).
        </div>
      )}
      {broker && broker.logDirs.length > 0 && (
        <div className="log-dirs">
          <DataTable id="log-dirs" ariaLabel="Log directories" data={broker.logDirs} columns={logDirColumns} getRowId={logDirPath} />
        </div>
      )}
      <BrokerConfigs connectionId={connectionId} nodeId={nodeId} />
    </div>
  );
}
