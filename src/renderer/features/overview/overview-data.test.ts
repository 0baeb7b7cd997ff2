import { describe, expect, it } from 'vitest';
import type { BrokerInfo, ClusterOverview, GroupSummary } from '../../../shared/api';
import { healthItems, mostLagging, rateText } from './overview-data';

const group = (groupId: string, totalLag: number | null) => ({ groupId, totalLag }) as GroupSummary;
const overview = (o: Partial<ClusterOverview>) => ({ offlinePartitions: 0, underReplicatedPartitions: 0, ...o }) as ClusterOverview;
const broker = (nodeId: number, status: BrokerInfo['status']) => ({ nodeId, status }) as BrokerInfo;

describe('overview', () => {
  it('lists the most lagging groups, leaving out those without lag', () => {
    const groups = [group('a', 5), group('b', null), group('c', 500), group('d', 0), group('e', 50)];
    expect(mostLagging(groups, 2).map((g) => g.groupId)).toEqual(['c', 'e']);
    expect(mostLagging(groups).map((g) => g.groupId)).toEqual(['c', 'e', 'a']);
  });

  it('says what is unhealthy: brokers down, offline and under-replicated partitions', () => {
    expect(healthItems(overview({}), [broker(1, 'online')]).map((i) => i.tone)).toEqual(['good', 'good', 'good']);
    const bad = healthItems(overview({ offlinePartitions: 3, underReplicatedPartitions: 1 }), [broker(1, 'online'), broker(2, 'unreachable')]);
    expect(bad.map((i) => [i.tone, i.text])).toEqual([
      ['bad', '1 of 2 brokers down: 2'],
      ['bad', '3 offline partitions: no leader, no reads or writes'],
      ['warn', '1 under-replicated partition: fewer in-sync replicas than replicas'],
    ]);
  });

  it('shortens message rates', () => {
    expect([rateText(0.5), rateText(3), rateText(42.4), rateText(1234), rateText(56_000)]).toEqual(['0.5', '3.0', '42', '1.2k', '56k']);
  });
});
