/**
 * Start-up: how long a user waits before the app is usable, in Debian's Chromium against the
 * built browser-mode server (`npm run build` first), 5 rounds (1 with --smoke):
 *   - `serve` start → first page interactive: from spawning `node dist/main/serve.mjs` to the
 *     connect form accepting input (the server's start, the page load, settings read);
 *   - Connect → Overview painted: from the click on Connect to the frame showing the overview's
 *     figures (connect, metadata, the Overview chunk).
 * No peer: absolute times, with the renderer main thread's CPU time for each (what the page
 * itself cost, whatever else the machine was doing) and the machine's load.
 */
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { measureMainThread } from '../e2e/support/main-thread';
import { benchBroker, median, smoke } from './support';

const ROUNDS = smoke ? 1 : 5;

const { bootstrap, done } = await benchBroker();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const first: { serverMs: number; interactiveMs: number; cpuMs: number }[] = [];
const overview: { ms: number; cpuMs: number; longestCpuMs: number }[] = [];
try {
  for (let round = 0; round < ROUNDS; round++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const started = performance.now();
    const server = await startAppServer();
    const serverMs = performance.now() - started;
    try {
      const load = await measureMainThread(page, async () => {
        await page.goto(server.url);
        await page.locator('[data-app-state="loaded"]').waitFor();
        await page.getByLabel('Bootstrap servers').fill(bootstrap);
      });
      first.push({ serverMs, interactiveMs: performance.now() - started, cpuMs: load.totalCpuMs });

      await page.evaluate('window.__name = (f) => f'); // tsx names functions through a helper the page lacks
      await page.evaluate(markOverviewPainted);
      const connect = await measureMainThread(page, async () => {
        await page.getByRole('button', { name: 'Connect', exact: true }).click();
        await page.waitForFunction(() => ((window as unknown as { __painted?: number }).__painted ?? -1) > 0, undefined, { timeout: 60_000 });
      });
      const ms = await page.evaluate(() => {
        const w = window as unknown as { __painted: number; __clicked: number };
        return w.__painted - w.__clicked;
      });
      overview.push({ ms, cpuMs: connect.totalCpuMs, longestCpuMs: connect.longestCpuMs });
    } finally {
      await page.close();
      await server.stop();
    }
  }
} finally {
  await browser.close();
  await done();
}

const runs = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');
console.log(`startup: ${ROUNDS} rounds, Chromium 1280×720, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(
  `startup serve start → first page interactive: median ${median(first.map((f) => f.interactiveMs)).toFixed(0)} ms (runs ${runs(first.map((f) => f.interactiveMs))}); ` +
    `server listening after ${median(first.map((f) => f.serverMs)).toFixed(0)} ms; renderer main-thread CPU ${median(first.map((f) => f.cpuMs)).toFixed(0)} ms`,
);
console.log(
  `startup connect → Overview painted: median ${median(overview.map((o) => o.ms)).toFixed(0)} ms (runs ${runs(overview.map((o) => o.ms))}); ` +
    `renderer main-thread CPU ${median(overview.map((o) => o.cpuMs)).toFixed(0)} ms, longest task ${Math.max(...overview.map((o) => o.longestCpuMs)).toFixed(0)} ms CPU`,
);

/**
 * In the page: the click on Connect and the first frame that shows the overview's figures (the
 * Topics count), timed by the page's own clock so Playwright's round trips are not counted.
 */
function markOverviewPainted(this: void): void {
  const w = window as unknown as { __clicked: number; __painted: number };
  w.__clicked = -1;
  w.__painted = -1;
  document.addEventListener('click', (e) => {
    if ((e.target as HTMLElement).closest('button')?.textContent?.trim() === 'Connect') w.__clicked = e.timeStamp;
  }, true);
  const check = () => {
    if (w.__clicked < 0 || w.__painted !== -1 || !document.querySelector('[data-testid="stat-Topics"]')) return;
    w.__painted = 0;
    observer.disconnect();
    requestAnimationFrame(() => (w.__painted = performance.now()));
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
}
