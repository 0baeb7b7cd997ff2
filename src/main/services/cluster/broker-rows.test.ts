import { describe, expect, it } from 'vitest';
import type { BrokerLogDirs, QuorumDescription } from '../../kafka/ports/brokers';
import { buildBrokerRows, controllerFrom, countsByBroker, NOT_IN_METADATA } from './broker-rows';
import type { SeenBroker } from './last-seen-brokers';
import type { MetadataSnapshot } from './metadata-snapshot';

const p = (partition: number, leader: number, replicas: number[], isr: number[]) => ({ partition, leader, replicas, isr, offlineReplicas: [], error: null });
const node = (nodeId: number) => ({ nodeId, host: `h${nodeId}`, port: 9092, rack: nodeId === 2 ? 'r2' : null });

// Broker 3 was seen before but the metadata no longer lists it (a stopped KRaft broker is fenced).
const snapshot: MetadataSnapshot = {
  takenAt: 0,
  cluster: { clusterId: 'abc', controllerId: 1, brokers: [node(1), node(2)] },
  topics: [
    { name: 'orders', internal: false, partitions: [p(0, 1, [1, 2, 3], [1, 2]), p(1, 2, [2, 3, 1], [2, 1]), p(2, 1, [3, 1, 2], [1, 2])] },
    { name: '__consumer_offsets', internal: true, partitions: [p(0, 2, [2], [2])] },
  ],
};
// What each was credited with when it last answered: broker 2 led one partition then, broker 3 one too.
const seen = new Map<number, SeenBroker>([
  [1, { node: node(1), lastSeenAt: 100, lastCounts: { leaderCount: 9, replicaCount: 9 } }],
  [2, { node: node(2), lastSeenAt: 100, lastCounts: { leaderCount: 1, replicaCount: 4 } }],
  [3, { node: node(3), lastSeenAt: 50, lastCounts: { leaderCount: 1, replicaCount: 3 } }],
]);
const replica = (topic: string, partition: number, sizeBytes: number) => ({ topic, partition, sizeBytes, offsetLag: 0, isFuture: false });
const logDirs: BrokerLogDirs[] = [
  {
    nodeId: 1,
    reachable: true,
    error: null,
    logDirs: [
      { path: '/a', error: null, totalBytes: 1000, usableBytes: 600, replicas: [replica('orders', 0, 10), replica('orders', 1, 20)] },
      { path: '/b', error: 'KAFKA_STORAGE_ERROR', totalBytes: null, usableBytes: null, replicas: [] },
    ],
  },
  { nodeId: 2, reachable: false, error: 'Broker 2: connect ECONNREFUSED', logDirs: [] },
];
const quorum: QuorumDescription = {
  leaderId: 2,
  leaderEpoch: 5,
  highWatermark: 100,
  voters: [
    { nodeId: 1, logEndOffset: 90, lag: 10, lastFetchTimestamp: 99, lastCaughtUpTimestamp: 99 },
    { nodeId: 2, logEndOffset: 100, lag: 0, lastFetchTimestamp: null, lastCaughtUpTimestamp: 100 },
  ],
  observers: [{ nodeId: 3, logEndOffset: 80, lag: 20, lastFetchTimestamp: 90, lastCaughtUpTimestamp: 90 }],
};

describe('brokers view rows', () => {
  const controller = controllerFrom(quorum, snapshot.cluster.brokers, snapshot.cluster.controllerId, null);
  const rows = buildBrokerRows({ snapshot, seen, logDirs, controller, now: 500 });

  it('takes the controller from the quorum leader, not from the metadata', () => {
    expect(controller).toMatchObject({ nodeId: 2, source: 'quorum', isBroker: true, leaderEpoch: 5 });
    expect(rows.filter((r) => r.isController).map((r) => r.nodeId)).toEqual([2]);
    expect(rows.map((r) => [r.nodeId, r.quorumRole, r.quorumLag])).toEqual([
      [1, 'voter', 10],
      [2, 'leader', 0],
      [3, 'observer', 20],
    ]);
  });

  it('falls back to the metadata controller and says why', () => {
    const fallback = controllerFrom(null, snapshot.cluster.brokers, 1, 'DescribeQuorum failed (CLUSTER_AUTHORIZATION_FAILED)');
    expect(fallback).toMatchObject({ nodeId: 1, source: 'metadata', voters: [], note: expect.stringMatching(/CLUSTER_AUTHORIZATION_FAILED/) });
    const dedicated = controllerFrom({ ...quorum, leaderId: 3000 }, snapshot.cluster.brokers, 1, null);
    expect(dedicated.isBroker).toBe(false);
  });

  it('counts leaders and replicas, and sums disk per log dir', () => {
    expect(countsByBroker(snapshot)).toEqual(
      new Map([
        [1, { leaderCount: 2, replicaCount: 3 }],
        [2, { leaderCount: 2, replicaCount: 4 }],
        [3, { leaderCount: 0, replicaCount: 3 }],
      ]),
    );
    expect(rows[0]).toMatchObject({ leaderCount: 2, replicaCount: 3 });
    expect(rows[0]).toMatchObject({ status: 'online', statusReason: null, lastSeenAt: 500, diskUsedBytes: 30, diskError: null });
    expect(rows[0]!.logDirs).toEqual([
      { path: '/a', error: null, usedBytes: 30, replicaCount: 2, totalBytes: 1000, usableBytes: 600 },
      { path: '/b', error: 'KAFKA_STORAGE_ERROR', usedBytes: 0, replicaCount: 0, totalBytes: null, usableBytes: null },
    ]);
  });

  it('marks a listed broker that does not answer, and a seen one the metadata dropped, unreachable', () => {
    expect(rows[1]).toMatchObject({ nodeId: 2, status: 'unreachable', statusReason: 'Broker 2: connect ECONNREFUSED', lastSeenAt: 100, diskUsedBytes: null });
    expect(rows[2]).toMatchObject({ nodeId: 3, status: 'unreachable', statusReason: NOT_IN_METADATA, lastSeenAt: 50, diskUsedBytes: null, logDirs: [] });
  });

  it('gives an unreachable broker its last-known figures, not what the metadata credits it with now', () => {
    // Broker 2 does not answer although the metadata names it leader of 2 partitions (seconds after a crash);
    // broker 3 was fenced, and the metadata says it leads nothing. Neither is what they did when last seen.
    expect(rows.map((r) => [r.nodeId, r.leaderCount, r.replicaCount])).toEqual([
      [1, 2, 3],
      [2, 1, 4],
      [3, 1, 3],
    ]);
    // A broker that never answered has no last-known figures: the metadata's, as they are.
    const never = new Map<number, SeenBroker>([[2, { node: node(2), lastSeenAt: 0, lastCounts: null }]]);
    expect(buildBrokerRows({ snapshot, seen: never, logDirs, controller, now: 500 })[0]).toMatchObject({ status: 'unreachable', lastSeenAt: 0, leaderCount: 2, replicaCount: 4 });
  });

  it('keeps a broker that answers with an error online, with the disk unknown', () => {
    const denied: BrokerLogDirs[] = [{ nodeId: 1, reachable: true, error: 'CLUSTER_AUTHORIZATION_FAILED', logDirs: [] }];
    const [row] = buildBrokerRows({ snapshot, seen, logDirs: denied, controller, now: 1 });
    expect(row).toMatchObject({ status: 'online', diskUsedBytes: null, diskError: 'CLUSTER_AUTHORIZATION_FAILED' });
  });
});
