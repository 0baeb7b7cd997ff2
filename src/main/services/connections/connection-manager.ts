import { routeFor } from '../../network/route-registry';
import { randomUUID } from 'node:crypto';
import type { ConnectionConfig, ConnectionHealth, HealthState } from '../../../shared/api';
import { AppError, ErrorCode } from '../../../shared/errors';
import type { Logger } from '../../log';
import { writeMethods, type KafkaClient } from '../../kafka/client';
import { SchemaDecoder } from '../../schemas/schema-decoder';
import { registryClientFor } from '../../schemas/registry-for-connection';
import { LocalSchemas } from '../../schemas/local-schemas';
import type { SchemaRegistryClient } from '../../schemas/registry-client';
import { ConnectionHealthMonitor, type HealthTimings } from './connection-health';

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
  /** The Schema Registry the settings name, or null. */
  registry: SchemaRegistryClient | null;
  /** Decodes schema-framed keys and values through that registry; schemas cached per connection. */
  schemas: SchemaDecoder;
  /** Whether the cluster answers: connected, degraded, lost or recovered (see connection-health.ts). */
  health: ConnectionHealthMonitor;
}

/** How connections watch their brokers; without it (unit tests with stand-in clients) they stay `connected`. */
export interface HealthOptions {
  /** Probes one broker (host:port) of a connection; resolves when it answers. */
  probe(address: string, config: ConnectionConfig): Promise<void>;
  timings?: Partial<HealthTimings>;
}

export type HealthListener = (connection: OpenConnection, health: ConnectionHealth, previous: HealthState) => void;

/** Open (or opening) Kafka connections one window/tab may hold; a runaway page cannot exhaust the process. */
export const MAX_CONNECTIONS_PER_OWNER = 8;

/** Holds the open connections of every window/tab and hands their clients to services. */
export class ConnectionManager {
  private readonly connections = new Map<string, OpenConnection>();
  /** Connects still under way, by owner: they count against the limit too. */
  private readonly opening = new Map<string, number>();
  private readonly healthListeners: HealthListener[] = [];

  constructor(
    private readonly createClient: KafkaClientFactory,
    private readonly log: Logger,
    private readonly maxPerOwner = MAX_CONNECTIONS_PER_OWNER,
    private readonly healthOptions: HealthOptions | null = null,
  ) {}

  /** Tells `listener` about every health change of every connection (main pushes them to the owner). */
  onHealth(listener: HealthListener): void {
    this.healthListeners.push(listener);
  }

  async open(config: ConnectionConfig, ownerId: string): Promise<OpenConnection> {
    const opening = this.opening.get(ownerId) ?? 0;
    if (this.listOwnedBy(ownerId).length + opening >= this.maxPerOwner) {
      throw new AppError({
        name: 'TooManyConnectionsError',
        code: 'TOO_MANY_CONNECTIONS',
        message: `This window already has ${this.maxPerOwner} connections open (the most one window may have).`,
        retriable: false,
        hint: 'Disconnect from a cluster you no longer use, then connect again.',
      });
    }
    this.opening.set(ownerId, opening + 1);
    let raw: KafkaClient;
    let registry: SchemaRegistryClient | null;
    let local: LocalSchemas | null;
    try {
      registry = config.schemaRegistry ? await registryClientFor(config.schemaRegistry, undefined, routeFor(config)) : null;
      local = config.localSchemas && config.localSchemas.paths.length > 0 ? await LocalSchemas.load(config.localSchemas) : null;
      raw = this.createClient(config, this.log.child('kafka'));
      await raw.connect();
    } finally {
      const left = (this.opening.get(ownerId) ?? 1) - 1;
      if (left > 0) this.opening.set(ownerId, left);
      else this.opening.delete(ownerId);
    }
    const id = randomUUID().replace(/-/g, '');
    const name = config.name?.trim() || config.brokers.join(',');
    const options = this.healthOptions;
    const health = new ConnectionHealthMonitor({
      connectionId: id,
      bootstrap: config.brokers,
      probe: (address) => (options ? options.probe(address, config) : Promise.resolve()),
      describeBrokers: async () => (await raw.describeCluster()).brokers.map((b) => ({ nodeId: b.nodeId, address: `${b.host.includes(':') ? `[${b.host}]` : b.host}:${b.port}` })),
      onChange: (state, previous) => {
        for (const listener of this.healthListeners) listener(connection, state, previous);
      },
      log: this.log.child('health'),
      ...(options?.timings ? { timings: options.timings } : {}),
    });
    const connection: OpenConnection = {
      id,
      name,
      config,
      client: config.readOnly ? refuseWrites(raw) : raw,
      ownerId,
      registry,
      schemas: new SchemaDecoder(registry, local),
      health,
    };
    this.connections.set(id, connection);
    if (options) health.start();
    this.log.info('connected', { id, name, brokers: config.brokers, readOnly: config.readOnly });
    return connection;
  }

  /**
   * The connection, or a NOT_CONNECTED error the UI can act on. With `ownerId`, another
   * window's connection is reported exactly like a closed one: ids are not shared.
   */
  get(id: string, ownerId?: string): OpenConnection {
    const connection = this.connections.get(id);
    if (!connection || (ownerId !== undefined && connection.ownerId !== ownerId)) throw notConnected();
    return connection;
  }

  /** The window/tab that opened the connection, or undefined when there is none. */
  ownerOf(id: string): string | undefined {
    return this.connections.get(id)?.ownerId;
  }

  /** The connection's health monitor, or undefined when no such connection is open. */
  healthOf(id: string): ConnectionHealthMonitor | undefined {
    return this.connections.get(id)?.health;
  }

  isReadOnly(id: string): boolean {
    return this.connections.get(id)?.config.readOnly ?? false;
  }

  listOwnedBy(ownerId: string): OpenConnection[] {
    return [...this.connections.values()].filter((c) => c.ownerId === ownerId);
  }

  /** Closes a connection; with `ownerId`, only one that owner opened (others are left alone). */
  async close(id: string, ownerId?: string): Promise<void> {
    const connection = this.connections.get(id);
    if (!connection || (ownerId !== undefined && connection.ownerId !== ownerId)) return;
    this.connections.delete(id);
    connection.health.stop();
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

function notConnected(): AppError {
  return new AppError({
    name: 'NotConnectedError',
    code: ErrorCode.NotConnected,
    message: 'This connection is closed.',
    retriable: false,
    hint: 'Connect to the cluster again.',
  });
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
