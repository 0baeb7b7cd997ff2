/**
 * npx tsx scripts/screenshots-settings.ts [out-dir]: the Overview and Settings pages (and the
 * produce editor and a group's lag chart, which follow the theme) at 1280×720 and 1440×900, in
 * the Light and Dark themes chosen on the Settings page, into out-dir (default /tmp/settings-shots),
 * and docs/screenshots/overview.png. Starts and stops its own single-node cluster with the demo's
 * live traffic, so the overview has throughput and lag. Needs `npm run build` first.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { startCluster } from './kafka/cluster';
import { seedCluster } from './seed-data';
import { runDemoTraffic } from './seed-traffic';

const out = process.argv[2] ?? '/tmp/settings-shots';
mkdirSync(out, { recursive: true });
const cluster = await startCluster({ nodes: 1, name: 'screenshots-settings' });
const traffic = new AbortController();
const server = await startAppServer({ env: { KAFKA_EXPLORER_AUTOCONNECT: cluster.bootstrap } });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

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
  void runDemoTraffic(cluster.bootstrap, traffic.signal).catch((e: unknown) => console.error('traffic:', e));
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url);
  await page.getByTestId('cluster-id').waitFor();
  for (const theme of ['Dark', 'Light'] as const) {
    await chooseTheme(page, theme);
    for (const [w, h] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`${server.url}#/settings`);
      await page.getByTestId('date-example').waitFor();
      await shoot(page, `settings-${theme.toLowerCase()}-${w}.png`);
      await page.goto(`${server.url}#/overview`);
      await page.locator('[data-testid="overview-throughput"] [data-topic]').first().waitFor({ timeout: 30_000 });
      await page.locator('[data-testid="overview-kafka"] [data-feature]').first().waitFor();
      await shoot(page, `overview-${theme.toLowerCase()}-${w}.png`);
      if (theme === 'Dark' && w === 1440) {
        await page.screenshot({ path: 'docs/screenshots/overview.png' });
        console.log('docs/screenshots/overview.png');
      }
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${server.url}#/produce/rider-updates`);
    await page.getByRole('button', { name: 'rider-updates: location update' }).click();
    await shoot(page, `produce-${theme.toLowerCase()}.png`);
    await page.goto(`${server.url}#/groups/analytics-pipeline`);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="lag-chart"]')?.getAttribute('data-points')) >= 2, undefined, { timeout: 30_000 });
    await shoot(page, `group-${theme.toLowerCase()}.png`);
  }
} finally {
  traffic.abort();
  await browser.close();
  await server.stop();
  await cluster.stop();
}
