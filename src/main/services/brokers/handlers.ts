import type { HandlerGroup } from '../../rpc/handlers';
import type { ConnectionManager } from '../connections/connection-manager';

export function brokerHandlers(connections: ConnectionManager): HandlerGroup<'brokers.configs'> {
  return {
    // The port already drops sensitive values: they never reach the window.
    'brokers.configs': ({ connectionId, nodeId }) => connections.get(connectionId).client.describeBrokerConfigs(nodeId),
  };
}
