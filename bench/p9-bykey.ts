/**
 * P9 by key: "find every message for one key in seconds" in a 10,000,000-message topic
 * (50,000 with --smoke) of 12 partitions and 100,000 keys, written by kcat with the default
 * partitioner (murmur2). One key's messages found three ways, in the same run: the app's read
 * by exact key (messages.search with `key`: only the partition murmur2 picks, up to its end
 * offset), the app scanning every partition for it (`keyScan: 'all'`), and
 * `kcat -C -e | grep` over the whole topic. Prints seconds and the ratios.
 */
import { execFileSync } from 'node:child_process';
import { benchApp, smoke, timed } from './support';
import { createTopicsReady } from '../scripts/kafka/topics';

const COUNT = smoke ? 50_000 : 10_000_000;
const PARTITIONS = 12;
const KEYS = smoke ? 500 : 100_000;
const KEY = `user-${Math.floor(KEYS / 3)}`;

const { bootstrap, admin, app, connectionId, close } = await benchApp();
const topic = `p9-bykey-${process.pid}`;
await createTopicsReady(bootstrap, [{ topic, numPartitions: PARTITIONS }]);

// Written by awk into kcat: no 10M-line string in this process. ~70 B values.
const write = await timed(async () =>
  execFileSync('sh', [
    '-c',
    `seq 0 ${COUNT - 1} | awk '{ printf "user-%d\\t{\\"seq\\":%d,\\"rider\\":\\"Master Chief\\",\\"loc\\":\\"NORTH\\",\\"lat\\":52.37}\\n", $1 % ${KEYS}, $1 }' | kcat -b ${bootstrap} -P -t ${topic} -K '\\t' -X topic.partitioner=murmur2_random -X linger.ms=100 -X batch.num.messages=10000 -X queue.buffering.max.messages=1000000`,
  ]),
);
const stored = (await admin.fetchTopicOffsets(topic)).reduce((s, p) => s + Number(p.high), 0);
if (stored !== COUNT) throw new Error(`the topic holds ${stored} of ${COUNT}`);
const expected = COUNT / KEYS;

const search = (runId: string, keyScan: 'partition' | 'all') =>
  app.call('messages.search', { connectionId, runId, topic, position: { kind: 'beginning' }, limit: 10_000, filter: { key: KEY, keyScan } });
const byKey = await timed(() => search('p9-key-one', 'partition'));
const scan = await timed(() => search('p9-key-all', 'all'));
const grep = await timed(async () =>
  Number(execFileSync('sh', ['-c', `kcat -b ${bootstrap} -C -t ${topic} -o beginning -e -q -K '\\t' | grep -c '^${KEY}\t' || true`], { maxBuffer: 1 << 20 }).toString().trim()),
);
for (const [name, found] of [
  ['by key', byKey.value.progress.matched],
  ['full scan', scan.value.progress.matched],
  ['kcat | grep', grep.value],
] as const) {
  if (found !== expected) throw new Error(`${name} found ${found} messages of ${KEY}, not ${expected}`);
}
await admin.deleteTopics({ topics: [topic] });

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`.padStart(9);
console.log(`p9 by key: ${COUNT.toLocaleString('en')} messages, ${PARTITIONS} partitions, ${KEYS.toLocaleString('en')} keys (written by kcat in ${s(write.ms).trim()}); the ${expected} messages of ${KEY}:`);
console.log(`  app by key (partition ${byKey.value.keyPartition}) ${s(byKey.ms)}  ${byKey.value.progress.scanned.toLocaleString('en')} scanned`);
console.log(`  app all partitions        ${s(scan.ms)}  ${scan.value.progress.scanned.toLocaleString('en')} scanned  ratio ${(scan.ms / byKey.ms).toFixed(1)}× slower than by key`);
console.log(`  kcat -C -e | grep         ${s(grep.ms)}  ratio ${(grep.ms / byKey.ms).toFixed(1)}× slower than by key`);
console.log(`p9 by key in seconds (< 10 s): ${byKey.ms < 10_000 ? 'met' : 'NOT met'}`);

await close();
