import { useOverview } from '../../api/queries';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { href } from '../../app/router';
import { useConnectionId, useSession } from '../../state/session-store';
import { useController } from '../brokers/queries';

function Stat({ label, value, tone, to }: { label: string; value: string | number; tone?: 'warn' | 'bad'; to?: string }) {
  const body = (
    <>
      <div className="stat__value">{value}</div>
      <div className="stat__label">{label}</div>
    </>
  );
  return to ? (
    <a className={`stat${tone ? ` ${tone}` : ''}`} href={to} data-testid={`stat-${label}`}>
      {body}
    </a>
  ) : (
    <div className={`stat${tone ? ` ${tone}` : ''}`} data-testid={`stat-${label}`}>
      {body}
    </div>
  );
}

export function OverviewPage() {
  const connectionId = useConnectionId();
  const name = useSession((s) => s.connection?.name);
  const { data, error, isLoading } = useOverview(connectionId);
  // In KRaft the metadata's controller id is any broker: show the quorum leader when the cluster says.
  const controller = useController(connectionId, false).data;
  const controllerId = controller ? controller.nodeId : (data?.controllerId ?? -1);
  return (
    <div className="page">
      <PageHeader title="Cluster overview" subtitle={name} />
      {isLoading && <Loading />}
      <ErrorMessage error={error} title="Could not load the cluster overview" />
      {data && (
        <>
          <div className="stats">
            <Stat label="Brokers" value={data.brokerCount} to={href(['brokers'])} />
            <Stat label="Controller" value={controllerId >= 0 ? controllerId : '—'} to={href(['brokers'])} />
            <Stat label="Topics" value={data.topicCount - data.internalTopicCount} to={href(['topics'])} />
            <Stat label="Internal topics" value={data.internalTopicCount} />
            <Stat label="Partitions" value={data.partitionCount} />
            <Stat label="Under-replicated" value={data.underReplicatedPartitions} tone={data.underReplicatedPartitions > 0 ? 'warn' : undefined} />
            <Stat label="Offline" value={data.offlinePartitions} tone={data.offlinePartitions > 0 ? 'bad' : undefined} />
          </div>
          <dl className="kv">
            <dt>Cluster id</dt>
            <dd className="mono" data-testid="cluster-id">
              {data.clusterId ?? 'unknown'}
            </dd>
          </dl>
        </>
      )}
    </div>
  );
}
