import { href } from '../../app/router';
import { AutoRefresh } from '../../components/AutoRefresh';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useAutoRefresh } from '../../components/use-auto-refresh';
import { useConnectionId } from '../../state/session-store';
import { BrokerConfigs } from './BrokerConfigs';
import { bytesOrDash, lastSeen } from './format';
import { useBrokerList, useRefreshBrokers } from './queries';
import './brokers.css';

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
        <table className="log-dirs" aria-label="Log directories">
          <thead>
            <tr>
              <th>Log directory</th>
              <th className="num">Replicas</th>
              <th className="num">Used by Kafka</th>
              <th className="num">Free</th>
              <th className="num">File system size</th>
              <th>State</th>
            </tr>
          </thead>
          <tbody>
            {broker.logDirs.map((d) => (
              <tr key={d.path}>
                <td className="mono">{d.path}</td>
                <td className="num mono">{d.replicaCount}</td>
                <td className="num mono">{bytesOrDash(d.usedBytes)}</td>
                <td className="num mono">{bytesOrDash(d.usableBytes)}</td>
                <td className="num mono">{bytesOrDash(d.totalBytes)}</td>
                <td>{d.error ? <span className="badge bad">{d.error}</span> : <span className="badge good">online</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <BrokerConfigs connectionId={connectionId} nodeId={nodeId} />
    </div>
  );
}
