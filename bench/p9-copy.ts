/**
 * P9 copy: 100,000 messages of ~200 B (10,000 with --smoke) copied topic → topic on the same
 * broker, the app (copy.run: read through main, rewritten, produced) vs a
 * `kcat -C -e | kcat -P` pipe on the same data, in the same run. Both keyed, both partition by
 * key. Prints msg/s and the ratio app ÷ kcat (target ≥ 0.5). Run it with `nice -n -15` for
 * fairness on a shared machine (see README).
 */
import { execFileSync } from 'node:child_process';
import { benchApp, median, smoke, timed } from './support';
import { createTopicsReady } from '../scripts/kafka/topics';

const COUNT = smoke ? 10_000 : 100_000;
const ROUNDS = smoke ? 1 : 3;
const PARTITIONS = 6;

const { bootstrap, admin, app, connectionId, close } = await benchApp();
const created: string[] = [];
let n = 0;
async function freshTopic(): Promise<string> {
  const topic = `p9-${process.pid}-${n++}`;
  await createTopicsReady(bootstrap, [{ topic, numPartitions: PARTITIONS }]);
  created.push(topic);
  return topic;
}
async function stored(topic: string): Promise<number> {
  return (await admin.fetchTopicOffsets(topic)).reduce((s, p) => s + Number(p.high), 0);
}

// The source: ~200 B JSON values with a key, written once by kcat.
const source = await freshTopic();
const lines = Array.from({ length: COUNT }, (_, i) => `rider-${i % 500}\t${JSON.stringify({ seq: i, rider_name: 'Master Chief', loc: ['NORTH', 'SOUTH', 'EAST', 'WEST'][i % 4], lat: 52.37 + (i % 100) / 1000, lon: 4.89, note: 'x'.repeat(90) })}`);
execFileSync('kcat', ['-b', bootstrap, '-P', '-t', source, '-K', '\t', '-X', 'topic.partitioner=murmur2_random'], { input: lines.join('\n') + '\n', maxBuffer: 1 << 30 });
if ((await stored(source)) !== COUNT) throw new Error(`the source holds ${await stored(source)} of ${COUNT}`);
const avgBytes = Math.round(lines.reduce((s, l) => s + l.length - 1, 0) / COUNT);

const results = { kcat: [] as number[], app: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  const t1 = await freshTopic();
  const pipe = `kcat -b ${bootstrap} -C -t ${source} -o beginning -e -q -K '\t' | kcat -b ${bootstrap} -P -t ${t1} -K '\t' -X topic.partitioner=murmur2_random`;
  const kcat = await timed(async () => execFileSync('sh', ['-c', pipe]));
  if ((await stored(t1)) !== COUNT) throw new Error(`kcat pipe stored ${await stored(t1)} of ${COUNT}`);
  results.kcat.push(kcat.ms);

  const t2 = await freshTopic();
  const copy = await timed(() =>
    app.call('copy.run', { connectionId, runId: `p9-${round}`, topic: source, source: { kind: 'range', position: { kind: 'beginning' } }, target: { connectionId, topic: t2 }, options: { partitioning: 'key' } }),
  );
  if (copy.value.sent !== COUNT || (await stored(t2)) !== COUNT) throw new Error(`app copy stored ${await stored(t2)} of ${COUNT}: ${JSON.stringify(copy.value).slice(0, 500)}`);
  results.app.push(copy.ms);
}
await admin.deleteTopics({ topics: created });

const rate = (ms: number) => Math.round((COUNT * 1000) / ms);
const k = median(results.kcat);
const a = median(results.app);
console.log(`p9 copy ${COUNT.toLocaleString('en')} messages of ~${avgBytes} B topic → topic, ${PARTITIONS} partitions, median of ${ROUNDS}:`);
console.log(`  kcat -C | kcat -P   ${rate(k).toLocaleString('en').padStart(9)} msg/s  (${(k / 1000).toFixed(2)} s)`);
console.log(`  app copy.run        ${rate(a).toLocaleString('en').padStart(9)} msg/s  (${(a / 1000).toFixed(2)} s)  ratio ${(k / a).toFixed(2)}× kcat`);
console.log(`p9 target app ≥ 0.5× kcat: ${k / a >= 0.5 ? 'met' : 'NOT met'}`);

await close();
