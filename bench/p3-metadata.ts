/**
 * P3 metadata: the cluster that leaves kafka-ui unresponsive at every refresh (kafbat/kafka-ui#1776):
 * 9,000 topics with 39,000 partitions (every third topic 5 partitions, the others 4) and 2,200
 * consumer groups with committed offsets; 60 topics and 20 groups with --smoke. Same run, same cluster:
 *   - `kcat -L` (librdkafka: connect + full metadata), the peer;
 *   - the app's main process: connect + topics.list;
 *   - the UI in Chromium: click Connect → Topics → first rows visible (target ≤ 2× kcat + 0.5 s);
 *   - a keystroke in the topic filter → the table updated and painted (target < 50 ms);
 *   - Consumer groups: click → rows painted (target: interactive < 3 s);
 *   - Refresh on Topics and on Consumer groups: the renderer's longest task, by CPU time from a
 *     Chromium trace (target: nothing over 200 ms);
 *   - the slower enrichment (messages, size on disk, retention of every topic).
 * Three nodes, not one: a broker keeps every partition's log file open, and this machine allows
 * one process 20,000 open files (hard limit), so one broker cannot hold 39,000 partitions;
 * three hold 13,000 each (and 26,000 index mappings, under vm.max_map_count 65,530).
 * Creating it takes minutes: `--keep` leaves the cluster running as "bench-p3" (reused by the
 * next `--keep` run; `npm run kafka:reset -- --name bench-p3` removes it).
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { startAppServer } from '../e2e/support/app-server';
import { measureMainThread, type MainThreadTasks } from '../e2e/support/main-thread';
import { repoRoot, startCluster } from '../scripts/kafka/cluster';
import { liveNodes, readState, runRoot } from '../scripts/kafka/state';
import { startTestApp } from '../test/support/app';
import { median, smoke, timed } from './support';

const TOPICS = smoke ? 60 : 9_000;
const GROUPS = smoke ? 20 : 2_200;
const partitionsOf = (i: number) => (i % 3 === 0 ? 5 : 4);
const PARTITIONS_TOTAL = Array.from({ length: TOPICS }, (_, i) => partitionsOf(i)).reduce((a, b) => a + b, 0);
const ROUNDS = smoke ? 1 : 3;
const keep = process.argv.includes('--keep');
const names = Array.from({ length: TOPICS }, (_, i) => `bench-topic-${String(i).padStart(5, '0')}`);
const groupIds = Array.from({ length: GROUPS }, (_, i) => `bench-group-${String(i).padStart(5, '0')}`);

const kept = keep ? readState(join(runRoot(repoRoot), 'bench-p3')) : null;
const reuse = process.env.KAFKA_BROKERS ?? (kept && liveNodes(kept).length === kept.nodes.length ? kept.bootstrap : undefined);
const cluster = reuse ? null : await startCluster({ nodes: 3, name: keep ? 'bench-p3' : `bench-p3-${process.pid}`, heapMb: 1536, readyTimeoutMs: 180_000, detached: keep });
const bootstrap = reuse ?? cluster!.bootstrap;
if (keep) console.log(`cluster bench-p3 at ${bootstrap} (kept running)`);
try {
  await createTopics(bootstrap);
  await createGroups(bootstrap);

  const kcatTimes: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const { ms, value } = await timed(async () => execFileSync('kcat', ['-b', bootstrap, '-L'], { maxBuffer: 256 * 1024 * 1024 }).toString());
    kcatTimes.push(ms);
    if (i === 0) console.log(`kcat -L sees ${(value.match(/^\s+topic "/gm) ?? []).length} topics`);
  }

  const mainTimes: number[] = [];
  let statsMs = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const app = startTestApp();
    const { ms, value } = await timed(async () => {
      const { connectionId } = await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } });
      return { connectionId, topics: await app.call('topics.list', { connectionId, includeInternal: false }) };
    });
    mainTimes.push(ms);
    if (value.topics.length < TOPICS) throw new Error(`the app listed ${value.topics.length} topics, expected ≥ ${TOPICS}`);
    if (i === 0) {
      const stats = await timed(() => app.call('topics.stats', { connectionId: value.connectionId, topics: null }));
      statsMs = stats.ms;
      const sized = stats.value.filter((s) => s.sizeBytes !== null && s.retentionMs !== null).length;
      console.log(`topics.stats: ${stats.value.length} topics, ${sized} with size and retention`);
    }
    await app.close();
  }

  const ui = await measureUi(bootstrap);
  const kcat = median(kcatTimes);
  const target = 2 * kcat + 500;
  const uiMedian = median(ui.listTimes);
  const keyMax = Math.max(...ui.keystrokes);
  console.log(`\np3 metadata: ${TOPICS.toLocaleString('en-US')} topics, ${PARTITIONS_TOTAL.toLocaleString('en-US')} partitions, ${GROUPS.toLocaleString('en-US')} groups, median of ${ROUNDS}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`  kcat -L                                  ${kcat.toFixed(0)} ms`);
  console.log(`  app main: connect + topics.list          ${median(mainTimes).toFixed(0)} ms (${(median(mainTimes) / kcat).toFixed(2)}× kcat)`);
  console.log(`  UI: Connect → topic rows visible         ${uiMedian.toFixed(0)} ms (target ≤ 2× kcat + 0.5 s = ${target.toFixed(0)} ms: ${uiMedian <= target ? 'met' : 'MISSED'})`);
  console.log(`  UI: filter keystroke → table painted     median ${median(ui.keystrokes).toFixed(1)} ms, max ${keyMax.toFixed(1)} ms over ${ui.keystrokes.length} keys, wall (target < 50 ms: ${keyMax < 50 ? 'met' : 'MISSED'}): ${ui.keystrokes.map((k) => k.toFixed(0)).join(', ')}; longest renderer task while typing ${ui.keyTasks.longestCpuMs.toFixed(0)} ms CPU (${ui.keyTasks.longestCpuMs < 50 ? 'met' : 'MISSED'} by CPU)`);
  console.log(`  UI: Connect → connected shell            ${median(ui.connectTimes).toFixed(0)} ms, then Topics → rows ${(uiMedian - median(ui.connectTimes)).toFixed(0)} ms`);
  console.log(`  UI: Consumer groups → rows painted       median ${median(ui.groupsTimes).toFixed(0)} ms (${ui.groupsTimes.map((t) => t.toFixed(0)).join(', ')}); longest renderer task ${ui.groupsLongestCpu.toFixed(0)} ms CPU (target interactive < 3 s: ${median(ui.groupsTimes) < 3000 && ui.groupsLongestCpu < 200 ? 'met' : 'MISSED'})`);
  console.log(`  UI: Refresh, longest renderer task       Topics ${ui.refresh.topics.longestCpuMs.toFixed(0)} ms CPU (${ui.refresh.topics.longestWallMs.toFixed(0)} ms wall), Consumer groups ${ui.refresh.groups.longestCpuMs.toFixed(0)} ms CPU (${ui.refresh.groups.longestWallMs.toFixed(0)} ms wall) (target < 200 ms: ${Math.max(ui.refresh.topics.longestCpuMs, ui.refresh.groups.longestCpuMs) < 200 ? 'met' : 'MISSED'})`);
  console.log(`  enrichment: topics.stats (all topics)    ${statsMs.toFixed(0)} ms`);
  if (smoke && process.env.KAFKA_BROKERS) await removeWorkload(bootstrap);
} finally {
  if (!keep) await cluster?.stop();
}

async function createTopics(bootstrap: string): Promise<void> {
  const admin = new Kafka({ clientId: 'bench-p3', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING, requestTimeout: 120_000 }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = names.filter((n) => !existing.has(n));
    const started = performance.now();
    for (let i = 0; i < missing.length; i += 250) {
      await admin.createTopics({ waitForLeaders: false, timeout: 120_000, topics: missing.slice(i, i + 250).map((topic) => ({ topic, numPartitions: partitionsOf(names.indexOf(topic)), replicationFactor: 1 })) });
      if (missing.length > 1_000) console.log(`  created ${Math.min(i + 250, missing.length)} / ${missing.length} topics (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    if (missing.length > 0) console.log(`created ${missing.length} topics in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    // Every broker must know every topic before anything is timed.
    for (let waited = 0; ; waited += 1_000) {
      const out = execFileSync('kcat', ['-b', bootstrap, '-L'], { maxBuffer: 256 * 1024 * 1024 }).toString();
      const leaderless = (out.match(/leader -1/g) ?? []).length;
      const seen = names.filter((n) => out.includes(`topic "${n}"`)).length;
      if (seen === TOPICS && leaderless === 0) break;
      if (waited > 600_000) throw new Error(`after 10 min: ${seen}/${TOPICS} topics, ${leaderless} partitions without leader`);
      if (waited % 10_000 === 0) console.log(`  waiting for leaders: ${seen}/${TOPICS} topics listed, ${leaderless} partitions without leader`);
      await new Promise((r) => setTimeout(r, 1_000));
    }
  } finally {
    await admin.disconnect();
  }
  // A new cluster keeps creating partition logs for a while after the metadata lists them:
  // time nothing until every broker reports every partition on disk.
  const app = startTestApp();
  try {
    // Brokers busy creating 39,000 logs answer slowly: a timeout here is retried, not fatal.
    const patiently = async <T>(work: () => Promise<T>): Promise<T> => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await work();
        } catch (error) {
          if (attempt >= 30 || !(error as { retriable?: boolean }).retriable) throw error;
          await new Promise((r) => setTimeout(r, 2_000));
        }
      }
    };
    const { connectionId } = await patiently(() => app.call('connection.connect', { config: { brokers: bootstrap.split(',') } }));
    for (let waited = 0; ; waited += 2_000) {
      const stats = await patiently(() => app.call('topics.stats', { connectionId, topics: names }));
      if (stats.every((s) => s.sizeBytes !== null && s.retentionMs !== null)) break;
      if (waited > 600_000) throw new Error('the brokers did not report every partition on disk within 10 min');
      if (waited % 20_000 === 0) console.log(`  waiting for every partition on disk (${stats.filter((st) => st.sizeBytes !== null).length}/${TOPICS} topics)`);
      await new Promise((r) => setTimeout(r, 2_000));
    }
  } finally {
    await app.close();
  }
}

/** Consumer groups with committed offsets (no members): each commits offset 0 on every partition of one topic. */
async function createGroups(bootstrap: string): Promise<void> {
  const admin = new Kafka({ clientId: 'bench-p3', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING, requestTimeout: 60_000 }).admin();
  await admin.connect();
  try {
    const existing = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
    const missing = groupIds.filter((g) => !existing.has(g));
    const started = performance.now();
    let next = 0;
    // Ten at a time: one OffsetCommit each, to the group's coordinator.
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next < missing.length) {
          const groupId = missing[next++]!;
          const i = groupIds.indexOf(groupId);
          const topic = names[i % TOPICS]!;
          const partitions = Array.from({ length: partitionsOf(i % TOPICS) }, (_, partition) => ({ partition, offset: '0' }));
          // A new cluster is still loading __consumer_offsets' partitions: NOT_COORDINATOR can
          // outlast kafkajs' own retries there, so wait and try again, as for the topics above.
          for (let attempt = 1; ; attempt++) {
            try {
              await admin.setOffsets({ groupId, topic, partitions });
              break;
            } catch (error) {
              if (attempt >= 20 || !retriableSomewhere(error)) throw error;
              await new Promise((r) => setTimeout(r, 3_000));
            }
          }
          if (next % 500 === 0) console.log(`  committed offsets for ${next} / ${missing.length} groups`);
        }
      }),
    );
    if (missing.length > 0) console.log(`created ${missing.length} groups in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await admin.disconnect();
  }
}

/** kafkajs wraps the retriable error it gave up on (KafkaJSNumberOfRetriesExceeded, not itself retriable). */
function retriableSomewhere(error: unknown): boolean {
  for (let e = error as { retriable?: boolean; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.retriable) return true;
  return false;
}

/** A smoke run on a shared broker (the e2e one) leaves nothing behind. */
async function removeWorkload(bootstrap: string): Promise<void> {
  const admin = new Kafka({ clientId: 'bench-p3', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.deleteGroups(groupIds).catch(() => undefined);
    await admin.deleteTopics({ topics: names, timeout: 60_000 });
  } finally {
    await admin.disconnect();
  }
}

/** The UI in Chromium: time from Connect to the topic list, per-keystroke filter latency, the groups page, and Refresh. */
interface UiFigures {
  listTimes: number[];
  connectTimes: number[];
  keystrokes: number[];
  /** The renderer's tasks while typing: the longest is the slowest keystroke's CPU cost. */
  keyTasks: MainThreadTasks;
  groupsTimes: number[];
  groupsLongestCpu: number;
  refresh: { topics: MainThreadTasks; groups: MainThreadTasks };
}

async function measureUi(bootstrap: string): Promise<UiFigures> {
  const server = await startAppServer();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const listTimes: number[] = [];
  const connectTimes: number[] = [];
  const keystrokes: number[] = [];
  const groupsTimes: number[] = [];
  let groupsLongestCpu = 0;
  const none: MainThreadTasks = { longestCpuMs: 0, longestWallMs: 0, totalCpuMs: 0, tasks: 0 };
  const refresh = { topics: none, groups: none };
  let keyTasks = none;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(server.url);
      await page.locator('[data-app-state="loaded"]').waitFor();
      // tsx names arrow functions through a helper the page does not have.
      await page.evaluate('window.__name = (f) => f');
      await page.getByLabel('Bootstrap servers').fill(bootstrap);
      // Timed inside the page, from each click to the frame that shows its result, so
      // Playwright's own round trips are not counted: what the user waits for after clicking.
      await page.evaluate(() => {
        const w = window as unknown as { __marks: Record<string, number> };
        w.__marks = {};
        const paintedWhen = (selector: string, mark: string) => {
          const check = () => {
            if (w.__marks[mark] === undefined && document.querySelector(selector)) {
              w.__marks[mark] = -1;
              requestAnimationFrame(() => (w.__marks[mark] = performance.now()));
            }
          };
          new MutationObserver(check).observe(document.body, { childList: true, subtree: true });
        };
        document.addEventListener('click', (e) => {
          const text = (e.target as HTMLElement).closest('button, a')?.textContent ?? '';
          if (/^Connect$/.test(text.trim())) w.__marks.connectClick = e.timeStamp;
          if (/Topics$/.test(text.trim())) w.__marks.topicsClick = e.timeStamp;
          if (/Consumer groups$/.test(text.trim())) w.__marks.groupsClick = e.timeStamp;
        }, true);
        paintedWhen('[data-testid="connection-bar"]', 'shell');
        paintedWhen('[aria-label="Topics"] [role="rowgroup"] [role="row"]', 'rows');
        paintedWhen('[aria-label="Consumer groups"] [role="rowgroup"] [role="row"]', 'groups');
      });
      await page.getByRole('button', { name: 'Connect', exact: true }).click();
      await page.getByTestId('connection-bar').waitFor();
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Topics', exact: true }).click();
      await page.locator('[aria-label="Topics"] [role="row"]').nth(1).waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => ((window as unknown as { __marks: Record<string, number> }).__marks.rows ?? -1) > 0);
      const marks = await page.evaluate(() => (window as unknown as { __marks: Record<string, number> }).__marks);
      connectTimes.push(marks.shell! - marks.connectClick!);
      listTimes.push(marks.shell! - marks.connectClick! + (marks.rows! - marks.topicsClick!));

      if (round === ROUNDS - 1) {
        // Let the enrichment arrive first: typing must stay fast with every column filled.
        await page.waitForFunction(() => !document.querySelector('[aria-label="Topics"]')?.textContent?.includes('…'), undefined, { timeout: 120_000 });
        const input = page.getByLabel('Filter topics');
        await input.focus();
        await page.evaluate(() => {
          const w = window as unknown as { __latencies: number[] };
          w.__latencies = [];
          const table = document.querySelector('[aria-label="Topics"]')!;
          const field = document.querySelector('input[aria-label="Filter topics"]')!;
          field.addEventListener('keydown', (event) => {
            const start = event.timeStamp;
            const observer = new MutationObserver(() => {
              observer.disconnect();
              // The frame after the DOM change is when the user sees it.
              requestAnimationFrame(() => w.__latencies.push(performance.now() - start));
            });
            observer.observe(table, { childList: true, subtree: true, characterData: true, attributes: true });
          });
        });
        // Each key narrows the list: "4" (topics with a 4), "49", "499", "4999", then back.
        const typeKeys = async () => {
          for (const key of ['4', '9', '9', '9', 'Backspace', 'Backspace', 'Backspace', 'Backspace']) {
            await page.keyboard.press(key);
            await page.waitForTimeout(300);
          }
        };
        // Wall times untraced (a trace slows the renderer down), twice; then once traced for CPU time,
        // which holds on a busy machine where wall time does not.
        await typeKeys();
        await typeKeys();
        keystrokes.push(...(await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies)));
        keyTasks = await measureMainThread(page, typeKeys);
        refresh.topics = await refreshOnce(page);
      }

      // Consumer groups: click → rows painted, and what the renderer spent on the way.
      const groups = await measureMainThread(page, async () => {
        await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Consumer groups', exact: true }).click();
        await page.waitForFunction(() => ((window as unknown as { __marks: Record<string, number> }).__marks.groups ?? -1) > 0, undefined, { timeout: 60_000 });
      });
      const groupMarks = await page.evaluate(() => (window as unknown as { __marks: Record<string, number> }).__marks);
      groupsTimes.push(groupMarks.groups! - groupMarks.groupsClick!);
      groupsLongestCpu = Math.max(groupsLongestCpu, groups.longestCpuMs);
      if (round === ROUNDS - 1) refresh.groups = await refreshOnce(page);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return { listTimes, connectTimes, keystrokes, keyTasks, groupsTimes, groupsLongestCpu, refresh };
}

/** The page's Refresh, traced until it is done: the renderer's tasks while fresh data replaces the old. */
async function refreshOnce(page: Page): Promise<MainThreadTasks> {
  const button = page.locator('.page').getByRole('button', { name: 'Refresh', exact: true });
  return measureMainThread(page, async () => {
    await button.click();
    await page.locator('.page').getByRole('button', { name: 'Refreshing…' }).waitFor({ state: 'detached', timeout: 120_000 });
    await button.waitFor({ timeout: 120_000 });
    await page.waitForTimeout(500); // what the new data sets off (enrichment, re-sort) belongs to the refresh
  });
}
