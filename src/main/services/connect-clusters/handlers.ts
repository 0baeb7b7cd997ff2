import type { HandlerGroup } from '../../rpc/handlers';
import type { ConnectService } from './connect-service';

type ConnectCall =
  | 'connect.clusters'
  | 'connect.connectors'
  | 'connect.connector'
  | 'connect.offsets'
  | 'connect.plugins'
  | 'connect.pluginConfig'
  | 'connect.validate'
  | 'connect.forTopic'
  | 'connect.saveConnector'
  | 'connect.action'
  | 'connect.restartTask'
  | 'connect.alterOffsets';

/** The Connect pages' calls; the dispatcher refuses the `write` ones on read-only connections before they get here. */
export function connectHandlers(connect: ConnectService): HandlerGroup<ConnectCall> {
  return {
    'connect.clusters': async ({ connectionId }) => ({ clusters: await connect.clusters(connectionId) }),
    'connect.connectors': async ({ connectionId, cluster }) => ({ connectors: await connect.connectors(connectionId, cluster), fetchedAt: Date.now() }),
    'connect.connector': ({ connectionId, cluster, connector }) => connect.connector(connectionId, cluster, connector),
    'connect.offsets': ({ connectionId, cluster, connector }) => connect.offsets(connectionId, cluster, connector),
    'connect.plugins': async ({ connectionId, cluster }) => ({ plugins: await connect.plugins(connectionId, cluster) }),
    'connect.pluginConfig': async ({ connectionId, cluster, className }) => ({ definitions: await connect.pluginConfig(connectionId, cluster, className) }),
    'connect.validate': ({ connectionId, cluster, className, config }) => connect.validate(connectionId, cluster, className, config),
    'connect.forTopic': ({ connectionId, topic }) => connect.forTopic(connectionId, topic),
    'connect.saveConnector': async ({ connectionId, cluster, connector, config, create }) => {
      await connect.save(connectionId, cluster, connector, config, create);
      return { name: connector };
    },
    'connect.action': ({ connectionId, cluster, connector, action }) => connect.action(connectionId, cluster, connector, action),
    'connect.restartTask': ({ connectionId, cluster, connector, task }) => connect.restartTask(connectionId, cluster, connector, task),
    'connect.alterOffsets': async ({ connectionId, cluster, connector, offsets }) => ({ message: await connect.alterOffsets(connectionId, cluster, connector, offsets) }),
  };
}
