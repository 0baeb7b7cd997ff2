import { humanBytes } from '../../../shared/topics/retention';
import type { QuotaKey } from '../../../shared/quotas/resolve';

export const QUOTA_LABELS: Record<QuotaKey, string> = {
  producer_byte_rate: 'Produce (bytes/s)',
  consumer_byte_rate: 'Fetch (bytes/s)',
  request_percentage: 'Request time (%)',
  controller_mutation_rate: 'Mutations (/s)',
};

/** A quota value as read: byte rates in units, the others as they are; "—" when not set. */
export function quotaText(key: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (key.endsWith('_byte_rate')) return `${humanBytes(value)}/s`;
  if (key === 'request_percentage') return `${value} %`;
  return String(value);
}
