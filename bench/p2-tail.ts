/**
 * P2 tail: the UI in Chromium live-tails a topic while kcat writes 50,000 msg/s (~200 B JSON,
 * 6 partitions; `--rate=20000` for another rate) for 30 s (5 s at 5,000 msg/s with --smoke). The app is the built browser-mode server
 * (`npm run build` first), a separate process, as in the e2e tests.
 * Prints: the renderer's long tasks (PerformanceObserver 'longtask', wall time; and from a
 * Chromium trace, each task's CPU time on the renderer thread, which a busy machine does not
 * stretch; target: none over 100 ms),
 * its used JS heap every 5 s and after a forced GC at the end (target: flat once the
 * 50,000-message buffer is full), and whether every message written reached the window (kept + dropped = written).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { startAppServer } from '../e2e/support/app-server';
import { measureMainThread, type MainThreadTasks } from '../e2e/support/main-thread';
import { loadavg } from 'node:os';
import { benchBroker, smoke } from './support';
import { createTopicsReady } from '../scripts/kafka/topics';

const RATE = Number(process.argv.find((a) => a.startsWith('--rate='))?.slice(7) ?? (smoke ? 5_000 : 50_000));
const SECONDS = smoke ? 5 : 30;
const PARTITIONS = 6;
const TICK_MS = 50;

const { bootstrap, done } = await benchBroker();
const kafka = new Kafka({ clientId: 'bench', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING });
const admin = kafka.admin();
await admin.connect();
const topic = `p2-tail-${process.pid}`;
await createTopicsReady(bootstrap, [{ topic, numPartitions: PARTITIONS }]);

const server = await startAppServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
try {
  await page.goto(server.url);
  await page.locator('[data-app-state="loaded"]').waitFor();
  await page.evaluate('window.__name = (f) => f'); // tsx names functions through a helper the page lacks
  await page.getByLabel('Bootstrap servers').fill(bootstrap);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByTestId('connection-bar').waitFor();
  await page.evaluate((hash) => (location.hash = hash), `#/topics/${topic}/messages`);
  await page.getByRole('button', { name: 'Tail live' }).click();
  await page.getByTestId('tail-state').getByText('Live').waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
  const cdp = await page.context().newCDPSession(page);
  /** Used JS heap; after a full GC (a long task of its own) only outside the timed run. */
  const heapMb = async (collect: boolean) => {
    if (collect) await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return Math.round(usedSize / 1024 / 1024);
  };
  if (process.env.P2_PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  const heapAtStart = await heapMb(true);

  // kcat writes what we feed it, paced here: 1,000 lines every 50 ms.
  const producer = spawn('kcat', ['-b', bootstrap, '-P', '-t', topic, '-K', '\t', '-X', 'linger.ms=20'], { stdio: ['pipe', 'ignore', 'inherit'] });
  const perTick = (RATE * TICK_MS) / 1000;
  let written = 0;
  const started = Date.now();
  const heap: { second: number; mb: number }[] = [];
  const mainRss: number[] = [];
  // Traced while kcat writes: the CPU time of each renderer task, besides the wall-time long tasks.
  const cpu: MainThreadTasks = await measureMainThread(page, () => new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const due = Math.min(RATE * SECONDS, Math.round(((Date.now() - started) / 1000) * RATE));
      const lines: string[] = [];
      for (; written < due && lines.length < perTick * 4; written++) {
        lines.push(`k${written % 1000}\t{"seq":${written},"loc":"${['NORTH', 'SOUTH', 'EAST', 'WEST'][written % 4]}","at":${Date.now()},"note":"${'x'.repeat(120)}"}`);
      }
      if (lines.length > 0) producer.stdin.write(lines.join('\n') + '\n');
      if (written >= RATE * SECONDS) {
        clearInterval(tick);
        resolve();
      }
    }, TICK_MS);
    const sampler = setInterval(async () => {
      const second = Math.round((Date.now() - started) / 1000);
      if (second > SECONDS) return clearInterval(sampler);
      heap.push({ second, mb: await heapMb(false) });
      mainRss.push(rssMb(server.process.pid));
    }, 5_000);
  }));
  const producedIn = (Date.now() - started) / 1000;
  producer.stdin.end();
  await new Promise((resolve) => producer.once('exit', resolve));
  const stored = (await admin.fetchTopicOffsets(topic)).reduce((s, p) => s + Number(p.high), 0);

  // Everything written must reach the window: kept + dropped = written.
  const seen = async () => (await count(page, 'messages-summary')) + (await count(page, 'dropped'));
  let caughtUp = false;
  for (let waited = 0; waited < 20_000 && !caughtUp; waited += 250) {
    caughtUp = (await seen()) >= stored;
    if (!caughtUp) await page.waitForTimeout(250);
  }
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  if (process.env.P2_PROFILE) writeFileSync(process.env.P2_PROFILE, JSON.stringify((await cdp.send('Profiler.stop')).profile));
  const heapAtEnd = await heapMb(true);
  const over100 = longTasks.filter((d) => d > 100);
  const kept = await count(page, 'messages-summary');

  console.log(
    `p2 tail ${SECONDS} s at ${Math.round(written / producedIn).toLocaleString('en')} msg/s (${stored.toLocaleString('en')} written by kcat, ${PARTITIONS} partitions): ` +
      `window saw ${(await seen()).toLocaleString('en')}: kept ${kept.toLocaleString('en')}, dropped ${(await count(page, 'dropped')).toLocaleString('en')} (counted, older ones out of the buffer)${caughtUp ? '' : ' — DID NOT CATCH UP'}`,
  );
  console.log(
    `p2 renderer long tasks: ${longTasks.length} over 50 ms, ${over100.length} over 100 ms, longest ${Math.round(Math.max(0, ...longTasks))} ms wall; ` +
      `while kcat wrote: longest task ${cpu.longestCpuMs.toFixed(0)} ms CPU (${cpu.longestWallMs.toFixed(0)} ms wall), main thread busy ${cpu.totalCpuMs.toFixed(0)} ms CPU in ${(producedIn * 1000).toFixed(0)} ms (target: none over 100 ms); load average ${loadavg()[0]!.toFixed(2)}`,
  );
  console.log(
    `p2 renderer JS heap: ${heapAtStart} MB before (after GC); used ${heap.map((h) => `${h.mb} MB at ${h.second} s`).join(', ')}; ${heapAtEnd} MB at the end after GC (target: flat once the buffer is full)`,
  );
  console.log(`p2 main process (app server) RSS every 5 s: ${mainRss.map((mb) => `${mb} MB`).join(', ')}`);
  if (!caughtUp || stored !== written) process.exitCode = 1;
} finally {
  await browser.close();
  await server.stop();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  await done();
}

/** Resident memory of a process, from /proc (Linux). */
function rssMb(pid: number | undefined): number {
  const status = pid ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  return Math.round(Number(status.match(/VmRSS:\s+(\d+) kB/)?.[1] ?? 0) / 1024);
}

/** The number at the start of a status element ("50,000 messages", "12,345 older messages dropped"); 0 when absent. */
async function count(page: Page, testId: string): Promise<number> {
  const el = page.getByTestId(testId);
  if ((await el.count()) === 0) return 0;
  return Number((await el.first().textContent())?.match(/^[\d,]+/)?.[0]?.replaceAll(',', '') ?? 0);
}
