import type {
  ConfigKeyDefinition,
  ConnectClusterInfo,
  ConnectorDetail,
  ConnectorOffsets,
  ConnectorPlugin,
  ConnectorSummary,
  ValidationResult,
} from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { routeFor } from '../../network/route-registry';
import type { ConnectionManager, OpenConnection } from '../connections/connection-manager';
import { connectClientFor, type ConnectClient } from './connect-client';
import { connectError } from './connect-errors';
import { maskSecrets, unmaskSecrets } from './secret-config';
import { definitionOf, summaryOf, validationOf, type RawDefinition, type RawInfo, type RawStatus, type RawValidation } from './worker-shapes';

export type ConnectorAction = 'pause' | 'resume' | 'stop' | 'restart' | 'restartWithTasks' | 'restartFailed' | 'delete';

const path = (name: string) => `/connectors/${encodeURIComponent(name)}`;

/**
 * The Kafka Connect clusters a connection's settings name, through their REST APIs. Clients
 * live as long as the connection (a WeakMap on it), so nothing needs closing.
 */
export class ConnectService {
  private readonly clients = new WeakMap<OpenConnection, Map<string, Promise<ConnectClient>>>();
  /** Plugin config definitions by cluster URL and class: they change only with a worker upgrade. */
  private readonly definitions = new Map<string, Promise<ConfigKeyDefinition[]>>();

  constructor(private readonly connections: ConnectionManager) {}

  async client(connectionId: string, cluster: string): Promise<ConnectClient> {
    const connection = this.connections.get(connectionId);
    const config = (connection.config.connectClusters ?? []).find((c) => c.name === cluster);
    if (!config) {
      throw connectError('NO_CONNECT_CLUSTER', `This connection has no Kafka Connect cluster named "${cluster}".`, false, 'Add it to the connection profile.');
    }
    let byName = this.clients.get(connection);
    if (!byName) this.clients.set(connection, (byName = new Map()));
    let client = byName.get(cluster);
    if (!client) {
      client = connectClientFor(config, undefined, routeFor(connection.config));
      byName.set(cluster, client);
      client.catch(() => byName.delete(cluster));
    }
    return client;
  }

  async clusters(connectionId: string): Promise<ConnectClusterInfo[]> {
    const names = (this.connections.get(connectionId).config.connectClusters ?? []).map((c) => c.name);
    return Promise.all(
      names.map(async (name) => {
        const client = await this.client(connectionId, name);
        const root = await client.get<{ version?: string; kafka_cluster_id?: string }>('/', 'describe the worker').catch(() => null);
        return { name, url: client.url, version: root?.version ?? null, kafkaClusterId: root?.kafka_cluster_id ?? null };
      }),
    );
  }

  /** Every connector with its status and config in one request (`expand=status&expand=info`). */
  async connectors(connectionId: string, cluster: string): Promise<ConnectorSummary[]> {
    const client = await this.client(connectionId, cluster);
    const all = await client.get<Record<string, { info?: RawInfo; status?: RawStatus }>>('/connectors?expand=status&expand=info', 'list connectors');
    return Object.entries(all).map(([name, { info, status }]) => summaryOf(name, info, status));
  }

  /** Connectors of every Connect cluster whose config or active topics name `topic`; a cluster that fails is reported, not fatal. */
  async forTopic(connectionId: string, topic: string): Promise<{ connectors: { cluster: string; name: string; type: ConnectorSummary['type']; state: ConnectorSummary['state'] }[]; errors: string[] }> {
    const names = (this.connections.get(connectionId).config.connectClusters ?? []).map((c) => c.name);
    const errors: string[] = [];
    const found = await Promise.all(
      names.map(async (cluster) => {
        try {
          const list = await this.connectors(connectionId, cluster);
          return list.filter((c) => c.configTopics.includes(topic) || matchesRegex(c, topic)).map((c) => ({ cluster, name: c.name, type: c.type, state: c.state }));
        } catch (error) {
          errors.push((error as Error).message);
          return [];
        }
      }),
    );
    return { connectors: found.flat(), errors };
  }

  async connector(connectionId: string, cluster: string, name: string): Promise<ConnectorDetail> {
    const client = await this.client(connectionId, cluster);
    const [info, status, topics] = await Promise.all([
      client.get<RawInfo>(path(name), `read connector "${name}"`).catch((error: unknown) => rethrowMissing(error, cluster, name)),
      client.get<RawStatus>(`${path(name)}/status`, `read the status of "${name}"`).catch((error: unknown) => rethrowMissing(error, cluster, name)),
      // Topic tracking can be disabled on the worker (topic.tracking.enable=false): then there is no list.
      client.get<Record<string, { topics: string[] }>>(`${path(name)}/topics`, `read the topics of "${name}"`).catch(() => null),
    ]);
    const className = info.config['connector.class'] ?? '';
    const definitions = className ? await this.pluginConfig(connectionId, cluster, className).catch(() => []) : [];
    const docs: ConnectorDetail['docs'] = {};
    for (const d of definitions) docs[d.name] = { documentation: d.documentation, type: d.type, group: d.group };
    return { summary: summaryOf(name, info, status), config: maskSecrets(info.config, definitions), docs, activeTopics: topics?.[name]?.topics ?? [] };
  }

