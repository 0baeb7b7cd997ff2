import { humanBytes } from '../../../shared/topics/retention';

/** "1.2 MiB", "—" when unknown. */
export const bytesText = (bytes: number | null): string => (bytes === null ? '—' : humanBytes(bytes));

/** "about 3 min" for an estimate; "—" when there is none. */
export function estimateText(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 1) return 'under a second';
  if (seconds < 90) return `about ${Math.round(seconds)} s`;
  if (seconds < 5_400) return `about ${Math.round(seconds / 60)} min`;
  return `about ${(seconds / 3_600).toFixed(1)} h`;
}

/** Reads "2, 1 3" as [2, 1, 3]; null when it is not a list of broker ids. */
export function parseReplicaList(text: string): number[] | null {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0 || parts.some((p) => !/^\d+$/.test(p))) return null;
  return parts.map(Number);
}
