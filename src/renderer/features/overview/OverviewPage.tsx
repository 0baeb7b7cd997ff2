import { useQueryClient } from '@tanstack/react-query';
import { useOverview } from '../../api/queries';
import { AutoRefresh } from '../../components/AutoRefresh';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useAutoRefresh } from '../../components/use-auto-refresh';
import { href } from '../../app/router';
import { useConnectionId, useSession } from '../../state/session-store';
import { useBrokerList, useController } from '../brokers/queries';
import { useGroups } from '../groups/queries';
import { DiskCard, HealthCard, LaggingGroupsCard, ThroughputCard, VersionsCard } from './OverviewCards';
import { healthItems, rateText } from './overview-data';
import { useThroughput, useVersions } from './overview-queries';
import './overview.css';

function Stat({ label, value, tone, to }: { label: string; value: string | number; tone?: 'warn' | 'bad' | undefined; to?: string }) {
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

/** The cluster at a glance: counts, health, Kafka release and features, lagging groups, disk and throughput. */
export function OverviewPage() {
  const connectionId = useConnectionId();
  const name = useSession((s) => s.connection?.name);
  const { refetchInterval } = useAutoRefresh('overview');
  const { data, error, isLoading, isFetching, dataUpdatedAt } = useOverview(connectionId, refetchInterval);
  const brokers = useBrokerList(connectionId, refetchInterval);
  // In KRaft the metadata's controller id is any broker: show the quorum leader when the cluster says.
  const controller = useController(connectionId, refetchInterval).data;
  const groups = useGroups(connectionId, refetchInterval);
  const versions = useVersions(connectionId);
  const throughput = useThroughput(connectionId, refetchInterval);
  const queryClient = useQueryClient();
  const controllerId = controller ? controller.nodeId : (data?.controllerId ?? -1);
  const down = (brokers.data ?? []).filter((b) => b.status === 'unreachable').length;
  // The page's one Refresh: everything it shows (the throughput measures since its last sample).
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['cluster', connectionId] });
  return (
    <div className="page overview-page">
      <PageHeader
        title="Cluster overview"
        subtitle={name}
        actions={<AutoRefresh viewId="overview" onRefresh={refresh} refreshing={isFetching || brokers.isFetching || groups.isFetching || throughput.isFetching} updatedAt={dataUpdatedAt} />}
      />
      {isLoading && <Loading />}
      <ErrorMessage error={error} title="Could not load the cluster overview" />
      {data && (
        <>
          <div className="stats">
            <Stat label="Brokers" value={down > 0 ? `${data.brokerCount} · ${down} down` : data.brokerCount} tone={down > 0 ? 'bad' : undefined} to={href(['brokers'])} />
            <Stat label="Controller" value={controllerId >= 0 ? controllerId : '—'} to={href(['brokers'])} />
            <Stat label="Topics" value={data.topicCount - data.internalTopicCount} to={href(['topics'])} />
            <Stat label="Partitions" value={data.partitionCount} />
            <Stat label="Under-replicated" value={data.underReplicatedPartitions} tone={data.underReplicatedPartitions > 0 ? 'warn' : undefined} />
            <Stat label="Offline" value={data.offlinePartitions} tone={data.offlinePartitions > 0 ? 'bad' : undefined} />
            <Stat label="Messages/s" value={throughput.data ? rateText(throughput.data.totalPerSecond) : '…'} />
          </div>
          <div className="overview-grid">
            <HealthCard items={healthItems(data, brokers.data)} />
            <VersionsCard versions={versions.data} error={versions.error} />
            <ThroughputCard throughput={throughput.data} error={throughput.error} />
            <LaggingGroupsCard groups={groups.data} error={groups.error} />
            <DiskCard brokers={brokers.data} error={brokers.error} />
            <section className="overview-card" aria-label="Cluster">
              <h2>Cluster</h2>
              <dl className="kv">
                <dt>Cluster id</dt>
                <dd className="mono" data-testid="cluster-id">
                  {data.clusterId ?? 'unknown'}
                </dd>
                <dt>Internal topics</dt>
                <dd>{data.internalTopicCount}</dd>
              </dl>
            </section>
          </div>
        </>
      )}
    </div>
  );
}
