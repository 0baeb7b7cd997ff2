import type { BrokerInfo, BrokerLogDirUsage } from '../../../shared/api';
import { humanBytes } from '../../../shared/topics/retention';
import { formatDateTime } from '../../lib/date-format';
import { currentDateOptions } from '../../state/settings-store';

/** "1.2 MiB", or "—" when unknown. */
export function bytesOrDash(bytes: number | null): string {
  return bytes === null ? '—' : humanBytes(bytes);
}

/** The disk capacity of a broker's dirs in one line, e.g. "20 GiB free of 50 GiB"; empty when the broker does not say. */
export function capacity(dirs: BrokerLogDirUsage[]): string {
  const known = dirs.filter((d) => d.totalBytes !== null && d.usableBytes !== null);
  if (known.length === 0) return '';
  // Several dirs may share one file system: count each (total, usable) pair once.
  const unique = new Map(known.map((d) => [`${d.totalBytes}:${d.usableBytes}`, d]));
  const total = [...unique.values()].reduce((s, d) => s + d.totalBytes!, 0);
  const usable = [...unique.values()].reduce((s, d) => s + d.usableBytes!, 0);
  return `${humanBytes(usable)} free of ${humanBytes(total)}`;
}

/** "2 min ago" style age of the last time a broker answered. */
export function lastSeen(broker: Pick<BrokerInfo, 'lastSeenAt'>, now = Date.now()): string {
  if (broker.lastSeenAt <= 0) return 'never answered';
  const s = Math.max(0, Math.round((now - broker.lastSeenAt) / 1000));
  if (s < 60) return `last answered ${s} s ago`;
  if (s < 3600) return `last answered ${Math.round(s / 60)} min ago`;
  return `last answered ${formatDateTime(broker.lastSeenAt, currentDateOptions())}`;
}

/**
 * How to read an unreachable broker's leaders and replicas: main gives its last-known figures
 * (from when it last answered), or, when it never answered, the metadata's. Neither is a
 * current fact about a broker that does not answer, so the table says which one it shows.
 */
export function countsNote(broker: Pick<BrokerInfo, 'nodeId' | 'status' | 'lastSeenAt'>): { label: string; title: string } | null {
  if (broker.status === 'online') return null;
  if (broker.lastSeenAt <= 0) {
    return { label: 'per metadata', title: `Broker ${broker.nodeId} has never answered: this is what the cluster metadata credits it with, not what it does.` };
  }
  return {
    label: 'last known',
    title: `Last known: as of when broker ${broker.nodeId} last answered (${formatDateTime(broker.lastSeenAt, currentDateOptions())}). It does not answer now, so it serves none of these; its partitions are led by other replicas or offline.`,
  };
}
