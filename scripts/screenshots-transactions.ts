/**
 * npx tsx scripts/screenshots-transactions.ts: captures the Operations → Transactions tab at
 * 1280×720 in the dark and the light theme against a 1-node cluster it starts and stops itself:
 * a transaction left open by a killed producer holding partition 0 back, and the abort warning.
 * Needs `npm run build` first. Writes to docs/screenshots/ (or SCREENSHOTS_DIR); the committed
 * pictures are transactions.png (dark) and transactions-abort.png (light).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { startHangingProducer } from '../test/support/hanging-transaction';
import { startCluster } from './kafka/cluster';
import { createTopicsReady } from './kafka/topics';

const out = process.env.SCREENSHOTS_DIR ?? 'docs/screenshots';
const cluster = await startCluster({ nodes: 1, name: 'screenshots-transactions' });
const server = await startAppServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  await createTopicsReady(cluster.bootstrap, [{ topic: 'payments', numPartitions: 4, replicationFactor: 1 }]);
  for (const p of [0, 1, 2, 3]) execFileSync('kcat', ['-b', cluster.bootstrap, '-P', '-t', 'payments', '-p', String(p)], { input: Array.from({ length: 120 * (p + 1) }, (_, i) => `payment ${i}`).join('\n') });
  const producer = await startHangingProducer(cluster.bootstrap, 'payments', 'payments-writer-7', 25);
  producer.kill('SIGKILL');
  execFileSync('kcat', ['-b', cluster.bootstrap, '-P', '-t', 'payments', '-p', '0'], { input: Array.from({ length: 40 }, (_, i) => `later ${i}`).join('\n') });

  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url);
  await page.getByLabel('Bootstrap servers').fill(cluster.bootstrap);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByTestId('connection-bar').waitFor();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Operations', exact: true }).click();
  await page.getByRole('navigation', { name: 'Operations' }).getByRole('link', { name: 'Transactions' }).click();
  await page.getByLabel('Topic').fill('payments');
  await page.getByRole('button', { name: 'Show transactions' }).click();
  await page.getByRole('table', { name: 'Open transactions' }).waitFor();
  await page.waitForTimeout(2_000);
  await page.getByRole('button', { name: 'Check again' }).click();
  await page.waitForTimeout(500);
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: join(out, `transactions-${colorScheme}.png`) });
    console.log(join(out, `transactions-${colorScheme}.png`));
  }
  await page.getByRole('button', { name: /^Abort transaction of producer/ }).click();
  await page.getByRole('region', { name: /^Abort transaction/ }).scrollIntoViewIfNeeded();
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: join(out, `transactions-abort-${colorScheme}.png`) });
    console.log(join(out, `transactions-abort-${colorScheme}.png`));
  }
} finally {
  await browser.close();
  await server.stop();
  await cluster.stop();
}
