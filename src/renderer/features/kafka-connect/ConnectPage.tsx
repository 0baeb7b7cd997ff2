import { useQueryClient } from '@tanstack/react-query';
import { navigate } from '../../app/router';
import { AutoRefresh } from '../../components/AutoRefresh';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useAutoRefresh } from '../../components/use-auto-refresh';
import { useConnectionId } from '../../state/session-store';
import { useReadOnly } from '../../state/use-read-only';
import { connectKey, useConnectors } from './connect-queries';
import { ConnectorForm } from './ConnectorForm';
import { ConnectorPage } from './ConnectorPage';
import { ConnectorsList } from './ConnectorsList';
import { StaleNotice } from './StaleNotice';
import { useConnectClusters } from './use-connect-clusters';
import './kafka-connect.css';

/**
 * Kafka Connect: `kafka-connect/<cluster>` lists its connectors, `kafka-connect/<cluster>/<connector>` is one
 * connector, `?new=1` creates one and `?edit=1` edits one.
 */
export function ConnectPage({ cluster, connector, params }: { cluster?: string | undefined; connector?: string | undefined; params: URLSearchParams }) {
  const clusters = useConnectClusters();
  const current = cluster && clusters.includes(cluster) ? cluster : clusters[0];
  if (!current) {
    return (
      <div className="page">
        <PageHeader title="Kafka Connect" />
        <p className="text-muted">This connection names no Kafka Connect cluster: add one to the connection profile (Kafka Connect section).</p>
      </div>
    );
  }
  if (cluster && !clusters.includes(cluster)) {
    return (
      <div className="page">
        <PageHeader title="Kafka Connect" />
        <p role="alert">This connection has no Kafka Connect cluster named “{cluster}”.</p>
      </div>
    );
  }
  if (connector) return <ConnectorPage key={`${current}/${connector}`} cluster={current} connector={connector} edit={params.get('edit') === '1'} />;
  if (params.get('new') === '1') return <ConnectorForm key={`new-${current}`} cluster={current} />;
  return <ClusterConnectors cluster={current} clusters={clusters} />;
}

function ClusterConnectors({ cluster, clusters }: { cluster: string; clusters: string[] }) {
  const connectionId = useConnectionId();
  const readOnly = useReadOnly();
  const { refetchInterval } = useAutoRefresh('connect');
  const list = useConnectors(connectionId, cluster, refetchInterval);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: connectKey(connectionId) });
  return (
    <div className="page page--fill kc-page">
      <PageHeader
        title="Kafka Connect"
        subtitle={
          clusters.length > 1 ? (
            <label className="connect-cluster-pick">
              Connect cluster{' '}
              <select aria-label="Connect cluster" value={cluster} onChange={(e) => navigate(['kafka-connect', e.target.value])}>
                {clusters.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </label>
          ) : (
            `Connectors of ${cluster}`
          )
        }
        actions={<AutoRefresh viewId="connect" onRefresh={refresh} refreshing={list.isFetching} updatedAt={list.dataUpdatedAt} />}
      />
      <StaleNotice error={list.error} updatedAt={list.data ? list.dataUpdatedAt : 0} title={`Kafka Connect “${cluster}” did not answer`} />
      {list.isPending && !list.error && <Loading label="Reading connectors…" />}
      {list.data && <ConnectorsList cluster={cluster} connectors={list.data.connectors} readOnly={readOnly} />}
    </div>
  );
}
