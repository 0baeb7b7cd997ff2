/**
 * npx tsx scripts/screenshots-copy.ts [out-dir]: captures the copy/replay dialog at 1280×720 in
 * the Dark and Light themes (a DLQ redrive with its preview, then its summary) from the real UI
 * against a single-node cluster it starts and stops itself. Needs `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { startCluster } from './kafka/cluster';
import { createTopicsReady } from './kafka/topics';

const out = process.argv[2] ?? 'docs/screenshots';
const cluster = await startCluster({ nodes: 1, name: `screenshots-copy-${process.pid}` });
const server = await startAppServer({ env: { KAFKA_EXPLORER_AUTOCONNECT: cluster.bootstrap } });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(out, name) });
  console.log(join(out, name));
}

try {
  await createTopicsReady(cluster.bootstrap, [
    { topic: 'orders-dlq', numPartitions: 1 },
    { topic: 'orders', numPartitions: 3 },
    { topic: 'payments', numPartitions: 1 },
  ]);
  const dead = [
    ['order-1042', '{"orderId":1042,"amount":99.5}', 'orders'],
    ['pay-77', '{"paymentId":77,"status":"declined"}', 'payments'],
    ['order-1043', '{"orderId":1043,"amount":12}', 'orders'],
    ['order-1044', '{"orderId":1044,"amount":7.25}', 'orders'],
  ];
  for (const [key, value, topic] of dead) {
    execFileSync('kcat', ['-b', cluster.bootstrap, '-P', '-t', 'orders-dlq', '-p', '0', '-K', '|', '-H', `x-original-topic=${topic}`, '-H', 'x-exception=TimeoutException'], { input: `${key}|${value}` });
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url);
  await page.getByTestId('cluster-id').waitFor();
  for (const theme of ['Dark', 'Light'] as const) {
    await page.goto(`${server.url}#/settings`);
    await page.getByRole('radiogroup', { name: 'Theme' }).getByText(theme, { exact: true }).click();
    await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme.toLowerCase());
    await page.goto(`${server.url}#/topics/orders-dlq/messages`);
    await page.locator('[aria-label="Messages"][data-rows="4"]').waitFor();
    for (const text of ['order-1042', 'pay-77', 'order-1043']) await page.getByRole('row').filter({ hasText: text }).click({ modifiers: ['ControlOrMeta'] });
    await page.getByRole('button', { name: 'Copy to topic…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Dead-letter redrive: send each message to the topic a header names').check();
    await dialog.getByLabel('Target partition').selectOption('key');
    await dialog.getByRole('button', { name: 'Add header change' }).click();
    await dialog.getByLabel('Header 1 key').fill('x-exception');
    await dialog.getByLabel('Header change 1', { exact: true }).selectOption('remove');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByRole('table', { name: 'Copy preview' }).waitFor();
    await shoot(page, `copy-redrive-${theme.toLowerCase()}.png`);
    await dialog.getByRole('button', { name: /^Copy 3 messages/ }).click();
    await dialog.getByTestId('copy-summary').waitFor();
    await shoot(page, `copy-summary-${theme.toLowerCase()}.png`);
    await dialog.getByRole('button', { name: 'Close' }).click();
  }
} finally {
  await browser.close();
  await server.stop();
  await cluster.stop();
}
