import type { ConfigKeyDefinition, ConfigValueVerdict, ConnectorState, ConnectorSummary, ValidationResult } from '../../../shared/api';

/** The worker's JSON, as Kafka Connect's REST API writes it (snake_case). */
export interface RawStatus {
  name: string;
  connector: { state: string; worker_id: string; trace?: string };
  tasks: { id: number; state: string; worker_id: string; trace?: string }[];
  type?: string;
}

export interface RawInfo {
  name: string;
  config: Record<string, string>;
  tasks: { connector: string; task: number }[];
  type?: string;
}

export interface RawDefinition {
  name: string;
  type: string;
  required: boolean;
  default_value: string | null;
  importance: string;
  documentation: string | null;
  group: string | null;
  order_in_group?: number;
  order?: number;
  width: string;
  display_name: string;
  dependents: string[];
}

export interface RawValidation {
  error_count: number;
  groups: string[];
  configs: { definition: RawDefinition; value: { name: string; value: string | null; recommended_values: string[]; errors: string[]; visible: boolean } }[];
}

const STATES = new Set<ConnectorState>(['RUNNING', 'PAUSED', 'STOPPED', 'FAILED', 'UNASSIGNED', 'RESTARTING']);
const state = (s: string | undefined): ConnectorState => (STATES.has(s as ConnectorState) ? (s as ConnectorState) : 'UNKNOWN');
const kind = (t: string | undefined): ConnectorSummary['type'] => (t === 'source' || t === 'sink' ? t : 'unknown');

/** Topic names a connector's config names: sinks' `topics`, FileStream's `topic`, the common `kafka.topic`. */
export function configTopics(config: Record<string, string>): string[] {
  const names = [config.topics, config.topic, config['kafka.topic']]
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(','))
    .map((t) => t.trim())
    .filter(Boolean);
  return [...new Set(names)];
}

/** One list row from `?expand=status&expand=info`; either part may be missing while a connector is being created. */
export function summaryOf(name: string, info: RawInfo | undefined, status: RawStatus | undefined): ConnectorSummary {
  const config = info?.config ?? {};
  return {
    name,
    type: kind(info?.type ?? status?.type),
    className: config['connector.class'] ?? '',
    state: state(status?.connector.state),
    workerId: status?.connector.worker_id ?? '',
    ...(status?.connector.trace ? { trace: status.connector.trace } : {}),
    tasks: (status?.tasks ?? [])
      .map((t) => ({ id: t.id, state: state(t.state), workerId: t.worker_id, ...(t.trace ? { trace: t.trace } : {}) }))
      .sort((a, b) => a.id - b.id),
    configTopics: configTopics(config),
    ...(config['topics.regex'] ? { topicsRegex: config['topics.regex'] } : {}),
  };
}

export function definitionOf(raw: RawDefinition): ConfigKeyDefinition {
  return {
    name: raw.name,
    type: raw.type,
    required: raw.required,
    defaultValue: raw.default_value ?? null,
    importance: raw.importance,
    documentation: raw.documentation ?? '',
    group: raw.group ?? null,
    orderInGroup: raw.order_in_group ?? raw.order ?? 0,
    displayName: raw.display_name || raw.name,
    width: raw.width,
    dependents: raw.dependents ?? [],
  };
}

export function validationOf(raw: RawValidation): ValidationResult {
  return {
    errorCount: raw.error_count,
    groups: raw.groups,
    configs: raw.configs.map((c) => {
      const value: ConfigValueVerdict = {
        name: c.value.name,
        value: c.value.value ?? null,
        recommendedValues: c.value.recommended_values ?? [],
        errors: c.value.errors ?? [],
        visible: c.value.visible ?? true,
      };
      return { definition: definitionOf(c.definition), value };
    }),
  };
}
