/**
 * npx tsx scripts/screenshots-topics.ts [out-dir]: the topic list grouped by prefix with starred
 * topics (one group collapsed), the create form with a saved template, and a topic's Clone
 * section, at 1280×720 in the Light and Dark themes, into out-dir (default /tmp/topics-shots).
 * Starts and stops its own single-node cluster. Needs `npm run build` first.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { startAppServer } from '../e2e/support/app-server';
import { startCluster } from './kafka/cluster';
import { seedCluster } from './seed-data';

const out = process.argv[2] ?? '/tmp/topics-shots';
mkdirSync(out, { recursive: true });
const cluster = await startCluster({ nodes: 1, name: 'screenshots-topics' });
const server = await startAppServer({ env: { KAFKA_EXPLORER_AUTOCONNECT: cluster.bootstrap } });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

/** Topics as a team names them: a few prefixes with several topics each. */
const MORE = [
  ...['created', 'paid', 'shipped', 'cancelled', 'refunded'].map((s) => `orders.${s}`),
  'orders-dlq',
  ...['authorized', 'captured', 'failed'].map((s) => `payments.${s}`),
  ...['eu', 'us', 'apac'].map((r) => `courier_positions_${r}`),
  ...['login', 'logout', 'signup', 'password-reset'].map((s) => `audit.${s}`),
  'inventory',
];

async function chooseTheme(page: Page, theme: 'Light' | 'Dark') {
  await page.goto(`${server.url}#/settings`);
  await page.getByRole('radiogroup', { name: 'Theme' }).getByText(theme, { exact: true }).click();
  await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme.toLowerCase());
}

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(out, name) });
  console.log(join(out, name));
}

try {
  await seedCluster(cluster.bootstrap);
  const admin = new Kafka({ brokers: [cluster.bootstrap], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.createTopics({ topics: MORE.map((topic) => ({ topic, numPartitions: 3, configEntries: [{ name: 'retention.ms', value: String(3 * 86_400_000) }] })), waitForLeaders: true });
  await admin.disconnect();
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url);
  await page.getByTestId('cluster-id').waitFor();
  let first = true;
  for (const theme of ['Dark', 'Light'] as const) {
    await chooseTheme(page, theme);
    await page.goto(`${server.url}#/topics`);
    const table = page.getByRole('table', { name: 'Topics' });
    await table.locator('[data-topic="orders.paid"]').waitFor({ timeout: 30_000 });
    if (first) {
      await page.getByLabel('Group by prefix').check();
      await table.getByRole('button', { name: 'Star orders.paid' }).click();
      await table.getByRole('button', { name: 'Star rider-updates' }).click();
      // rider-updates sat below the fold, so the click scrolled the table down: back to the top
      await table.hover();
      await page.mouse.wheel(0, -10_000);
      await table.locator('[data-group="audit"]').click();
      first = false;
    }
    await table.locator('[data-group="audit"][data-expanded="false"]').waitFor();
    await shoot(page, `topics-tree-${theme.toLowerCase()}.png`);

    await page.getByRole('button', { name: 'Create topic' }).click();
    const form = page.getByRole('region', { name: 'Create topic' });
    if (theme === 'Dark') {
      await form.getByLabel('Partitions').fill('12');
      await form.getByLabel('Cleanup policy').selectOption('compact');
      await form.getByLabel('Save this form as').fill('compacted, 12 partitions');
      await form.getByRole('button', { name: 'Save template' }).click();
      await form.getByText('Saved as template').waitFor();
    }
    await form.getByLabel('Name').fill('orders.returned');
    await shoot(page, `create-template-${theme.toLowerCase()}.png`);
    await form.getByRole('button', { name: 'Cancel' }).click();

    await page.goto(`${server.url}#/topics/orders.created/manage`);
    await page.getByRole('region', { name: 'Clone topic' }).getByLabel('Configs (name=value, one a line)').waitFor();
    await page.waitForFunction(() => (document.querySelector('[aria-label="Clone topic"] textarea') as HTMLTextAreaElement | null)?.value.includes('retention.ms'));
    await shoot(page, `clone-${theme.toLowerCase()}.png`);
  }
} finally {
  await browser.close();
  await server.stop();
  await cluster.stop();
}
