/**
 * Screenshots of the lazily loaded views (JSON tree, lag chart, payload editor, schema diff) at
 * 1280×720 in both themes, into /tmp/perfui-shots: a check that each chunk loads and renders.
 * `npx tsx scripts/screenshots-lazy.ts host:port` after `npm run build` (a seeded cluster).
 */
import { chromium } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { seedCluster } from './seed-data';

const bootstrap = process.argv[2] ?? process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
await seedCluster(bootstrap);
const server = await startAppServer({ env: { KAFKA_EXPLORER_AUTOCONNECT: bootstrap } });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const theme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: theme });
    const shoot = async (name: string) => {
      await page.waitForTimeout(400);
      await page.screenshot({ path: `/tmp/perfui-shots/${name}-${theme}.png` });
      console.log(`/tmp/perfui-shots/${name}-${theme}.png`);
    };
    await page.goto(server.url);
    await page.getByTestId('connection-bar').waitFor();
    const go = (hash: string) => page.evaluate((h) => (location.hash = h), hash);
    await go('#/topics/orders/messages');
    await page.locator('[aria-label="Messages"] [role="row"] >> nth=1').click({ timeout: 60_000 });
    await page.getByRole('tree', { name: 'Value JSON' }).waitFor();
    await shoot('json-tree');
    await go('#/groups/analytics-pipeline');
    await page.getByTestId('lag-chart').waitFor({ timeout: 30_000 });
    await shoot('lag-chart');
    await go('#/produce/orders');
    await page.locator('.cm-editor').first().waitFor();
    await shoot('produce-editor');
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
