import { z } from 'zod';
import { WithConnection } from './common';
import { defineCall } from './define';

/** A Kafka Connect cluster's name inside a profile: also how the UI's links name it. */
export const ConnectClusterName = z
  .string()
  .trim()
  .min(1, 'give the Connect cluster a name')
  .max(100)
  .regex(/^[A-Za-z0-9._ -]+$/, 'letters, digits, space, ".", "_" and "-" only');

/** A connector's name as the worker takes it in a URL path (any text, but not empty). */
const ConnectorName = z.string().min(1).max(1024);

const WithCluster = WithConnection.extend({ cluster: ConnectClusterName });
const WithConnector = WithCluster.extend({ connector: ConnectorName });

export type ConnectorState = 'RUNNING' | 'PAUSED' | 'STOPPED' | 'FAILED' | 'UNASSIGNED' | 'RESTARTING' | 'UNKNOWN';

/** One task as the worker reports it; `trace` only when it failed. */
export interface ConnectorTaskView {
  id: number;
  state: ConnectorState;
  workerId: string;
  trace?: string;
}

/** One row of the connectors list: GET /connectors?expand=status&expand=info in one request. */
export interface ConnectorSummary {
  name: string;
  type: 'source' | 'sink' | 'unknown';
  className: string;
  state: ConnectorState;
  workerId: string;
  /** The connector's own failure (not its tasks'), when it has one. */
  trace?: string;
  tasks: ConnectorTaskView[];
  /** Topics it names in its config (`topic`, `topics`, `kafka.topic`), for the list; the page asks the worker. */
  configTopics: string[];
  /** A sink's `topics.regex`, when it names its topics that way. */
  topicsRegex?: string;
}

export interface ConnectClusterInfo {
  name: string;
  url: string;
  /** Worker version and the Kafka cluster id it stores its state in, from GET /. */
  version: string | null;
  kafkaClusterId: string | null;
}

/** One key of a plugin's config definition, as `/connector-plugins/{class}/config` and validate give it. */
export interface ConfigKeyDefinition {
  name: string;
  type: string;
  required: boolean;
  defaultValue: string | null;
  importance: string;
  documentation: string;
  group: string | null;
  orderInGroup: number;
  displayName: string;
  width: string;
  dependents: string[];
}

/** The worker's verdict on one key: its value as the worker sees it and its errors. */
export interface ConfigValueVerdict {
  name: string;
  value: string | null;
  recommendedValues: string[];
  errors: string[];
  visible: boolean;
}

export interface ValidationResult {
  errorCount: number;
  groups: string[];
  /** Definition and verdict per key, in the worker's order. */
  configs: { definition: ConfigKeyDefinition; value: ConfigValueVerdict }[];
}

export interface ConnectorPlugin {
  className: string;
  type: 'source' | 'sink' | 'unknown';
  version: string | null;
}

/** Everything the connector page shows, each part from its own request. */
export interface ConnectorDetail {
  summary: ConnectorSummary;
  /** The config as the worker returns it (secrets masked by the worker where it masks them). */
  config: Record<string, string>;
  /** Docs of each config key, from the plugin's config definition (empty when the worker cannot give it). */
  docs: Record<string, { documentation: string; type: string; group: string | null }>;
  /** Topics the connector has used since its last reset (GET /connectors/{name}/topics). */
  activeTopics: string[];
}

/** GET /connectors/{name}/offsets, as-is: partition and offset objects differ per connector type. */
export interface ConnectorOffsets {
  offsets: { partition: Record<string, unknown>; offset: Record<string, unknown> | null }[];
}

const ConfigMap = z.record(z.string().min(1).max(1024), z.string().max(1024 * 1024));
const OffsetEntry = z.object({ partition: z.record(z.string(), z.unknown()), offset: z.record(z.string(), z.unknown()).nullable() });

/** The Connect pages: Kafka Connect clusters the profile names, through their REST APIs. Writes pass main's read-only gate. */
export const connectCalls = {
  'connect.clusters': defineCall<{ clusters: ConnectClusterInfo[] }>()(WithConnection),
  'connect.connectors': defineCall<{ connectors: ConnectorSummary[]; fetchedAt: number }>()(WithCluster),
  'connect.connector': defineCall<ConnectorDetail>()(WithConnector),
  'connect.offsets': defineCall<ConnectorOffsets>()(WithConnector),
  'connect.plugins': defineCall<{ plugins: ConnectorPlugin[] }>()(WithCluster),
  /** A plugin's config definition (the form is generated from it). */
  'connect.pluginConfig': defineCall<{ definitions: ConfigKeyDefinition[] }>()(WithCluster.extend({ className: z.string().min(1).max(1024) })),
  /** Asks the worker to validate a config; nothing is created. */
  'connect.validate': defineCall<ValidationResult>()(WithCluster.extend({ className: z.string().min(1).max(1024), config: ConfigMap })),
  /** Which connectors read or write a topic, over every Connect cluster of the connection. */
  'connect.forTopic': defineCall<{ connectors: { cluster: string; name: string; type: ConnectorSummary['type']; state: ConnectorState }[]; errors: string[] }>()(
    WithConnection.extend({ topic: z.string().min(1).max(249) }),
  ),
  /** Creates (`create`) or replaces a connector's config. */
  'connect.saveConnector': defineCall<{ name: string }>()(WithConnector.extend({ config: ConfigMap, create: z.boolean() }), { write: true }),
  'connect.action': defineCall<void>()(
    WithConnector.extend({ action: z.enum(['pause', 'resume', 'stop', 'restart', 'restartWithTasks', 'restartFailed', 'delete']) }),
    { write: true },
  ),
  'connect.restartTask': defineCall<void>()(WithConnector.extend({ task: z.number().int().min(0).max(100_000) }), { write: true }),
  /** Resets a stopped connector's offsets (DELETE), or alters them (PATCH) with `offsets`. */
  'connect.alterOffsets': defineCall<{ message: string }>()(WithConnector.extend({ offsets: z.array(OffsetEntry).max(10_000).nullable() }), { write: true }),
};
