/**
 * npx tsx scripts/screenshots-health.ts: captures the connection bar and a topic page while the
 * connection is lost (the broker of a cluster this script starts is killed), at 1280×720 in the
 * dark and the light theme: docs/screenshots/connection-lost-{dark,light}.png.
 * Needs `npm run build` first.
 */
import { chromium } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { startCluster } from './kafka/cluster';
import { seedCluster } from './seed-data';

const cluster = await startCluster({ nodes: 1, name: 'screenshots-health' });
const server = await startAppServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  await seedCluster(cluster.bootstrap);
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url);
  await page.getByLabel('Bootstrap servers').fill(cluster.bootstrap);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByTestId('connection-bar').waitFor();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Topics', exact: true }).click();
  await page.getByRole('row').filter({ hasText: /^orders/ }).first().click();
  await page.getByTestId('topic-title').waitFor();
  await page.getByRole('table', { name: 'Partitions' }).waitFor();
  await page.getByText('Reading retention…').waitFor({ state: 'detached' });
  await cluster.signalNode(1, 'SIGKILL');
  await page.locator('[data-testid="connection-health"][data-state="lost"]').waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Refresh' }).first().click();
  await page.getByTestId('stale-mark').waitFor();
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/screenshots/connection-lost-${colorScheme}.png` });
    console.log(`docs/screenshots/connection-lost-${colorScheme}.png`);
  }
} finally {
  await browser.close();
  await server.stop();
  await cluster.stop();
}
