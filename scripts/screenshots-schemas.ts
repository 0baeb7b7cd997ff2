/**
 * npx tsx scripts/screenshots-schemas.ts: the README's Schemas screenshots, at 1280x720 in the
 * dark and the light theme, from the real UI (browser mode, Debian's Chromium) against a broker
 * and an Apicurio registry it starts and seeds with the demo's schema-encoded topics.
 */
import { chromium, type Page } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { repoRoot, startCluster } from './kafka/cluster';
import { startRegistry } from './kafka/registry';
import { seedSchemas } from './seed-schemas';

const [cluster, registry] = await Promise.all([startCluster({ nodes: 1, name: `shots-${process.pid}` }), startRegistry({ root: repoRoot, name: `shots-registry-${process.pid}` })]);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const server = await startAppServer({ env: { KAFKA_EXPLORER_AUTOCONNECT: cluster.bootstrap, KAFKA_EXPLORER_AUTOCONNECT_REGISTRY: registry.url } });
try {
  await seedSchemas(cluster.bootstrap, registry.url);
  for (const scheme of ['dark', 'light'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: scheme });
    const suffix = scheme === 'dark' ? '' : '-light';
    const save = async (target: Page | ReturnType<Page['locator']>, name: string) => {
      await page.waitForTimeout(300);
      await target.screenshot({ path: `docs/screenshots/${name}${suffix}.png` });
      console.log(`docs/screenshots/${name}${suffix}.png`);
    };
    await page.goto(server.url);
    await page.getByTestId('connection-bar').waitFor();
    // Avro values decoded as JSON, filtered on a field, one opened.
    await page.goto(`${server.url}#/topics/orders-avro/messages`);
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByLabel('JSON filter').fill('value.status == "SHIPPED"');
    await page.getByRole('button', { name: 'Read', exact: true }).click();
    await page.locator('[data-testid="messages-summary"]', { hasText: 'matched' }).waitFor();
    await page.locator('[aria-label="Messages"] [role="row"] >> nth=2').click();
    await page.getByTestId('detail-value-schema').waitFor();
    await save(page, 'schemas-messages');
    // The Schemas page: the subject's v1 → v3 diff.
    await page.goto(`${server.url}#/schemas/orders-avro-value?v=3&diff=1`);
    await page.getByRole('region', { name: 'Changes from v1 to v3' }).waitFor();
    await save(page, 'schemas-diff');
    await page.close();
  }
} finally {
  await server.stop();
  await browser.close();
  await Promise.all([cluster.stop(), registry.stop()]);
}
