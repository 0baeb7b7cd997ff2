import type { ConfigEntry } from '../../../shared/api';

/** Pending edits by config name: a string sets the value, null resets it to the default. */
export type PendingEdits = Record<string, string | null>;

/** Only real changes: an edit equal to the current value, or a reset of a non-override, is dropped. */
export function changesFrom(configs: ConfigEntry[], edits: PendingEdits): { name: string; value: string | null }[] {
  const byName = new Map(configs.map((c) => [c.name, c]));
  return Object.entries(edits)
    .filter(([name, value]) => {
      const current = byName.get(name);
      if (!current) return false;
      if (value === null) return current.source === 'dynamic-topic';
      // The same value as now is no change, unless it turns a default into an override.
      return value !== current.value || current.source !== 'dynamic-topic';
    })
    .map(([name, value]) => ({ name, value }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const SOURCE_LABEL: Record<ConfigEntry['source'], string> = {
  'dynamic-topic': 'topic override',
  'dynamic-broker': 'broker (dynamic)',
  'dynamic-default-broker': 'cluster-wide (dynamic)',
  'static-broker': 'broker file',
  default: 'default',
  'dynamic-broker-logger': 'broker logger',
  unknown: 'unknown',
};