  async offsets(connectionId: string, cluster: string, name: string): Promise<ConnectorOffsets> {
    const client = await this.client(connectionId, cluster);
    const raw = await client.get<{ offsets?: ConnectorOffsets['offsets'] }>(`${path(name)}/offsets`, `read the offsets of "${name}"`).catch((error: unknown) => rethrowMissing(error, cluster, name));
    return { offsets: raw.offsets ?? [] };
  }

  async plugins(connectionId: string, cluster: string): Promise<ConnectorPlugin[]> {
    const client = await this.client(connectionId, cluster);
    const raw = await client.get<{ class: string; type?: string; version?: string }[]>('/connector-plugins?connectorsOnly=true', 'list connector plugins');
    return raw.map((p) => ({ className: p.class, type: p.type === 'source' || p.type === 'sink' ? p.type : 'unknown', version: p.version ?? null }));
  }

  async pluginConfig(connectionId: string, cluster: string, className: string): Promise<ConfigKeyDefinition[]> {
    const client = await this.client(connectionId, cluster);
    const key = `${client.url} ${className}`;
    let found = this.definitions.get(key);
    if (!found) {
      found = client.get<RawDefinition[]>(`/connector-plugins/${encodeURIComponent(className)}/config`, `read the config definition of ${className}`).then((raw) => raw.map(definitionOf));
      this.definitions.set(key, found);
      found.catch(() => this.definitions.delete(key));
    }
    return found;
  }

  async validate(connectionId: string, cluster: string, className: string, config: Record<string, string>): Promise<ValidationResult> {
    const client = await this.client(connectionId, cluster);
    // The worker validates `connector.class` from the body too; the URL's class names the plugin.
    const body = { ...config, 'connector.class': config['connector.class'] ?? className };
    const raw = await client.send<RawValidation>('PUT', `/connector-plugins/${encodeURIComponent(className)}/config/validate`, `validate a ${className} config`, body);
    return validationOf(raw);
  }

  async save(connectionId: string, cluster: string, name: string, config: Record<string, string>, create: boolean): Promise<void> {
    const client = await this.client(connectionId, cluster);
    if (create) {
      await client.send('POST', '/connectors', `create connector "${name}"`, { name, config: { ...config, name } });
    } else {
      // PUT creates a connector that is missing: read it first, so an edit never resurrects a deleted one.
      const current = await client.get<Record<string, string>>(`${path(name)}/config`, `read the config of "${name}"`).catch((error: unknown) => rethrowMissing(error, cluster, name));
      await client.send('PUT', `${path(name)}/config`, `update the config of "${name}"`, { ...unmaskSecrets(config, current), name });
    }
  }

  async action(connectionId: string, cluster: string, name: string, action: ConnectorAction): Promise<void> {
    const client = await this.client(connectionId, cluster);
    const requests: Record<ConnectorAction, [string, string, string]> = {
      pause: ['PUT', `${path(name)}/pause`, `pause "${name}"`],
      resume: ['PUT', `${path(name)}/resume`, `resume "${name}"`],
      stop: ['PUT', `${path(name)}/stop`, `stop "${name}"`],
      restart: ['POST', `${path(name)}/restart`, `restart "${name}"`],
      restartWithTasks: ['POST', `${path(name)}/restart?includeTasks=true&onlyFailed=false`, `restart "${name}" and its tasks`],
      restartFailed: ['POST', `${path(name)}/restart?includeTasks=true&onlyFailed=true`, `restart the failed parts of "${name}"`],
      delete: ['DELETE', path(name), `delete "${name}"`],
    };
    const [method, url, what] = requests[action];
    await client.send(method, url, what).catch((error: unknown) => rethrowMissing(error, cluster, name));
  }

  async restartTask(connectionId: string, cluster: string, name: string, task: number): Promise<void> {
    const client = await this.client(connectionId, cluster);
    await client.send('POST', `${path(name)}/tasks/${task}/restart`, `restart task ${task} of "${name}"`).catch((error: unknown) => rethrowMissing(error, cluster, name));
  }

  /** `offsets` null resets them all (DELETE); otherwise alters the listed partitions (PATCH). The connector must be stopped. */
  async alterOffsets(connectionId: string, cluster: string, name: string, offsets: ConnectorOffsets['offsets'] | null): Promise<string> {
    const client = await this.client(connectionId, cluster);
    const r =
      offsets === null
        ? await client.send<{ message?: string }>('DELETE', `${path(name)}/offsets`, `reset the offsets of "${name}"`)
        : await client.send<{ message?: string }>('PATCH', `${path(name)}/offsets`, `alter the offsets of "${name}"`, { offsets });
    return r?.message ?? 'Done.';
  }
}

/** Sinks may name their topics by `topics.regex`. */
function matchesRegex(c: ConnectorSummary, topic: string): boolean {
  if (!c.topicsRegex) return false;
  try {
    return new RegExp(`^(?:${c.topicsRegex})$`).test(topic);
  } catch {
    return false;
  }
}

/** A 404 on a named connector becomes "it is gone", the case of a connector deleted between list and click. */
function rethrowMissing(error: unknown, cluster: string, name: string): never {
  if (AppError.is(error) && error.code === 'CONNECT_NOT_FOUND' && /not found|no status|unknown connector/i.test(error.message)) {
    throw connectError('CONNECTOR_NOT_FOUND', `Connector "${name}" no longer exists on Kafka Connect "${cluster}".`, false, 'It was deleted or renamed meanwhile: go back to the list.');
  }
  throw error;
}
