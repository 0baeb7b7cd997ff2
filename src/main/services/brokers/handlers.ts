import type { HandlerGroup } from '../../rpc/handlers';
import type { ConnectionManager } from '../connections/connection-manager';
import { alterBrokerConfigs } from './broker-configs';

export function brokerHandlers(connections: ConnectionManager): HandlerGroup<'brokers.configs' | 'brokers.alterConfigs'> {
  return {
    // The port already drops sensitive values: they never reach the window.
    'brokers.configs': ({ connectionId, nodeId }) => connections.get(connectionId).client.describeBrokerConfigs(nodeId),
    'brokers.alterConfigs': ({ connectionId, nodeId, changes, validateOnly }) => alterBrokerConfigs(connections.get(connectionId).client, nodeId, changes, validateOnly),
  };
}
