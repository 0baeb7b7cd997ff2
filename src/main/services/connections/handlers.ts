import { securityProtocolOf, type ConnectionConfig, type ConnectionInfo } from '../../../shared/api';
import type { CallContext, HandlerGroup } from '../../rpc/handlers';
import type { ConnectionManager } from './connection-manager';

export function connectionHandlers(
  connections: ConnectionManager,
): HandlerGroup<'connection.connect' | 'connection.disconnect' | 'connection.list' | 'connection.health' | 'connection.retry'> {
  return {
    'connection.connect': async ({ config }, ctx) => openAndDescribe(connections, config, ctx),
    // The dispatcher already refuses another window's id; the owner check here is the second lock.
    'connection.disconnect': async ({ connectionId }, ctx) => {
      await connections.close(connectionId, ctx.clientId);
    },
    'connection.health': ({ connectionId }, ctx) => connections.get(connectionId, ctx.clientId).health.current(),
    'connection.retry': ({ connectionId }, ctx) => connections.get(connectionId, ctx.clientId).health.retryNow(),
    'connection.list': async (_req, ctx) =>
      connections.listOwnedBy(ctx.clientId).map((c) => ({
        connectionId: c.id,
        name: c.name,
        brokers: c.config.brokers,
        readOnly: c.config.readOnly,
        securityProtocol: securityProtocolOf(c.config),
        tlsUnverified: c.config.tls?.skipVerify ?? false,
        connectClusters: (c.config.connectClusters ?? []).map((k) => k.name),
      })),
  };
}

/**
 * Opens a connection for the calling window and asks which cluster it reached (brokers and
 * cluster id only: the topics' metadata is read by the pages that show it); closes it again if
 * that fails, or if the window went away while it was connecting (its connections were closed
 * already, and nobody would close this one).
 */
export async function openAndDescribe(
  connections: ConnectionManager,
  config: ConnectionConfig,
  ctx: Pick<CallContext, 'clientId' | 'signal'>,
): Promise<ConnectionInfo> {
  const connection = await connections.open(config, ctx.clientId);
  try {
    const { clusterId } = await connection.client.describeCluster();
    ctx.signal.throwIfAborted();
    return {
      connectionId: connection.id,
      name: connection.name,
      brokers: config.brokers,
      readOnly: config.readOnly,
      securityProtocol: securityProtocolOf(config),
      tlsUnverified: config.tls?.skipVerify ?? false,
      clusterId,
      connectClusters: (config.connectClusters ?? []).map((c) => c.name),
    };
  } catch (error) {
    await connections.close(connection.id);
    throw error;
  }
}
