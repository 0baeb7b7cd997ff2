/**
 * npx tsx bench/brokers-disk.ts [--smoke]: the brokers view's disk figures on many partitions.
 * Times the app's own DescribeLogDirs (the port the brokers view uses) and the whole
 * `cluster.brokers` call (metadata + quorum + log dirs, through the real dispatcher) against
 * Kafka's own `kafka-log-dirs.sh --describe` (LogDirsCommand, JVM start included) on the same
 * broker, and checks that every partition's size is identical in both.
 * Not a P-benchmark of performance.md (no target there); run it by hand.
 */
import { execFileSync } from 'node:child_process';
import { ConnectionConfig } from '../src/shared/api';
import { createKafkajsClient } from '../src/main/kafka/kafkajs/create-client';
import { createLogger } from '../src/main/log';
import { startTestApp } from '../test/support/app';
import { testKafka } from '../test/support/kafka';
import { kafkaTool } from './kafka-cli';
import { benchBroker, median, smoke, timed } from './support';
import { createTopicsReady } from '../scripts/kafka/topics';

const TOPICS = smoke ? 5 : 200;
const PARTITIONS = 10;
const { bootstrap, done } = await benchBroker();
const prefix = `bench-disk-${process.pid}-`;
const topics = Array.from({ length: TOPICS }, (_, i) => `${prefix}${i}`);
const admin = testKafka(bootstrap).admin();
await admin.connect();
try {
  await createTopicsReady(bootstrap, topics.map((topic) => ({ topic, numPartitions: PARTITIONS, replicationFactor: 1 })));
  // Some data, so sizes differ: 200 messages into the first partitions of every tenth topic.
  for (const topic of topics.filter((_, i) => i % 10 === 0)) {
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', '0'], { input: Array.from({ length: 200 }, (_, i) => `m${i}-${'z'.repeat(300)}`).join('\n') });
  }

  const client = createKafkajsClient(ConnectionConfig.parse({ brokers: [bootstrap] }), createLogger('bench', { level: 'error' }));
  await client.connect();
  const nodeId = (await client.describeCluster()).brokers[0]!.nodeId;
  const appRuns = [];
  let appSizes = new Map<string, number>();
  for (let i = 0; i < 7; i++) {
    const { ms, value } = await timed(() => client.describeLogDirs([nodeId], null));
    appRuns.push(ms);
    appSizes = new Map(value[0]!.logDirs.flatMap((d) => d.replicas).map((r) => [`${r.topic}-${r.partition}`, r.sizeBytes]));
  }
  await client.close();

  const app = startTestApp();
  const { connectionId } = await app.call('connection.connect', { config: { brokers: [bootstrap] } });
  const viewRuns = [];
  for (let i = 0; i < 5; i++) viewRuns.push((await timed(() => app.call('cluster.brokers', { connectionId, fresh: true }))).ms);
  await app.close();

  const toolRuns = [];
  let toolSizes = new Map<string, number>();
  for (let i = 0; i < 3; i++) {
    const { ms, value } = await timed(() => kafkaTool('org.apache.kafka.tools.LogDirsCommand', ['--bootstrap-server', bootstrap, '--describe', '--broker-list', String(nodeId)]));
    toolRuns.push(ms);
    const json = JSON.parse(value.split('\n').find((l) => l.startsWith('{'))!) as { brokers: { logDirs: { partitions: { partition: string; size: number }[] }[] }[] };
    toolSizes = new Map(json.brokers.flatMap((b) => b.logDirs.flatMap((d) => d.partitions.map((p) => [p.partition, p.size] as [string, number]))));
  }

  const ours = [...appSizes.keys()].filter((k) => k.startsWith(prefix));
  const mismatches = ours.filter((k) => appSizes.get(k) !== toolSizes.get(k));
  const partitions = ours.length;
  const app1 = median(appRuns);
  const view = median(viewRuns);
  const tool = median(toolRuns);
  console.log(`brokers-disk log dirs of ${partitions} partitions: app DescribeLogDirs ${app1.toFixed(0)} ms, kafka-log-dirs ${tool.toFixed(0)} ms, ratio ${(tool / app1).toFixed(1)}`);
  console.log(`brokers-disk whole brokers view (metadata + quorum + log dirs): app ${view.toFixed(0)} ms, kafka-log-dirs ${tool.toFixed(0)} ms, ratio ${(tool / view).toFixed(1)}`);
  console.log(`brokers-disk sizes identical to kafka-log-dirs: ${mismatches.length === 0 ? 'yes' : `NO (${mismatches.length} differ, e.g. ${mismatches[0]})`} (${partitions} partitions, ${[...appSizes.values()].reduce((a, b) => a + b, 0)} bytes in all)`);
  if (mismatches.length > 0 || partitions !== TOPICS * PARTITIONS) process.exitCode = 1;
} finally {
  await admin.deleteTopics({ topics }).catch(() => undefined);
  await admin.disconnect();
  await done();
}
