/**
 * npx tsx scripts/screenshots-groups.ts [out-dir]: the group detail page of the seeded
 * `analytics-pipeline` (an Empty group with lag) at 1280×720 in the dark and the light theme
 * (prefers-color-scheme), into out-dir (default /tmp/group-shots), and docs/screenshots/group-detail.png
 * as scripts/screenshots.ts takes it. Starts and stops its own single-node cluster.
 * Needs `npm run build` first.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { startAppServer } from '../e2e/support/app-server';
import { startCluster } from './kafka/cluster';
import { seedCluster } from './seed-data';
import { createTopicsReady } from './kafka/topics';

const out = process.argv[2] ?? '/tmp/group-shots';
mkdirSync(out, { recursive: true });
// The docs show 127.0.0.1:9092 in the connection bar, as scripts/screenshots.ts does: GROUP_SHOTS_PORT=9092 when it is free.
const cluster = await startCluster({ nodes: 1, name: 'screenshots-groups', ...(process.env.GROUP_SHOTS_PORT ? { ports: [Number(process.env.GROUP_SHOTS_PORT)] } : {}) });
const server = await startAppServer({ env: { KAFKA_EXPLORER_AUTOCONNECT: cluster.bootstrap } });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const detail = async (page: Page, groupId = 'analytics-pipeline') => {
  await page.goto(`${server.url}#/groups/${groupId}`);
  await page.locator('.group-page').evaluate((el) => el.scrollTo(0, 0));
  await page.getByTestId('group-lag').waitFor();
  await page.getByTestId('group-verdict').waitFor();
  await page.waitForTimeout(400);
};
try {
  await seedCluster(cluster.bootstrap);
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  // Connected (auto-connect lands on the overview), then a few lag samples (main samples every 5 s), so the chart has a line.
  await page.goto(server.url);
  await page.getByTestId('cluster-id').waitFor();
  await page.goto(`${server.url}#/groups/analytics-pipeline`);
  await page
    .waitForFunction(() => Number(document.querySelector('[data-testid="lag-chart"]')?.getAttribute('data-points')) >= 3, undefined, { timeout: 30_000 })
    .catch(async (e: unknown) => {
      await page.screenshot({ path: join(out, 'failed.png') });
      throw e;
    });
  await detail(page);
  await page.screenshot({ path: 'docs/screenshots/group-detail.png' });
  console.log('docs/screenshots/group-detail.png');
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await detail(page);
    await page.screenshot({ path: join(out, `group-detail-${colorScheme}.png`) });
    // Further down: partitions, who reads what, the reset panel.
    await page.locator('.group-page').evaluate((el) => el.scrollTo(0, 520));
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(out, `group-detail-${colorScheme}-lower.png`) });
    console.log(join(out, `group-detail-${colorScheme}.png`));
  }
  // Not for the docs: a live group with an idle member (3 members, 2 partitions), the reset panel refusing.
  await createTopicsReady(cluster.bootstrap, [{ topic: 'screenshot-live', numPartitions: 2 }]);
  const kafka = new Kafka({ clientId: 'shot-member', brokers: [cluster.bootstrap], logLevel: logLevel.NOTHING });
  const consumers = [0, 1, 2].map(() => kafka.consumer({ groupId: 'screenshot-live-g', sessionTimeout: 10_000, heartbeatInterval: 500 }));
  try {
    for (const c of consumers) {
      await c.connect();
      await c.subscribe({ topic: 'screenshot-live', fromBeginning: true });
      await c.run({ eachMessage: async () => undefined });
    }
    for (const colorScheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme });
      await detail(page, 'screenshot-live-g');
      await page.locator('thead th.idle').waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(out, `group-live-${colorScheme}-top.png`) });
      await page.getByLabel('Reset topic').selectOption('screenshot-live');
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByTestId('reset-refusal').waitFor();
      await page.screenshot({ path: join(out, `group-live-${colorScheme}.png`) });
      await page.locator('.group-page').evaluate((el) => el.scrollTo(0, 560));
      await page.waitForTimeout(200);
      await page.screenshot({ path: join(out, `group-live-${colorScheme}-lower.png`) });
      console.log(join(out, `group-live-${colorScheme}.png`));
    }
  } finally {
    await Promise.all(consumers.map((c) => c.disconnect().catch(() => undefined)));
  }
} finally {
  await browser.close();
  await server.stop();
  await cluster.stop();
}
