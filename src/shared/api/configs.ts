/** Where a config's value comes from, from most to least specific. */
export type ConfigSource = 'dynamic-topic' | 'dynamic-broker' | 'dynamic-default-broker' | 'static-broker' | 'default' | 'dynamic-broker-logger' | 'unknown';

/** One topic or broker config as the window sees it; sensitive values never leave main. */
export interface ConfigEntry {
  name: string;
  /** null for sensitive configs and configs without a value. */
  value: string | null;
  source: ConfigSource;
  readOnly: boolean;
  sensitive: boolean;
  /** Kafka's type name (LONG, STRING, LIST, …), null when the broker does not say. */
  type: string | null;
  /** Kafka's own description, as plain text. */
  documentation: string | null;
  /** Every level that sets it, most specific first (the value in effect is the first). */
  synonyms: { name: string; value: string | null; source: ConfigSource }[];
}

/** What applies if a topic override is removed: the next level down, when the broker names it. */
export function inheritedValue(entry: ConfigEntry): ConfigEntry['synonyms'][number] | null {
  if (entry.source !== 'dynamic-topic') return null;
  return entry.synonyms.find((s) => s.source !== 'dynamic-topic') ?? null;
}
