import { describe, expect, it } from 'vitest';
import { electionCandidates } from './election-service';

const topic = (name: string, partitions: [number, number[], number[]][]) => ({
  name,
  internal: false,
  partitions: partitions.map(([leader, replicas, isr], partition) => ({ partition, leader, replicas, isr, offlineReplicas: [], error: null })),
});

describe('election candidates', () => {
  const metadata = [
    topic('a', [
      [1, [1, 2], [1, 2]], // led by its preferred replica
      [2, [1, 2], [1, 2]], // not: fixable
      [2, [3, 2], [2]], // not: preferred 3 out of sync
      [-1, [3], [3]], // offline
    ]),
    topic('b', [[1, [3, 1], [3, 1]]]),
  ];

  it('sorts partitions into fixable, preferred out of sync, and offline', () => {
    const all = electionCandidates(metadata, { kind: 'all' });
    expect(all.notPreferred.map((c) => `${c.topic}-${c.partition}`)).toEqual(['a-1', 'b-0']);
    expect(all.preferredOutOfSync.map((c) => `${c.topic}-${c.partition}`)).toEqual(['a-2']);
    expect(all.offline.map((c) => `${c.topic}-${c.partition}`)).toEqual(['a-3']);
  });

  it('narrows to a topic or to the partitions a broker should lead', () => {
    expect(electionCandidates(metadata, { kind: 'topic', topic: 'b' }).notPreferred.map((c) => c.topic)).toEqual(['b']);
    const broker3 = electionCandidates(metadata, { kind: 'broker', nodeId: 3 });
    expect(broker3.notPreferred.map((c) => `${c.topic}-${c.partition}`)).toEqual(['b-0']);
    expect(broker3.preferredOutOfSync.map((c) => `${c.topic}-${c.partition}`)).toEqual(['a-2']);
  });
});
