import type { ConfigEntryView } from '../../../shared/api';
import type { ConfigEntry } from '../../kafka/ports/topic-admin';

/** The retention-related configs the topic list shows, asked for alone (5,000 topics × 3, not × 40). */
export const RETENTION_KEYS = ['retention.ms', 'retention.bytes', 'cleanup.policy'];

/** A config for the window: what applies if the override goes is the next synonym down. */
export function toConfigView(entry: ConfigEntry): ConfigEntryView {
  const below = entry.source === 'dynamic-topic' ? entry.synonyms.find((s) => s.source !== 'dynamic-topic') : undefined;
  return {
    name: entry.name,
    value: entry.value,
    source: entry.source,
    readOnly: entry.readOnly,
    sensitive: entry.sensitive,
    type: entry.type,
    documentation: entry.documentation === null ? null : plainText(entry.documentation),
    inherited: below ? { name: below.name, value: below.value, source: below.source } : null,
  };
}

/** A numeric config's value, or null when absent or not a number. */
export function numberConfig(entries: ConfigEntry[] | undefined, name: string): number | null {
  const value = entries?.find((e) => e.name === name)?.value;
  if (value === null || value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export function stringConfig(entries: ConfigEntry[] | undefined, name: string): string | null {
  return entries?.find((e) => e.name === name)?.value ?? null;
}

/** Kafka's config docs carry HTML (links, <code>): the window shows text only, so drop the tags. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
