/**
 * P5 produce: 100,000 messages of ~200 B (10,000 with --smoke), the app vs `kcat -P` from
 * the same file, in the same run, on the same broker. The app goes through its real main-process
 * path (dispatcher → produce service → kafkajs): once importing the same messages as an NDJSON
 * file (kcat reads them as key<TAB>value lines), once as a templated burst. The import is timed
 * from Send, after the preview the window shows on choosing the file. Prints msg/s and the ratio
 * app ÷ kcat (target ≥ 0.7, issue 19).
 * With --primed, each new topic gets two small writes to every partition before it is timed, so
 * the broker has created the partition's index files (30–200 ms at random here, on the second
 * write to a new partition): the steady state of a warm broker, for kcat and the app alike.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { benchApp, median, smoke, timed } from './support';
import { createTopicsReady } from '../scripts/kafka/topics';
import { CRC32C_NATIVE } from '../src/main/kafka/kafkajs/raw/crc32c';

const COUNT = smoke ? 10_000 : 100_000;
// Five rounds: a round's time can double at random from the broker alone (the second write to
// each new partition creates its index files: 30–200 ms here, for kcat and the app alike) or from
// the app's first round (cold code): the median of five is decided by neither.
const ROUNDS = smoke ? 1 : 5;
const PARTITIONS = 6;
const primed = process.argv.includes('--primed');

const { bootstrap, admin, app, connectionId, close } = await benchApp();

// ~200 B JSON values with a key, as test events usually look.
const rows = Array.from({ length: COUNT }, (_, i) => ({
  key: `rider-${i % 500}`,
  value: JSON.stringify({ seq: i, rider_name: 'Master Chief', loc: ['NORTH', 'SOUTH', 'EAST', 'WEST'][i % 4], lat: 52.37 + (i % 100) / 1000, lon: 4.89, note: 'x'.repeat(90) }),
}));
const dir = mkdtempSync(join(tmpdir(), 'ke-p5-'));
const kcatFile = join(dir, 'messages.tsv');
writeFileSync(kcatFile, rows.map((r) => `${r.key}\t${r.value}`).join('\n') + '\n');
const ndjson = rows.map((r) => JSON.stringify({ key: r.key, value: r.value })).join('\n');
const avgBytes = Math.round(rows.reduce((s, r) => s + r.key.length + r.value.length, 0) / COUNT);

let n = 0;
const primer = primed ? new Kafka({ clientId: 'bench-primer', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING }).producer() : null;
await primer?.connect();
/** Records a topic held before it was timed (the --primed writes). */
const before = new Map<string, number>();
async function freshTopic(): Promise<string> {
  const topic = `p5-${process.pid}-${n++}`;
  await createTopicsReady(bootstrap, [{ topic, numPartitions: PARTITIONS }]);
  created.push(topic);
  if (primer) {
    // The first write over 4 KiB, so the second adds the partition's first index entries.
    await primer.send({ topic, acks: -1, messages: Array.from({ length: PARTITIONS }, (_, partition) => ({ partition, value: 'x'.repeat(5000) })) });
    await primer.send({ topic, acks: -1, messages: Array.from({ length: PARTITIONS }, (_, partition) => ({ partition, value: 'x' })) });
    before.set(topic, await stored(topic));
  }
  return topic;
}
async function stored(topic: string): Promise<number> {
  return (await admin.fetchTopicOffsets(topic)).reduce((s, p) => s + Number(p.high), 0) - (before.get(topic) ?? 0);
}

const created: string[] = [];
const results = { kcat: [] as number[], appImport: [] as number[], appBurst: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  const t1 = await freshTopic();
  const kcat = await timed(async () => execFileSync('kcat', ['-b', bootstrap, '-P', '-t', t1, '-K', '\t', '-l', '-X', 'topic.partitioner=murmur2_random', kcatFile]));
  if ((await stored(t1)) !== COUNT) throw new Error(`kcat stored ${await stored(t1)} of ${COUNT}`);
  results.kcat.push(kcat.ms);

  const t2 = await freshTopic();
  // As in the window: choosing the file previews it (which starts the import's workers), then Send.
  const preview = await app.call('produce.importPreview', { connectionId, topic: t2, format: 'ndjson', content: ndjson });
  if (preview.total !== COUNT || preview.invalid !== 0) throw new Error(`the preview read ${preview.total} lines, ${preview.invalid} not valid`);
  const imp = await timed(() => app.call('produce.import', { connectionId, topic: t2, runId: `imp${round}`, format: 'ndjson', content: ndjson }));
  if (imp.value.sent !== COUNT || (await stored(t2)) !== COUNT) throw new Error(`app import stored ${await stored(t2)} of ${COUNT}: ${JSON.stringify(imp.value).slice(0, 500)}`);
  results.appImport.push(imp.ms);

  const t3 = await freshTopic();
  const burst = await timed(() =>
    app.call('produce.burst', {
      connectionId,
      topic: t3,
      runId: `burst${round}`,
      count: COUNT,
      message: { key: { format: 'text', text: 'rider-{{int 1 500}}' }, value: { format: 'json', text: `{"seq": {{seq}}, "rider_name": "{{name}}", "loc": "{{pick "NORTH" "SOUTH" "EAST" "WEST"}}", "lat": {{float 52.3 52.4 4}}, "lon": 4.89, "note": "${'x'.repeat(90)}"}` } },
    }),
  );
  if (burst.value.sent !== COUNT || (await stored(t3)) !== COUNT) throw new Error(`app burst stored ${await stored(t3)} of ${COUNT}`);
  results.appBurst.push(burst.ms);
}
// Deleted only at the end: a producer that sent to a since-deleted topic pays a one-time recovery (see producer.ts).
await admin.deleteTopics({ topics: created });

const rate = (ms: number) => Math.round((COUNT * 1000) / ms);
const k = median(results.kcat);
const i = median(results.appImport);
const b = median(results.appBurst);
console.log(`p5 produce ${COUNT.toLocaleString('en')} messages of ~${avgBytes} B, ${PARTITIONS} partitions, median of ${ROUNDS}${primed ? ', topics primed' : ''} (batch CRC ${CRC32C_NATIVE ? 'native' : 'in JavaScript'}):`);
console.log(`  kcat -P (file)          ${rate(k).toLocaleString('en').padStart(9)} msg/s  (${(k / 1000).toFixed(2)} s)`);
console.log(`  app import (same file)  ${rate(i).toLocaleString('en').padStart(9)} msg/s  (${(i / 1000).toFixed(2)} s)  ratio ${(k / i).toFixed(2)}× kcat`);
console.log(`  app templated burst     ${rate(b).toLocaleString('en').padStart(9)} msg/s  (${(b / 1000).toFixed(2)} s)  ratio ${(k / b).toFixed(2)}× kcat`);
// Every round, so a run's spread is on record and not only its median.
console.log(`  rounds (s): kcat ${results.kcat.map((ms) => (ms / 1000).toFixed(2)).join(' ')} · import ${results.appImport.map((ms) => (ms / 1000).toFixed(2)).join(' ')} · burst ${results.appBurst.map((ms) => (ms / 1000).toFixed(2)).join(' ')}`);
console.log(`p5 target app ≥ 0.7× kcat: import ${k / i >= 0.7 ? 'met' : 'NOT met'}, burst ${k / b >= 0.7 ? 'met' : 'NOT met'}`);

await primer?.disconnect();
await close();
