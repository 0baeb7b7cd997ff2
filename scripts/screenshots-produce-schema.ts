/**
 * npx tsx scripts/screenshots-produce-schema.ts: docs/screenshots/produce-schema.png and
 * produce-schema-error.png (1280x720): the Produce page with the Schema format chosen for an
 * Avro value (subject, version, skeleton), then a field of the wrong type named under the editor.
 * Real UI (browser mode, Debian's Chromium) against a broker and an Apicurio registry it starts
 * and seeds with the demo's schema-encoded topics. Needs `npm run build` first.
 */
import { chromium } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { repoRoot, startCluster } from './kafka/cluster';
import { startRegistry } from './kafka/registry';
import { seedSchemas } from './seed-schemas';

const [cluster, registry] = await Promise.all([startCluster({ nodes: 1, name: `shots-produce-${process.pid}` }), startRegistry({ root: repoRoot, name: `shots-produce-registry-${process.pid}` })]);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const server = await startAppServer({ env: { KAFKA_EXPLORER_AUTOCONNECT: cluster.bootstrap, KAFKA_EXPLORER_AUTOCONNECT_REGISTRY: registry.url } });
try {
  await seedSchemas(cluster.bootstrap, registry.url);
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url);
  await page.getByTestId('connection-bar').waitFor();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Produce', exact: true }).click();
  await page.getByLabel('Topic', { exact: true }).fill('orders-avro');
  const value = page.getByRole('group', { name: 'Value', exact: true });
  await value.getByRole('radio', { name: 'Schema' }).check();
  const editor = page.getByTestId('payload-value-editor').locator('.cm-content');
  await editor.filter({ hasText: '"status"' }).waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/screenshots/produce-schema.png' });
  console.log('docs/screenshots/produce-schema.png');
  const skeleton = JSON.parse(await editor.innerText()) as Record<string, unknown>;
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(JSON.stringify({ ...skeleton, orderId: 'order-2001', customer: 42 }, null, 2));
  await page.getByTestId('payload-value-problem').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshots/produce-schema-error.png' });
  console.log('docs/screenshots/produce-schema-error.png');
} finally {
  await server.stop();
  await browser.close();
  await Promise.all([cluster.stop(), registry.stop()]);
}
