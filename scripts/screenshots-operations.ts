/**
 * npx tsx scripts/screenshots-operations.ts: captures the reassignment page at 1280×720 in the
 * dark and the light theme against a 3-node cluster it starts and stops itself: a replication
 * factor plan under review, and a throttled move in progress.
 * Needs `npm run build` first. Writes to docs/screenshots/ (or SCREENSHOTS_DIR).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { startCluster } from './kafka/cluster';
import { createTopicsReady } from './kafka/topics';

const out = process.env.SCREENSHOTS_DIR ?? 'docs/screenshots';
const cluster = await startCluster({ nodes: 3, name: 'screenshots-operations' });
const server = await startAppServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  await createTopicsReady(cluster.bootstrap, [{ topic: 'orders', numPartitions: 6, replicationFactor: 1 }, { topic: 'payments', numPartitions: 3, replicationFactor: 2 }]);
  for (const p of [0, 1, 2, 3, 4, 5]) {
    execFileSync('kcat', ['-b', cluster.bootstrap, '-P', '-t', 'orders', '-p', String(p)], { input: Array.from({ length: 400 * (p + 1) }, (_, i) => `${i} ${'o'.repeat(800)}`).join('\n') });
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url);
  await page.getByLabel('Bootstrap servers').fill(cluster.bootstrap);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByTestId('connection-bar').waitFor();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Operations', exact: true }).click();
  await page.getByLabel('Topics to plan').fill('orders, payments');
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await page.getByRole('table', { name: 'Reassignment plan' }).waitFor();
  await page.getByLabel('New replication factor').fill('2');
  await page.getByRole('group', { name: 'Generate a plan' }).getByRole('button', { name: 'Plan' }).last().click();
  await page.getByLabel('Throttle in MB/s per broker').fill('0.05');
  await page.getByRole('button', { name: /^Review \d+ change/ }).click();
  await page.waitForTimeout(300);
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: join(out, `reassignment-plan-${colorScheme}.png`) });
    console.log(join(out, `reassignment-plan-${colorScheme}.png`));
  }
  await page.getByRole('button', { name: /^Start \d+ change/ }).click();
  await page.getByRole('list').locator('.move-row').first().waitFor();
  await page.waitForTimeout(4_500);
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: join(out, `reassignment-progress-${colorScheme}.png`) });
    console.log(join(out, `reassignment-progress-${colorScheme}.png`));
  }
  // The other tabs: leader election (all led by their preferred replicas here) and quotas with the resolver.
  await page.getByRole('navigation', { name: 'Operations' }).getByRole('link', { name: 'Leader election' }).click();
  await page.getByTestId('election-count').waitFor();
  await page.getByRole('navigation', { name: 'Operations' }).getByRole('link', { name: 'Quotas' }).click();
  await page.getByRole('button', { name: 'New quota…' }).click();
  await page.getByLabel('User name').fill('alice');
  await page.getByLabel('Produce (bytes/s)').fill('1048576');
  await page.getByLabel('Fetch (bytes/s)').fill('2097152');
  await page.getByRole('button', { name: /^Save \d+ change/ }).click();
  await page.getByRole('region', { name: 'New quota' }).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'New quota…' }).click();
  await page.getByLabel('User kind').selectOption('none');
  await page.getByLabel('Client id kind').selectOption('name');
  await page.getByLabel('Client id name').fill('payments-app');
  await page.getByLabel('Request time (%)').fill('200');
  await page.getByRole('button', { name: /^Save \d+ change/ }).click();
  await page.getByRole('region', { name: 'New quota' }).waitFor({ state: 'detached' });
  await page.getByLabel('Resolve for user').fill('alice');
  await page.getByLabel('Resolve for client id').fill('payments-app');
  await page.getByRole('table', { name: 'Applied quotas' }).waitFor();
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: join(out, `quotas-${colorScheme}.png`) });
    console.log(join(out, `quotas-${colorScheme}.png`));
  }
} finally {
  await browser.close();
  await server.stop();
  await cluster.stop();
}
