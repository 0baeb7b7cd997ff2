/**
 * P1 read: 1,000,000 messages of ~200 B over 12 partitions, and 200,000 JSON values of ~1 KiB
 * written by kcat with zstd (20,000 / 10,000 with --smoke). The app reads them through its real
 * main-process path: dispatcher → messages.search → group-less Fetch → record batches decoded →
 * each message made what the window shows (text or base64, previews) → batched `messages.batch`
 * events, each serialized to JSON as the browser-mode transport does; against
 * `kcat -C -e -o beginning -q` to /dev/null, in the same run.
 * Prints msg/s, the ratio app ÷ kcat (target ≥ 0.5) and main's peak memory during the reads
 * (P6 asks for RSS < 400 MB). Run `node --expose-gc --import tsx bench/p1-read.ts` to leave
 * out what writing the test data left behind.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchApp, median, smoke, timed } from './support';
import { createTopicsReady } from '../scripts/kafka/topics';

const ROUNDS = smoke ? 1 : 3;
/** The window's buffer (DEFAULT_BUFFER in message-stream-store.ts): what the window asks main to keep. `--push-all`: every message pushed. */
const KEEP = process.argv.includes('--push-all') ? undefined : smoke ? 5_000 : 50_000; // smoke: small enough that main skips some
const PARTITIONS = 12;
const SCALE = Number(process.env.P1_SCALE ?? 1);
const workloads = [
  { name: 'msgs of ~200 B', count: smoke ? 20_000 : Math.round(1_000_000 * SCALE), codec: 'none', line: (i: number) => `k${i % 1000}\t{"seq":${i},"loc":"${['NORTH', 'SOUTH', 'EAST', 'WEST'][i % 4]}","lat":52.${i % 1000},"note":"${'x'.repeat(135)}"}` },
  {
    name: 'zstd JSON values of ~1 KiB',
    count: smoke ? 10_000 : Math.round(200_000 * SCALE),
    codec: 'zstd',
    line: (i: number) => `order-${i}\t${JSON.stringify({ seq: i, customer: `customer-${i % 97}`, region: ['NORTH', 'SOUTH', 'EAST', 'WEST'][i % 4], items: Array.from({ length: 8 }, (_, j) => ({ sku: `SKU-${(i * 7 + j) % 5000}`, qty: (i + j) % 5, price: ((i * 13 + j) % 10000) / 100, name: `item ${j} of order ${i}` })), note: 'n'.repeat(200) })}`,
  },
];

const { bootstrap, admin, app, close } = await benchApp();
const dir = mkdtempSync(join(tmpdir(), 'ke-p1-'));
const created: string[] = [];

// Every event main pushes is serialized, as the IPC/WebSocket transport does; nothing is kept.
let received = 0;
let pushedBytes = 0;
let pushedMessages = 0;
const client = app.services.host.attach((name, payload) => {
  if (name !== 'messages.batch') return;
  pushedBytes += JSON.stringify(payload).length;
  const batch = payload as { messages: unknown[]; skipped?: number };
  pushedMessages += batch.messages.length;
  received += batch.messages.length + (batch.skipped ?? 0);
});
let seq = 0;
// Connection ids belong to the client that opened them: this client reads over its own.
const opened = await app.services.host.call(client, 'p1-connect', 'connection.connect', { config: { brokers: bootstrap.split(',') } });
if (!opened.ok) throw new Error(opened.error.message);
const { connectionId } = opened.value as { connectionId: string };

/** The kernel's own peak (VmHWM), reset before each workload's reads: no spike between samples is missed. */
const resetPeak = () => writeFileSync('/proc/self/clear_refs', '5');
const kernelPeak = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
let peakHwm = 0;
let peakRss = 0;
let peakHeap = 0;
let peakExternal = 0;
const rssTimer = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakExternal = Math.max(peakExternal, m.external); // includes every Buffer (arrayBuffers)
}, 50);

