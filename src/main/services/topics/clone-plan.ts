import type { ConfigEntry } from '../../../shared/api';

/** What a clone starts from: the source's partitions, replication and its own config overrides. */
export interface ClonePlan {
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
}

/**
 * Only the configs set on the topic itself (source `dynamic-topic`): broker-wide values and
 * defaults apply to the clone anyway, and copying them would pin today's defaults forever.
 * Sensitive and read-only ones are left out (their values never reach main's callers, or cannot be set).
 */
export function cloneConfigs(entries: ConfigEntry[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of entries) {
    if (e.source === 'dynamic-topic' && !e.sensitive && !e.readOnly && e.value !== null) out[e.name] = e.value;
  }
  return out;
}
