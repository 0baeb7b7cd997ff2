import type { HandlerGroup } from '../../rpc/handlers';
import type { ConnectionManager } from '../connections/connection-manager';
import type { ClusterService } from './cluster-service';
import type { ThroughputSampler } from './throughput-sampler';

export function clusterHandlers(
  connections: ConnectionManager,
  cluster: ClusterService,
  throughput: ThroughputSampler,
): HandlerGroup<'cluster.overview' | 'cluster.brokers' | 'cluster.controller' | 'cluster.versions' | 'cluster.throughput'> {
  return {
    'cluster.overview': ({ connectionId }) => cluster.overview(connections.get(connectionId).client),
    'cluster.brokers': ({ connectionId, fresh }, ctx) => cluster.brokers(connections.get(connectionId).client, { fresh }, ctx.signal),
    'cluster.controller': ({ connectionId, fresh }) => cluster.controller(connections.get(connectionId).client, { fresh }),
    'cluster.versions': ({ connectionId }) => cluster.versions(connections.get(connectionId).client),
    'cluster.throughput': ({ connectionId, top }, ctx) => throughput.throughput(connections.get(connectionId).client, top, ctx.signal),
  };
}