// `--only zstd` (or `none`): one workload, to compare two settings quickly.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
for (const w of workloads.filter((w) => !only || w.codec === only)) {
  const topic = `p1-${w.codec}-${process.pid}`;
  await createTopicsReady(bootstrap, [{ topic, numPartitions: PARTITIONS }]);
  created.push(topic);
  const file = join(dir, `${w.codec}.tsv`);
  let bytes = 0;
  // Written with backpressure: buffering a million lines would weigh on this process's memory.
  const out = createWriteStream(file);
  for (let i = 0; i < w.count; i++) {
    const line = w.line(i);
    bytes += line.length - 1;
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  await new Promise((resolve) => out.end(resolve));
  execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-K', '\t', '-l', '-z', w.codec, '-X', 'batch.num.messages=10000', '-X', 'linger.ms=50', file], { stdio: 'inherit' });
  rmSync(file);
  const stored = (await admin.fetchTopicOffsets(topic)).reduce((s, p) => s + Number(p.high), 0);
  if (stored !== w.count) throw new Error(`kcat stored ${stored} of ${w.count}`);

  // Only the reads count (writing the test data above buffers a lot in this process).
  (globalThis as { gc?: () => void }).gc?.();
  peakRss = peakHeap = peakExternal = 0;
  resetPeak();
  const kcatMs: number[] = [];
  const appMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    kcatMs.push((await timed(async () => execFileSync('kcat', ['-C', '-b', bootstrap, '-t', topic, '-e', '-o', 'beginning', '-q'], { stdio: ['ignore', 'ignore', 'inherit'] }))).ms);
    received = 0;
    const read = await timed(() =>
      app.services.host.call(client, `p1-${++seq}`, 'messages.search', { connectionId, runId: `p1-${seq}`, topic, position: { kind: 'beginning' }, limit: w.count, ...(KEEP ? { keep: KEEP } : {}) }),
    );
    if (!read.value.ok) throw new Error(JSON.stringify(read.value.error));
    if (received !== w.count) throw new Error(`app received ${received} of ${w.count}`);
    appMs.push(read.ms);
  }
  const k = median(kcatMs);
  const a = median(appMs);
  const rate = (ms: number) => `${Math.round((w.count * 1000) / ms).toLocaleString('en')} msg/s`;
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  peakHwm = Math.max(peakHwm, kernelPeak());
  console.log(`p1 memory so far: peak RSS ${mb(peakHwm)} MB (kernel VmHWM; sampled ${mb(peakRss)} MB), JS heap ${mb(peakHeap)} MB, buffers ${mb(peakExternal)} MB`);
  console.log(
    `p1 read ${w.count.toLocaleString('en')} ${w.name} (${Math.round(bytes / w.count)} B avg, ${PARTITIONS} partitions, median of ${ROUNDS}): app ${rate(a)} (${(a / 1000).toFixed(2)} s), kcat ${rate(k)} (${(k / 1000).toFixed(2)} s), ratio ${(k / a).toFixed(2)}`,
  );
}
clearInterval(rssTimer);
console.log(
  `p1 main process peak RSS during the reads: ${Math.round(peakHwm / 1024 / 1024)} MB (P6 target < 400 MB; JS heap ${Math.round(peakHeap / 1024 / 1024)} MB, buffers ${Math.round(peakExternal / 1024 / 1024)} MB); pushed ${pushedMessages.toLocaleString('en')} messages, ${Math.round(pushedBytes / 1024 / 1024)} MB of events in total (${KEEP ? `the window keeps ${KEEP.toLocaleString('en')}` : 'every message pushed'})`,
);
console.log(`p1 target app ≥ 0.8× kcat`);

await admin.deleteTopics({ topics: created });
rmSync(dir, { recursive: true, force: true });
// The reading client's own connection too: left open, it keeps this process alive after the figures.
await app.services.host.call(client, 'p1-disconnect', 'connection.disconnect', { connectionId });
app.services.host.detach(client);
await close();
// Some kafkajs sockets of the reads stay open after the disconnect (not found yet; see the report of
// the h-perf branch): without this the script prints its figures and then never ends.
process.exit(0);
