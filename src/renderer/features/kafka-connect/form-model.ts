import type { ConfigKeyDefinition } from '../../../shared/api';

/** Keys the form handles itself (the name field, the plugin picker), never as generated fields. */
export const OWN_KEYS = new Set(['name', 'connector.class']);

export interface FieldGroup {
  name: string;
  fields: ConfigKeyDefinition[];
  /** Open at first: the plugin's own settings, and any group with a required field or a value set. */
  open: boolean;
}

/**
 * The worker's definitions as form groups, in its order: the plugin's own keys (no group) first
 * under the plugin's name, then Common, Transforms, Error Handling… as the worker names them.
 */
export function fieldGroups(definitions: ConfigKeyDefinition[], pluginLabel: string, values: Record<string, string>): FieldGroup[] {
  const byGroup = new Map<string, ConfigKeyDefinition[]>();
  for (const d of definitions) {
    if (OWN_KEYS.has(d.name)) continue;
    const group = d.group ?? pluginLabel;
    byGroup.set(group, [...(byGroup.get(group) ?? []), d]);
  }
  const groups = [...byGroup.entries()].map(([name, fields]) => ({
    name,
    fields: [...fields].sort((a, b) => a.orderInGroup - b.orderInGroup),
    open: name === pluginLabel || fields.some((f) => f.required || (values[f.name] ?? '') !== ''),
  }));
  // The plugin's own settings first: they are what the user came to fill in.
  return groups.sort((a, b) => Number(b.name === pluginLabel) - Number(a.name === pluginLabel));
}

/** The config to send: the name and class, and only the keys given a value (an empty field means "the default"). */
export function configOf(className: string, name: string, values: Record<string, string>): Record<string, string> {
  const config: Record<string, string> = { 'connector.class': className, name };
  for (const [k, v] of Object.entries(values)) if (v !== '' && !OWN_KEYS.has(k)) config[k] = v;
  return config;
}

/** "org.apache.kafka.connect.file.FileStreamSourceConnector" → "FileStreamSourceConnector". */
export const shortClassName = (className: string) => className.slice(className.lastIndexOf('.') + 1);
