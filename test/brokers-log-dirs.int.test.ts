import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, statfsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionConfig } from '../src/shared/api';
import { createKafkajsClient } from '../src/main/kafka/kafkajs/create-client';
import type { KafkaClient } from '../src/main/kafka/client';
import { createLogger } from '../src/main/log';
import { eventually } from './support/eventually';
import { createTopic, sharedBootstrap, testKafka, uniqueTopic } from './support/kafka';

/** Bytes of the segment files (*.log) of one partition, as the broker's own disk holds them. */
function segmentBytesOnDisk(logDir: string, topic: string, partition: number): number {
  const dir = join(logDir, `${topic}-${partition}`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.log'))
    .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

describe('DescribeLogDirs and DescribeQuorum against the real broker (raw requests kafkajs lacks)', () => {
  const bootstrap = sharedBootstrap();
  const topic = uniqueTopic('logdirs');
  const other = uniqueTopic('logdirs-other');
  let client: KafkaClient;
  let nodeId: number;

  beforeAll(async () => {
    await createTopic(bootstrap, topic, 2);
    await createTopic(bootstrap, other, 1);
    // kcat as the independent producer: 300 messages of ~1 KB into partition 0, 50 into partition 1.
    const line = (i: number) => `${i}-${'x'.repeat(1000)}`;
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', '0'], { input: Array.from({ length: 300 }, (_, i) => line(i)).join('\n') });
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', '1'], { input: Array.from({ length: 50 }, (_, i) => line(i)).join('\n') });
    client = createKafkajsClient(ConnectionConfig.parse({ brokers: bootstrap.split(',') }), createLogger('test', { level: 'error' }));
    await client.connect();
    nodeId = (await client.describeCluster()).brokers[0]!.nodeId;
  });
  afterAll(async () => {
    await client?.close();
    const admin = testKafka(bootstrap).admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic, other] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('gives each replica its size, equal to the segment files on the broker’s disk', async () => {
    const [broker] = await eventually(
      () => client.describeLogDirs([nodeId], [topic]),
      ([b]) => (b?.logDirs.flatMap((d) => d.replicas).find((r) => r.partition === 0)?.sizeBytes ?? 0) > 300_000,
    );
    expect(broker).toMatchObject({ nodeId, reachable: true, error: null });
    const dir = broker!.logDirs.find((d) => d.replicas.length > 0)!;
    expect(dir.error).toBeNull();
    const replicas = [...dir.replicas].sort((a, b) => a.partition - b.partition);
    expect(replicas.map((r) => [r.topic, r.partition, r.isFuture])).toEqual([
      [topic, 0, false],
      [topic, 1, false],
    ]);
    // Only the asked topic comes back.
    expect(broker!.logDirs.flatMap((d) => d.replicas).every((r) => r.topic === topic)).toBe(true);
    for (const r of replicas) expect(r.sizeBytes).toBe(segmentBytesOnDisk(dir.path, topic, r.partition));
    expect(replicas[0]!.sizeBytes).toBeGreaterThan(5 * replicas[1]!.sizeBytes);
  });

  it('gives the dir’s capacity as the file system reports it (v4), and every replica when no topic is named', async () => {
    const [broker] = await client.describeLogDirs([nodeId]);
    const dir = broker!.logDirs.find((d) => d.replicas.some((r) => r.topic === topic))!;
    const fs = statfsSync(dir.path);
    expect(dir.totalBytes).toBe(fs.blocks * fs.bsize);
    // Usable space moves as anything on the machine writes: within 1 % of what statfs says now.
    expect(Math.abs(dir.usableBytes! - fs.bavail * fs.bsize)).toBeLessThan(fs.blocks * fs.bsize * 0.01);
    const topicsSeen = new Set(broker!.logDirs.flatMap((d) => d.replicas.map((r) => r.topic)));
    expect(topicsSeen.has(topic)).toBe(true);
    expect(topicsSeen.has(other)).toBe(true);
  });

  it('with an empty topic list gives the dirs without replicas', async () => {
    const [broker] = await client.describeLogDirs([nodeId], []);
    expect(broker!.logDirs.length).toBeGreaterThan(0);
    expect(broker!.logDirs.every((d) => d.replicas.length === 0 && d.path.length > 0)).toBe(true);
  });

  it('reports a broker that does not exist as unreachable instead of failing the others', async () => {
    const results = await client.describeLogDirs([nodeId, 4242], [topic]);
    expect(results.map((r) => [r.nodeId, r.reachable])).toEqual([
      [nodeId, true],
      [4242, false],
    ]);
    expect(results[1]!.error).toMatch(/4242/);
  });

  it('rejects with its signal once aborted (the answer on the way is dropped unread), and the connection goes on serving', async () => {
    const before = new AbortController();
    before.abort();
    await expect(client.describeLogDirs([nodeId], null, before.signal)).rejects.toMatchObject({ name: 'AbortError' });

    // Aborted right after the call, while it is under way: not a broker that failed to answer.
    const during = new AbortController();
    const asked = client.describeLogDirs([nodeId], null, during.signal);
    setImmediate(() => during.abort());
    await expect(asked).rejects.toMatchObject({ name: 'AbortError' });

    // The skipped answer was still taken off the connection: the next request gets its own.
    const [broker] = await client.describeLogDirs([nodeId], [topic]);
    expect(broker!.reachable).toBe(true);
    expect(broker!.logDirs.flatMap((d) => d.replicas).map((r) => r.partition).sort()).toEqual([0, 1]);
  });

  it('names the quorum leader (this single node) with itself as the only voter', async () => {
    const quorum = await client.describeQuorum();
    expect(quorum).not.toBeNull();
    expect(quorum!.leaderId).toBe(nodeId);
    expect(quorum!.leaderEpoch).toBeGreaterThan(0);
    expect(quorum!.voters.map((v) => v.nodeId)).toEqual([nodeId]);
    expect(quorum!.voters[0]!.lag).toBe(0);
    expect(quorum!.highWatermark).toBeGreaterThan(0);
  });
});
