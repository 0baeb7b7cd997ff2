/**
 * npm run screenshots [-- host:port]: captures the README's screenshots of the real UI
 * (browser mode in Debian's Chromium) against a seeded cluster (default 127.0.0.1:9092).
 */
import { chromium } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { seedCluster } from './seed-data';

const bootstrap = process.argv[2] ?? process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
await seedCluster(bootstrap);
const server = await startAppServer({ env: { KAFKA_EXPLORER_AUTOCONNECT: bootstrap } });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const shoot = async (hash: string, file: string, ready: string) => {
    await page.goto(`${server.url}${hash}`);
    await page.locator(ready).first().waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `docs/screenshots/${file}` });
    console.log(`docs/screenshots/${file}`);
  };
  // Once the throughput's two samples are in, so the card shows rates, not "Measuring…".
  await shoot('', 'overview.png', '[data-testid="stat-Messages/s"] .stat__value:text-matches("[0-9]")');
  await shoot('#/brokers', 'brokers.png', '[aria-label="Brokers"] [role="row"] >> nth=1');
  await shoot('#/brokers/1', 'broker-detail.png', '[aria-label="Broker configs"] [role="row"] >> nth=1');
  await shoot('#/topics', 'topics.png', '[aria-label="Topics"] [role="row"] >> nth=1');
  await shoot('#/topics/orders', 'topic-partitions.png', '[data-testid="partition-summary"]');
  // audit-log keeps 3 days (an override): its retention configs, the override set apart.
  await page.goto(`${server.url}#/topics/audit-log/configuration`);
  await page.getByLabel('Filter configs').fill('retention');
  await page.locator('[data-config="retention.ms"]').waitFor();
  await page.getByTestId('retention-summary').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshots/topic-config.png' });
  console.log('docs/screenshots/topic-config.png');
  // Messages of `orders`, newest first, filtered in main by a JSON expression, one opened.
  await page.goto(`${server.url}#/topics/orders/messages`);
  await page.locator('[aria-label="Messages"] [role="row"] >> nth=1').waitFor();
  await page.getByRole('button', { name: /^Filters/ }).click();
  await page.getByLabel('JSON filter').fill('value.amount > 100 && value.region != "NORTH"');
  await page.getByRole('button', { name: 'Read', exact: true }).click();
  await page.locator('[data-testid="messages-summary"]', { hasText: 'matched' }).waitFor();
  await page.locator('[aria-label="Messages"] [role="row"] >> nth=2').click();
  await page.locator('[data-testid="detail-value"]').waitFor();
  await page.screenshot({ path: 'docs/screenshots/messages.png' });
  console.log('docs/screenshots/messages.png');
  // The detail pane of one order: the value as a JSON tree (Auto), the key switched to Hex.
  await page.getByRole('complementary', { name: 'Message' }).getByLabel('Key view').selectOption('hex');
  await page.getByRole('tree', { name: 'Value JSON' }).waitFor();
  await page.waitForTimeout(200);
  await page.getByRole('complementary', { name: 'Message' }).screenshot({ path: 'docs/screenshots/message-detail.png' });
  console.log('docs/screenshots/message-detail.png');
  await shoot('#/groups', 'groups.png', '[aria-label="Consumer groups"] [role="row"] >> nth=1');
  // A few lag samples first (main samples every 5 s), so the chart has a line.
  await page.goto(`${server.url}#/groups/analytics-pipeline`);
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="lag-chart"]')?.getAttribute('data-points')) >= 3, undefined, { timeout: 30_000 });
  await shoot('#/groups/analytics-pipeline', 'group-detail.png', '[data-testid="group-lag"]');
  // Produce: the built-in rider-updates template loaded and sent once.
  await page.goto(`${server.url}#/produce/rider-updates`);
  await page.getByRole('button', { name: 'rider-updates: location update' }).click();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByTestId('send-result').waitFor();
  await page.screenshot({ path: 'docs/screenshots/produce.png', fullPage: true });
  console.log('docs/screenshots/produce.png');
} finally {
  await browser.close();
  await server.stop();
}
