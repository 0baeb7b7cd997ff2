import type { BrokerInfo, ClusterOverview, GroupSummary } from '../../../shared/api';

/** The groups furthest behind, most lag first; groups with no lag or no commits are left out. */
export function mostLagging(groups: GroupSummary[], top = 5): GroupSummary[] {
  return groups
    .filter((g) => (g.totalLag ?? 0) > 0)
    .sort((a, b) => (b.totalLag ?? 0) - (a.totalLag ?? 0) || (a.groupId < b.groupId ? -1 : 1))
    .slice(0, top);
}

export interface HealthItem {
  tone: 'good' | 'warn' | 'bad';
  text: string;
  /** Where to look, e.g. the brokers page. */
  to: 'brokers' | 'topics' | null;
}

/** What is wrong with the cluster now, or that nothing is: brokers down, offline and under-replicated partitions. */
export function healthItems(overview: ClusterOverview, brokers: BrokerInfo[] | undefined): HealthItem[] {
  const items: HealthItem[] = [];
  const down = (brokers ?? []).filter((b) => b.status === 'unreachable');
  if (brokers) {
    items.push(
      down.length === 0
        ? { tone: 'good', text: brokers.length === 1 ? 'The broker answers' : `All ${brokers.length} brokers answer`, to: 'brokers' }
        : { tone: 'bad', text: `${down.length} of ${brokers.length} brokers down: ${down.map((b) => b.nodeId).join(', ')}`, to: 'brokers' },
    );
  }
  const n = (count: number, what: string) => `${count.toLocaleString('en')} ${what}${count === 1 ? '' : 's'}`;
  items.push(
    overview.offlinePartitions > 0
      ? { tone: 'bad', text: `${n(overview.offlinePartitions, 'offline partition')}: no leader, no reads or writes`, to: 'topics' }
      : { tone: 'good', text: 'No offline partitions', to: null },
  );
  items.push(
    overview.underReplicatedPartitions > 0
      ? { tone: 'warn', text: `${n(overview.underReplicatedPartitions, 'under-replicated partition')}: fewer in-sync replicas than replicas`, to: 'topics' }
      : { tone: 'good', text: 'Every partition fully replicated', to: null },
  );
  return items;
}

/** "1.2k" style message rates; below 10 with one decimal. */
export function rateText(perSecond: number): string {
  if (perSecond >= 10_000) return `${(perSecond / 1000).toFixed(0)}k`;
  if (perSecond >= 1_000) return `${(perSecond / 1000).toFixed(1)}k`;
  if (perSecond >= 10) return perSecond.toFixed(0);
  return perSecond.toFixed(1);
}
