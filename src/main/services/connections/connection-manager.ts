import { randomUUID } from 'node:crypto';
import type { ConnectionConfig } from '../../../shared/api';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { Logger } from '../../log';
import { writeMethods, type KafkaClient } from '../../kafka/client';

/** Creates a client for a configuration; the kafkajs one in the app, anything in tests. */
export type KafkaClientFactory = (config: ConnectionConfig, log: Logger) => KafkaClient;

export interface OpenConnection {
  id: string;
  name: string;
  config: ConnectionConfig;
  /** Read-only connections get a client that refuses every write method. */
  client: KafkaClient;
  /** The window or tab that opened it; its connections close when it goes away. */
  ownerId: string;
}

/** Holds the open connections of every window/tab and hands their clients to services. */
export class ConnectionManager {
  private readonly connections = new Map<string, OpenConnection>();

  constructor(
    private readonly createClient: KafkaClientFactory,
    private readonly log: Logger,
  ) {}

  async open(config: ConnectionConfig, ownerId: string): Promise<OpenConnection> {
    const raw = this.createClient(config, this.log.child('kafka'));
    await raw.connect();
    const id = randomUUID().replace(/-/g, '');
    const name = config.name?.trim() || config.brokers.join(',');
    const connection: OpenConnection = {
      id,
      name,
      config,
      client: config.readOnly ? refuseWrites(raw) : raw,
      ownerId,
    };
    this.connections.set(id, connection);
    this.log.info('connected', { id, name, brokers: config.brokers, readOnly: config.readOnly });
    return connection;
  }

  /** The connection, or a NOT_CONNECTED error the UI can act on. */
  get(id: string): OpenConnection {
    const connection = this.connections.get(id);
    if (!connection) {
      throw new AppError({
        name: 'NotConnectedError',
        code: ErrorCode.NotConnected,
        message: 'This connection is closed.',
        retriable: false,
        hint: 'Connect to the cluster again.',
      });
    }
    return connection;
  }

  isReadOnly(id: string): boolean {
    return this.connections.get(id)?.config.readOnly ?? false;
  }

  listOwnedBy(ownerId: string): OpenConnection[] {
    return [...this.connections.values()].filter((c) => c.ownerId === ownerId);
  }

  async close(id: string): Promise<void> {
    const connection = this.connections.get(id);
    if (!connection) return;
    this.connections.delete(id);
    await connection.client.close();
    this.log.info('disconnected', { id });
  }

  async closeOwnedBy(ownerId: string): Promise<void> {
    await Promise.all(this.listOwnedBy(ownerId).map((c) => this.close(c.id)));
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.connections.keys()].map((id) => this.close(id)));
  }
}

/** Wraps a client so every method named in `writeMethods` throws READ_ONLY. */
export function refuseWrites(client: KafkaClient, writes: ReadonlySet<string> = writeMethods): KafkaClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (typeof property === 'string' && writes.has(property)) {
        return () =>
          Promise.reject(
            new AppError({
              name: 'ReadOnlyError',
              code: ErrorCode.ReadOnly,
              message: `This connection is read-only: ${property} is not allowed.`,
              retriable: false,
            }),
          );
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
