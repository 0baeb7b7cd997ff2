import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageFromWire, type MessagesBatch } from '../src/shared/api';
import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/app';
import { createTopic, startCluster, testKafka, uniqueTopic, type RunningCluster } from './support/kafka';

/** Replication, leaders and failover only mean something on more than one broker. */
describe('a 3-node cluster: leaders, replicas and a broker going down', () => {
  let cluster: RunningCluster;
  let app: TestApp;
  let connectionId: string;
  const topic = uniqueTopic('replicated');
  /** One replica per partition: the one on a stopped broker goes offline. */
  const solo = uniqueTopic('solo');

  beforeAll(async () => {
    cluster = await startCluster({ nodes: 3 });
    await createTopic(cluster.bootstrap, topic, 6, 3);
    await createTopic(cluster.bootstrap, solo, 3, 1);
    app = startTestApp();
    connectionId = (await app.call('connection.connect', { config: { brokers: cluster.bootstrap.split(',') } })).connectionId;
  });
  afterAll(async () => {
    await app?.close();
    await cluster?.stop();
  });

  it('shows three brokers, one controller, and leaders spread over them', async () => {
    const brokers = await app.call('cluster.brokers', { connectionId });
    expect(brokers.map((b) => b.nodeId)).toEqual([1, 2, 3]);
    expect(brokers.filter((b) => b.isController)).toHaveLength(1);
    const partitions = await app.call('topics.partitions', { connectionId, topic });
    expect(partitions).toHaveLength(6);
    for (const p of partitions) {
      expect([...p.replicas].sort()).toEqual([1, 2, 3]);
      expect([...p.isr].sort()).toEqual([1, 2, 3]);
    }
    expect(new Set(partitions.map((p) => p.leader)).size).toBe(3);
    const mine = brokers.find((b) => b.nodeId === 2)!;
    expect(mine.leaderCount).toBeGreaterThanOrEqual(2);
    expect(mine.replicaCount).toBeGreaterThanOrEqual(6);
  });

  it('after a broker stops: new leaders, shrunk ISR, under-replicated partitions; then recovery', async () => {
    await cluster.stopNode(2);
    await cluster.waitForBrokers(2);
    // Views refresh; the cluster needs a moment to move leaders and shrink the ISR.
    const partitions = await eventually(
      () => app.call('topics.partitions', { connectionId, topic }),
      (ps) => ps.every((p) => p.leader !== 2 && !p.isr.includes(2)),
    );
    for (const p of partitions) {
      expect(p.leader).not.toBe(2);
      expect(p.leader).toBeGreaterThan(0);
      expect(p.isr).not.toContain(2);
      expect([...p.replicas].sort()).toEqual([1, 2, 3]);
    }
    const urp = (ts: { name: string; underReplicatedPartitions: number }[]) => ts.find((t) => t.name === topic)?.underReplicatedPartitions;
    const topics = await eventually(() => app.call('topics.list', { connectionId, includeInternal: false }), (ts) => urp(ts) === 6);
    expect(urp(topics)).toBe(6);
    const overview = await eventually(() => app.call('cluster.overview', { connectionId }), (o) => o.brokerCount === 2);
    expect(overview.brokerCount).toBe(2);
    expect(overview.underReplicatedPartitions).toBeGreaterThanOrEqual(6);
    expect(overview.offlinePartitions).toBe(1);

    // The partition whose only replica was on broker 2 is offline; the rest of the views still work.
    const soloPartitions = await app.call('topics.partitions', { connectionId, topic: solo });
    const stranded = soloPartitions.filter((p) => p.replicas.includes(2));
    expect(stranded).toHaveLength(1);
    expect(stranded[0]!.leader).toBe(-1);
    expect(stranded[0]!.preferredLeader).toBe(false);
    expect(soloPartitions.filter((p) => p.leader > 0)).toHaveLength(2);
    const listed = (await app.call('topics.list', { connectionId, includeInternal: false })).find((t) => t.name === solo);
    expect(listed).toMatchObject({ partitionCount: 3, offlinePartitions: 1 });
    expect(partitions.filter((p) => p.replicas[0] === 2).every((p) => !p.preferredLeader)).toBe(true);
    const stats = await app.call('topics.stats', { connectionId, topics: [topic, solo] });
    expect(stats.map((s) => [s.name, s.retentionMs])).toEqual([
      [topic, 7 * 86_400_000],
      [solo, 7 * 86_400_000],
    ]);
    expect((await app.call('topics.retention', { connectionId, topic })).oldestTimestamp).toBeNull();

    // Truncating every partition while one has no leader touches none of them.
    const online = soloPartitions.filter((p) => p.leader > 0).map((p) => p.partition);
    for (const p of online) execFileSync('kcat', ['-b', cluster.bootstrap, '-P', '-t', solo, '-p', String(p)], { input: 'kept\nkept' });
    await expect(app.call('topics.deleteRecords', { connectionId, topic: solo, partitions: null, confirmation: solo })).rejects.toThrow(/has no leader right now, so nothing was deleted/);
    const untouched = await app.call('topics.partitions', { connectionId, topic: solo });
    expect(untouched.filter((p) => online.includes(p.partition)).map((p) => [p.low, p.high])).toEqual(online.map(() => ['0', '2']));

    await cluster.startNode(2);
    const healed = await eventually(() => app.call('topics.list', { connectionId, includeInternal: false }), (ts) => urp(ts) === 0, 90_000);
    expect(urp(healed)).toBe(0);
    const back = (await app.call('topics.list', { connectionId, includeInternal: false })).find((t) => t.name === solo);
    expect(back?.offlinePartitions).toBe(0);
    const brokers = await eventually(() => app.call('cluster.brokers', { connectionId }), (bs) => bs.length === 3);
    expect(brokers.map((b) => b.nodeId)).toEqual([1, 2, 3]);
  });

  it('a live tail follows its partitions to their new leaders when a broker stops, losing and repeating nothing', async () => {
    const tailed = uniqueTopic('tailed');
    await createTopic(cluster.bootstrap, tailed, 3, 3);
    const write = (from: number) =>
      execFileSync('kcat', ['-b', cluster.bootstrap, '-P', '-t', tailed, '-X', 'acks=all'], { input: Array.from({ length: 30 }, (_, i) => `m${from + i}`).join('\n') });
    const seen = () =>
      app.events
        .filter((e) => e.name === 'messages.batch' && e.payload.runId === 'failover-tail')
        .flatMap((e) => (e.payload as MessagesBatch).messages.map((m) => messageFromWire(m).value!.data));
    const controller = new AbortController();
    const tail = app.call('messages.tail', { connectionId, runId: 'failover-tail', topic: tailed }, controller.signal);
    await new Promise((r) => setTimeout(r, 700));
    write(0);
    await eventually(async () => seen().length, (n) => n >= 30, 15_000, 50);

    const [first] = await app.call('topics.partitions', { connectionId, topic: tailed });
    await cluster.stopNode(first!.leader);
    write(30);
    await eventually(async () => seen().length, (n) => n >= 60, 60_000, 100);
    controller.abort();
    await tail;
    expect(seen().sort()).toEqual(Array.from({ length: 60 }, (_, i) => `m${i}`).sort());
    await cluster.startNode(first!.leader);
    await everyLeaderBack(solo);
  });

  it('a live tail goes on with the other partitions while one has no leader, says which, and picks it up again', async () => {
    const seen = () =>
      app.events
        .filter((e) => e.name === 'messages.batch' && e.payload.runId === 'offline-tail')
        .flatMap((e) => (e.payload as MessagesBatch).messages.map((m) => messageFromWire(m).value!.data));
    const lastProgress = () =>
      app.events
        .filter((e) => e.name === 'messages.batch' && e.payload.runId === 'offline-tail' && e.payload.progress)
        .map((e) => (e.payload as MessagesBatch).progress!)
        .at(-1);
    const partitions = await app.call('topics.partitions', { connectionId, topic: solo });
    const stranded = partitions.find((p) => p.leader === 3)!;
    const others = partitions.filter((p) => p !== stranded).map((p) => p.partition);
    const write = (partition: number, value: string) => execFileSync('kcat', ['-b', cluster.bootstrap, '-P', '-t', solo, '-p', String(partition)], { input: value });

    const controller = new AbortController();
    const tail = app.call('messages.tail', { connectionId, runId: 'offline-tail', topic: solo }, controller.signal);
    await new Promise((r) => setTimeout(r, 700));
    await cluster.stopNode(3);
    for (const p of others) write(p, `while-offline-${p}`);
    await eventually(async () => seen().length, (n) => n >= others.length, 30_000, 100);
    const troubled = await eventually(
      async () => lastProgress()?.partitions.find((p) => p.partition === stranded.partition)?.error,
      (error) => error !== undefined,
      30_000,
      100,
    );
    expect(troubled).toMatch(/leader|broker|connect/i);

    await cluster.startNode(3);
    await everyLeaderBack(solo);
    write(stranded.partition, 'after-recovery');
    await eventually(async () => seen().length, (n) => n >= others.length + 1, 60_000, 100);
    // Leadership may still settle for a moment after the restart (seen once on 3.9.2 in CI): a
    // fetch can meet "no leader" again just after the message came. The error must clear.
    const recovered = await eventually(async () => lastProgress()?.partitions.find((p) => p.partition === stranded.partition)?.error, (error) => error === undefined, 30_000, 100);
    expect(recovered).toBeUndefined();
    controller.abort();
    await tail;
    expect(seen().sort()).toEqual([...others.map((p) => `while-offline-${p}`), 'after-recovery'].sort());
  });

  it('a live tail begun while a partition has no leader starts it where it stood then: nothing older replayed, nothing newer missed', async () => {
    const runId = 'leaderless-start';
    const progressOf = (partition: number) =>
      app.events
        .filter((e) => e.name === 'messages.batch' && e.payload.runId === runId && e.payload.progress)
        .map((e) => (e.payload as MessagesBatch).progress!.partitions.find((p) => p.partition === partition))
        .at(-1);
    const seen = () =>
      app.events.filter((e) => e.name === 'messages.batch' && e.payload.runId === runId).flatMap((e) => (e.payload as MessagesBatch).messages.map((m) => messageFromWire(m).value!.data));
    const partitions = await app.call('topics.partitions', { connectionId, topic: solo });
    const stranded = partitions.find((p) => p.leader === 3)!;
    const others = partitions.filter((p) => p !== stranded).map((p) => p.partition);
    const write = (partition: number, value: string) => execFileSync('kcat', ['-b', cluster.bootstrap, '-P', '-t', solo, '-p', String(partition)], { input: value });
    write(stranded.partition, 'history-before-the-tail');
    // A group that committed on every partition: its page must keep the stranded one, with its commit.
    const groupId = `leaderless-${Date.now()}`;
    const admin = testKafka(cluster.bootstrap).admin();
    await admin.connect();
    await admin.setOffsets({ groupId, topic: solo, partitions: partitions.map((p) => ({ partition: p.partition, offset: '1' })) });
    await admin.disconnect();
    await cluster.stopNode(3);
    await eventually(
      () => app.call('topics.partitions', { connectionId, topic: solo }),
      (ps) => ps.some((p) => p.partition === stranded.partition && p.leader <= 0),
      60_000,
    );

    const controller = new AbortController();
    const tail = app.call('messages.tail', { connectionId, runId, topic: solo }, controller.signal);
    const waiting = await eventually(async () => progressOf(stranded.partition), (p) => p !== undefined, 15_000, 50);
    expect(waiting).toMatchObject({ unstarted: true, error: expect.stringMatching(/no leader/i) });
    for (const p of others) write(p, `tail-${p}`);
    await eventually(async () => seen().length, (n) => n >= others.length, 30_000, 100);

    const group = await app.call('groups.describe', { connectionId, groupId });
    expect(group.partitions.map((p) => p.partition).sort()).toEqual(partitions.map((p) => p.partition).sort());
    expect(group.partitions.find((p) => p.partition === stranded.partition)).toMatchObject({ committed: '1', logEnd: null, lag: null, unreadable: expect.stringMatching(/no leader/i) });
    expect(group.partitions.filter((p) => p.partition !== stranded.partition).every((p) => p.logEnd !== null && p.lag !== null && !p.unreadable)).toBe(true);
    // The total counts the partitions that answered and says how many it could not.
    expect(group).toMatchObject({ totalLag: group.partitions.reduce((n, p) => n + (p.lag ?? 0), 0), lagUnknown: 1 });
    expect((await app.call('groups.list', { connectionId })).find((g) => g.groupId === groupId)).toMatchObject({ topics: [solo], lagUnknown: 1 });
    // A reset to a time looks the others up and leaves the stranded one as it is, saying so.
    const preview = await app.call('groups.resetPreview', { connectionId, groupId, topic: solo, partitions: null, mode: { kind: 'timestamp', timestamp: 0 } });
    expect(preview.find((r) => r.partition === stranded.partition)).toMatchObject({ current: '1', next: null, lagAfter: null, skipped: expect.stringMatching(/no leader/i) });
    expect(preview.filter((r) => r.partition !== stranded.partition).map((r) => [r.partition, r.next])).toEqual(others.map((p) => [p, '0']));
    const reset = await app.call('groups.reset', { connectionId, groupId, topic: solo, partitions: [stranded.partition], mode: { kind: 'earliest' } }).catch((e: Error) => e);
    expect(String(reset)).toMatch(/Nothing reset: none of the chosen partitions has a leader right now/);

    // Meanwhile a read of the whole topic reads the others and names the one it could not; a copy refuses.
    const read = await app.call('messages.search', { connectionId, runId: 'leaderless-read', topic: solo, position: { kind: 'beginning' }, limit: 1000 });
    const unread = read.progress.partitions.find((p) => p.partition === stranded.partition);
    expect(unread).toMatchObject({ unstarted: true, scanned: 0, error: expect.stringMatching(/no leader/i) });
    expect(read.progress.partitions.filter((p) => others.includes(p.partition)).every((p) => !p.error && p.scanned > 0)).toBe(true);
    await expect(app.call('copy.run', { connectionId, runId: 'leaderless-copy', topic: solo, source: { kind: 'range', position: { kind: 'beginning' } }, target: { connectionId, topic } })).rejects.toThrow(
      new RegExp(`partition ${stranded.partition} has no leader right now, so nothing was copied`),
    );

    await cluster.startNode(3);
    await everyLeaderBack(solo);
    write(stranded.partition, 'after-its-leader-came-back');
    await eventually(async () => seen().length, (n) => n >= others.length + 1, 60_000, 100);
    const started = await eventually(async () => progressOf(stranded.partition), (p) => p?.unstarted === undefined && p?.error === undefined, 30_000, 100);
    expect(BigInt(started!.from)).toBeGreaterThan(0n);
    controller.abort();
    await tail;
    expect(seen().sort()).toEqual([...others.map((p) => `tail-${p}`), 'after-its-leader-came-back'].sort());
  });

  /** A restarted broker takes its partitions back a moment after it answers: wait for every leader. */
  async function everyLeaderBack(topicName: string): Promise<void> {
    await eventually(() => app.call('topics.partitions', { connectionId, topic: topicName }), (ps) => ps.every((p) => p.leader > 0), 60_000);
  }
});
