/**
 * npx tsx scripts/screenshots-connect.ts: the README's Kafka Connect screenshots, at 1280x720 in
 * the dark and the light theme, from the real UI (browser mode, Debian's Chromium) against a broker
 * and a Connect worker it starts, with the demo's connectors (one failing).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { repoRoot, startCluster } from './kafka/cluster';
import { startConnect } from './kafka/connect';
import { DEMO_CONNECT, feedDemoFile, seedConnectors } from './seed-connect';

const cluster = await startCluster({ nodes: 1, name: `shots-${process.pid}` });
const worker = await startConnect({ root: repoRoot, name: `shots-connect-${process.pid}`, bootstrap: cluster.bootstrap });
const dir = mkdtempSync(join(tmpdir(), 'ke-shots-connect-'));
await seedConnectors(worker.url, dir);
const stopFeed = feedDemoFile(dir, 500);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const server = await startAppServer({ env: { KAFKA_EXPLORER_AUTOCONNECT: cluster.bootstrap, KAFKA_EXPLORER_AUTOCONNECT_CONNECT: worker.url } });
try {
  for (const scheme of ['dark', 'light'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: scheme });
    const suffix = scheme === 'dark' ? '' : '-light';
    const save = async (name: string) => {
      await page.waitForTimeout(400);
      await page.screenshot({ path: `docs/screenshots/${name}${suffix}.png` });
      console.log(`docs/screenshots/${name}${suffix}.png`);
    };
    await page.goto(server.url);
    await page.getByTestId('connection-bar').waitFor();
    await page.goto(`${server.url}#/kafka-connect/demo`);
    await page.getByText(/1 task failed/).waitFor({ timeout: 60_000 });
    await save('connect-list');
    await page.goto(`${server.url}#/kafka-connect/demo/${DEMO_CONNECT.failing}`);
    await page.getByTestId('connect-trace').first().waitFor({ timeout: 60_000 });
    await save('connect-failed');
    await page.goto(`${server.url}#/kafka-connect/demo?new=1`);
    await page.getByLabel('Plugin').selectOption('org.apache.kafka.connect.file.FileStreamSourceConnector');
    await page.getByLabel('Connector name').fill('orders-file');
    await page.locator('[data-key="file"]').waitFor();
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.getByTestId('connect-validate-result').waitFor();
    await save('connect-form');
    await page.close();
  }
} finally {
  stopFeed();
  await server.stop();
  await browser.close();
  await worker.stop();
  await cluster.stop();
}
