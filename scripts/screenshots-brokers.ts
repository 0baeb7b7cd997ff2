/**
 * npx tsx scripts/screenshots-brokers.ts: captures docs/screenshots/brokers-failover.png from the
 * real UI (browser mode in Debian's Chromium) against a 3-node cluster it starts and stops
 * itself, with one node stopped: unreachable in the table, the quorum still led.
 * Needs `npm run build` first.
 */
import { chromium } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { startCluster } from './kafka/cluster';
import { seedCluster } from './seed-data';

const cluster = await startCluster({ nodes: 3, name: 'screenshots-brokers' });
const server = await startAppServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  await seedCluster(cluster.bootstrap);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(server.url);
  await page.getByLabel('Bootstrap servers').fill(cluster.bootstrap);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByTestId('connection-bar').waitFor();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Brokers', exact: true }).click();
  const leader = Number(await page.getByTestId('controller-id').textContent());
  // Stop a node that is not the controller, so the picture shows both: one down, the quorum still led.
  const victim = [1, 2, 3].find((id) => id !== leader)!;
  await cluster.stopNode(victim);
  await page.getByLabel('Auto-refresh').selectOption('5s');
  await page.getByRole('row').filter({ hasText: 'unreachable' }).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshots/brokers-failover.png' });
  console.log('docs/screenshots/brokers-failover.png');
} finally {
  await browser.close();
  await server.stop();
  await cluster.stop();
}
