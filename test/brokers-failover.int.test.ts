import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/app';
import { createTopic, startCluster, uniqueTopic, type RunningCluster } from './support/kafka';

/**
 * The brokers view on a 3-node KRaft cluster (combined broker+controller nodes) when the node
 * that is the active controller stops: it shows unreachable, a new quorum leader is elected,
 * and everything recovers after the restart.
 */
describe('brokers view: the active controller stops and comes back', () => {
  let cluster: RunningCluster;
  let app: TestApp;
  let connectionId: string;
  const topic = uniqueTopic('failover');

  beforeAll(async () => {
    cluster = await startCluster({ nodes: 3 });
    await createTopic(cluster.bootstrap, topic, 3, 3);
    app = startTestApp();
    connectionId = (await app.call('connection.connect', { config: { brokers: cluster.bootstrap.split(','), requestTimeoutMs: 5_000 } })).connectionId;
  });
  afterAll(async () => {
    await app?.close();
    await cluster?.stop();
  });

  it('shows the stopped controller unreachable, the re-elected quorum leader, then recovery', async () => {
    const before = await app.call('cluster.controller', { connectionId, fresh: true });
    expect(before.source).toBe('quorum');
    expect(before.voters.map((v) => v.nodeId).sort()).toEqual([1, 2, 3]);
    const leader = before.nodeId;
    const brokers = await app.call('cluster.brokers', { connectionId, fresh: true });
    expect(brokers.map((b) => [b.nodeId, b.status])).toEqual([
      [1, 'online'],
      [2, 'online'],
      [3, 'online'],
    ]);
    expect(brokers.filter((b) => b.isController).map((b) => b.nodeId)).toEqual([leader]);
    for (const b of brokers) expect(b.diskUsedBytes).not.toBeNull();

    await cluster.stopNode(leader);

    // A new leader among the two that are left, in a later epoch.
    const after = await eventually(
      () => app.call('cluster.controller', { connectionId, fresh: true }),
      (c) => c.source === 'quorum' && c.nodeId >= 0 && c.nodeId !== leader,
      30_000,
    );
    expect(after.leaderEpoch!).toBeGreaterThan(before.leaderEpoch!);
    const down = await eventually(
      () => app.call('cluster.brokers', { connectionId, fresh: true }),
      (bs) => bs.find((b) => b.nodeId === leader)?.status === 'unreachable' && bs.filter((b) => b.status === 'online').length === 2,
      30_000,
    );
    // Still listed (main remembers it), with why and when it last answered.
    expect(down.map((b) => b.nodeId)).toEqual([1, 2, 3]);
    const gone = down.find((b) => b.nodeId === leader)!;
    expect(gone.statusReason).toMatch(/ECONNREFUSED|no longer in the cluster metadata|Connection/i);
    expect(gone.diskUsedBytes).toBeNull();
    expect(gone.lastSeenAt).toBeGreaterThan(0);
    // Its leaders and replicas are those of when it last answered (the window marks them "last known"),
    // not what the metadata credits a stopped broker with afterwards (nothing, once leadership moved).
    const lastAnswer = brokers.find((b) => b.nodeId === leader)!;
    expect(lastAnswer.leaderCount).toBeGreaterThan(0);
    expect(gone).toMatchObject({ leaderCount: lastAnswer.leaderCount, replicaCount: lastAnswer.replicaCount });
    expect(down.filter((b) => b.isController).map((b) => b.nodeId)).toEqual([after.nodeId]);

    await cluster.startNode(leader);
    const healed = await eventually(
      () => app.call('cluster.brokers', { connectionId, fresh: true }),
      (bs) => bs.every((b) => b.status === 'online' && b.diskUsedBytes !== null),
      45_000,
    );
    expect(healed.map((b) => b.nodeId)).toEqual([1, 2, 3]);
    const rejoined = await eventually(
      () => app.call('cluster.controller', { connectionId, fresh: true }),
      (c) => c.voters.find((v) => v.nodeId === leader)?.lag !== null && (c.voters.find((v) => v.nodeId === leader)?.lag ?? Infinity) < 100,
      30_000,
    );
    expect(rejoined.voters.map((v) => v.nodeId).sort()).toEqual([1, 2, 3]);
  });
});
