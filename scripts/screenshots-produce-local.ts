/**
 * npx tsx scripts/screenshots-produce-local.ts [out-dir]: the Produce page with a local schema
 * file chosen for a value (the topic's mapped Protobuf type preselected, its skeleton in the
 * editor) and then a field of the wrong type named, at 1280x720 in the dark and the light theme.
 * Real UI (browser mode, Debian's Chromium) against a broker and an Apicurio registry it starts
 * (so both sources are offered). Needs `npm run build` first.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { repoRoot, startCluster } from './kafka/cluster';
import { startRegistry } from './kafka/registry';
import { createTopicsReady } from './kafka/topics';

const out = process.argv[2] ?? 'docs/screenshots';
mkdirSync(out, { recursive: true });
const schemas = mkdtempSync(join(tmpdir(), 'shots-local-schemas-'));
writeFileSync(join(schemas, 'shop.proto'), 'syntax = "proto3";\npackage shop;\nmessage Payment { string id = 1; int64 cents = 2; }\nmessage Refund { string id = 1; int64 cents = 2; string reason = 3; }\n');
writeFileSync(join(schemas, 'visit.avsc'), JSON.stringify({ type: 'record', name: 'Visit', namespace: 'web', fields: [{ name: 'page', type: 'string' }] }));

const [cluster, registry] = await Promise.all([startCluster({ nodes: 1, name: `shots-local-${process.pid}` }), startRegistry({ root: repoRoot, name: `shots-local-registry-${process.pid}` })]);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const server = await startAppServer();
try {
  await createTopicsReady(cluster.bootstrap, [{ topic: 'refunds', numPartitions: 3 }]);
  let saved = false;
  // The editor picks its theme when the page loads: one page per theme.
  for (const colorScheme of ['dark', 'light'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme });
    await page.goto(server.url);
    if (!saved) {
      await page.getByRole('button', { name: 'New profile' }).click();
      const form = page.getByRole('form', { name: 'New profile' });
      await form.getByLabel('Profile name').fill('Shop (local schemas)');
      await form.getByLabel('Bootstrap addresses').fill(cluster.bootstrap);
      await form.getByLabel(/Decode Avro, Protobuf and JSON Schema/).check();
      await form.getByLabel('Registry URL').fill(registry.url);
      await form.getByText('Local schema files (no registry needed)').click();
      await form.getByLabel('Schema files and folders').fill(schemas);
      await form.getByLabel('Topic mappings').fill('refunds value shop.Refund');
      await form.getByRole('button', { name: 'Save profile' }).click();
      saved = true;
    }
    await page.getByRole('button', { name: 'Connect to Shop (local schemas)' }).click();
    await page.getByTestId('connection-bar').waitFor();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Produce', exact: true }).click();
    await page.getByLabel('Topic', { exact: true }).fill('refunds');
    await page.getByRole('group', { name: 'Value', exact: true }).getByRole('radio', { name: 'Schema' }).check();
    const editor = page.getByTestId('payload-value-editor').locator('.cm-content');
    await editor.filter({ hasText: '"reason"' }).waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(out, `produce-local-${colorScheme}.png`) });
    console.log(join(out, `produce-local-${colorScheme}.png`));
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(JSON.stringify({ id: 'rf-1', cents: 'ten', reason: 'late' }, null, 2));
    await page.getByTestId('payload-value-problem').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `produce-local-error-${colorScheme}.png`) });
    console.log(join(out, `produce-local-error-${colorScheme}.png`));
    await page.close();
  }
} finally {
  await server.stop();
  await browser.close();
  await Promise.all([cluster.stop(), registry.stop()]);
}
