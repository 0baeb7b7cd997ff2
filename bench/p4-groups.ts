/**
 * P4 consumer groups: 300 groups over 20 topics (30 with --smoke), the app's groups list vs
 * `kafka-consumer-groups.sh --describe --all-groups` (Kafka's ConsumerGroupCommand from the
 * broker jars) on the same broker in the same run. Checks both report identical lag per group,
 * prints both times and the speed-up (target ≥ 5×).
 */
import { execFileSync } from 'node:child_process';
import { Kafka, logLevel } from 'kafkajs';
import { startTestApp } from '../test/support/app';
import { kafkaTool } from './kafka-cli';
import { benchBroker, median, smoke, timed } from './support';
import { createTopicsReady } from '../scripts/kafka/topics';

const GROUPS = smoke ? 30 : 300;
const TOPICS = smoke ? 4 : 20;
const PARTITIONS = 3;
const ROUNDS = smoke ? 1 : 3;

const { bootstrap, done } = await benchBroker();
const admin = new Kafka({ clientId: 'bench', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING }).admin();
await admin.connect();
const prefix = `p4-${process.pid}`;
const topics = Array.from({ length: TOPICS }, (_, i) => `${prefix}-t${i}`);
await createTopicsReady(bootstrap, topics.map((topic) => ({ topic, numPartitions: PARTITIONS })));
for (const topic of topics) {
  for (let p = 0; p < PARTITIONS; p++) execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', String(p)], { input: Array.from({ length: 50 + p * 10 }, (_, i) => `m${i}`).join('\n') });
}
const groups = Array.from({ length: GROUPS }, (_, i) => `${prefix}-g${String(i).padStart(3, '0')}`);
const expected = new Map<string, number>();
await Promise.all(
  Array.from({ length: 8 }, async (_, worker) => {
    for (let i = worker; i < GROUPS; i += 8) {
      let lag = 0;
      for (const t of [topics[i % TOPICS]!, topics[(i * 7 + 3) % TOPICS]!].filter((x, j, all) => all.indexOf(x) === j)) {
        const partitions = Array.from({ length: PARTITIONS }, (_, p) => ({ partition: p, offset: String((i + p * 3) % (50 + p * 10)) }));
        lag += partitions.reduce((s, p) => s + (50 + p.partition * 10 - Number(p.offset)), 0);
        await admin.setOffsets({ groupId: groups[i]!, topic: t, partitions });
      }
      expected.set(groups[i]!, lag);
    }
  }),
);

const app = startTestApp();
const { connectionId } = await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } });

/** Parses the CLI's tables: GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG … */
function cliLag(out: string): Map<string, number> {
  const lag = new Map<string, number>();
  for (const line of out.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 6 || cols[0] === 'GROUP' || !cols[0]!.startsWith(prefix)) continue;
    const value = cols[5] === '-' ? 0 : Number(cols[5]);
    lag.set(cols[0]!, (lag.get(cols[0]!) ?? 0) + value);
  }
  return lag;
}

const appTimes: number[] = [];
const cliTimes: number[] = [];
let mismatches = 0;
for (let round = 0; round < ROUNDS; round++) {
  const ours = await timed(() => app.call('groups.list', { connectionId }));
  appTimes.push(ours.ms);
  const theirs = await timed(() => kafkaTool('org.apache.kafka.tools.consumer.group.ConsumerGroupCommand', ['--bootstrap-server', bootstrap, '--describe', '--all-groups']));
  cliTimes.push(theirs.ms);
  const cli = cliLag(theirs.value);
  const mine = new Map(ours.value.filter((g) => g.groupId.startsWith(prefix)).map((g) => [g.groupId, g.totalLag ?? 0]));
  for (const g of groups) {
    if (mine.get(g) !== cli.get(g) || mine.get(g) !== expected.get(g)) {
      mismatches++;
      if (mismatches < 5) console.log(`  mismatch ${g}: app ${mine.get(g)}, cli ${cli.get(g)}, expected ${expected.get(g)}`);
    }
  }
}

const a = median(appTimes);
const c = median(cliTimes);
console.log(`p4 groups: ${GROUPS} groups over ${TOPICS} topics × ${PARTITIONS} partitions, median of ${ROUNDS}:`);
console.log(`  kafka-consumer-groups --describe --all-groups  ${(c / 1000).toFixed(2)} s`);
console.log(`  app groups list (state, members, lag)          ${(a / 1000).toFixed(2)} s   ${(c / a).toFixed(1)}× faster`);
console.log(`p4 lag identical for ${GROUPS - mismatches / ROUNDS} of ${GROUPS} groups; target ≥ 5× ${c / a >= 5 ? 'met' : 'NOT met'}`);

await app.close();
await admin.deleteGroups(groups).catch(() => undefined);
await admin.deleteTopics({ topics });
await admin.disconnect();
await done();
if (mismatches > 0) process.exitCode = 1;
