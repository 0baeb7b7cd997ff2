import { splitBrokerList, type AppInfo } from '../../../shared/api';
import type { HandlerGroup } from '../../rpc/handlers';

export interface AppInfoSource {
  version: string;
  runtime: AppInfo['runtime'];
  userDataDir: string;
  /** e.g. "127.0.0.1:9092" from KAFKA_EXPLORER_AUTOCONNECT. */
  autoConnect?: string | undefined;
  /** The demo's Schema Registry, from KAFKA_EXPLORER_AUTOCONNECT_REGISTRY. */
  autoConnectRegistry?: string | undefined;
  /** The demo's Kafka Connect worker, from KAFKA_EXPLORER_AUTOCONNECT_CONNECT. */
  autoConnectConnect?: string | undefined;
}

export function appHandlers(source: AppInfoSource): HandlerGroup<'app.info'> {
  const brokers = source.autoConnect ? splitBrokerList(source.autoConnect) : [];
  const info: AppInfo = {
    version: source.version,
    runtime: source.runtime,
    userDataDir: source.userDataDir,
    autoConnect:
      brokers.length > 0
        ? { brokers, name: `Local demo (${brokers.join(', ')})`, ...(source.autoConnectRegistry ? { registryUrl: source.autoConnectRegistry } : {}), ...(source.autoConnectConnect ? { connectUrl: source.autoConnectConnect } : {}) }
        : null,
  };
  return { 'app.info': () => info };
}
