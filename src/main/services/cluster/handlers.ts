import type { HandlerGroup } from '../../rpc/handlers';
import type { ConnectionManager } from '../connections/connection-manager';
import type { ClusterService } from './cluster-service';

export function clusterHandlers(connections: ConnectionManager, cluster: ClusterService): HandlerGroup<'cluster.overview' | 'cluster.brokers' | 'cluster.controller'> {
  return {
    'cluster.overview': ({ connectionId }) => cluster.overview(connections.get(connectionId).client),
    'cluster.brokers': ({ connectionId, fresh }) => cluster.brokers(connections.get(connectionId).client, { fresh }),
    'cluster.controller': ({ connectionId, fresh }) => cluster.controller(connections.get(connectionId).client, { fresh }),
  };
}
