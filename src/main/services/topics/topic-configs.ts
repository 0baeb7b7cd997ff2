import type { ConfigEntry } from '../../kafka/ports/topic-admin';

/** The retention-related configs the topic list shows, asked for alone (5,000 topics × 3, not × 40). */
export const RETENTION_KEYS = ['retention.ms', 'retention.bytes', 'cleanup.policy'];

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

