import { z } from 'zod';
import type { Logger } from '../log';
import { createKafkajsClient } from '../kafka/kafkajs/create-client';
import { createDispatcher } from '../rpc/dispatcher';
import { createRpcHost, type RpcHost } from '../rpc/rpc-host';
import type { KafkaClientFactory } from '../services/connections/connection-manager';
import type { AppInfoSource } from '../services/app/handlers';
import { createHandlers } from './handlers';
import type { SecretCipher } from '../services/profiles/secret-store';
import { createServiceDeps, type ServiceDeps } from './service-deps';
import type { SaveLocation } from '../services/messages/save-location';

// zod compiles a fast path per object schema on its first parse; main checks each request once, so
// compiling costs more than it saves (first connect: 12 ms → 5 ms for its request's check, and up
// to 60 ms on a busy machine; later checks take as long either way).
z.config({ jitless: true });

export const GROUP_ALERT_TITLE = 'Kafka Explorer · consumer group';

export interface MainServicesOptions {
  log: Logger;
  /** Version, runtime, user-data folder and the optional auto-connect address. */
  app: AppInfoSource;
  /** Defaults to the kafkajs client. */
  createClient?: KafkaClientFactory;
  /** Electron passes its safeStorage cipher; browser mode and tests keep secrets in a 0600 file. */
  secretCipher?: SecretCipher | null;
  /** Where exports and saved values go: Electron passes its save dialog; by default the export folder. */
  saveLocation?: SaveLocation;
  /**
   * Electron shows a watched group's alert itself, as an OS notification (its window is granted
   * no permission, so Web Notifications are off there); browser mode leaves it to the page.
   */
  notify?: (title: string, body: string) => void;
}

export interface MainServices {
  host: RpcHost;
  deps: ServiceDeps;
  dispose(): Promise<void>;
}

/**
 * Everything main does, without Electron: the same object backs the Electron window's IPC,
 * the browser mode's WebSocket, and the integration tests.
 */
export function createMainServices(options: MainServicesOptions): MainServices {
  const deps = createServiceDeps({
    log: options.log,
    app: options.app,
    createClient: options.createClient ?? createKafkajsClient,
    secretCipher: options.secretCipher,
    saveLocation: options.saveLocation,
  });
  const dispatcher = createDispatcher(createHandlers(deps), deps.connections, options.log.child('rpc'));
  const host = createRpcHost(dispatcher, options.log.child('rpc'));
  host.onDetach((clientId) => {
    void deps.connections.closeOwnedBy(clientId);
  });
  // Health changes go to the window that owns the connection; `connection.lost` as well when it is lost.
  deps.connections.onHealth((connection, health, previous) => {
    host.sendTo(connection.ownerId, 'connection.health', health);
    if (health.state === 'lost' && previous !== 'lost') {
      host.sendTo(connection.ownerId, 'connection.lost', { connectionId: connection.id, error: { message: health.error?.message ?? 'No broker answers', ...(health.error?.broker ? { broker: health.error.broker } : {}) } });
    }
  });
  // A watched group's alert goes to the window that owns the connection; the desktop notification
  // comes from Electron's main (notify) or, in browser mode, from the page.
  deps.lagSampler.onAlert(
    (alert) => {
      const owner = deps.connections.ownerOf(alert.connectionId);
      if (owner === undefined) return;
      host.sendTo(owner, 'groups.alert', alert);
      options.notify?.(GROUP_ALERT_TITLE, alert.message);
    },
    async (groupId) => (await deps.settings.read()).settings.lagAlerts[groupId] ?? null,
  );
  return {
    host,
    deps,
    dispose: () => {
      deps.lagSampler.stopAll();
      return deps.connections.closeAll();
    },
  };
}
