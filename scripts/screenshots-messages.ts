/**
 * npx tsx scripts/screenshots-messages.ts: captures docs/screenshots/messages-bytes.png (1280×720)
 * from the real UI (browser mode in Debian's Chromium) against a single-node cluster it starts
 * and stops itself: binary and null keys and values beside text that looks the same, with the
 * detail pane of a value too big for the window. Needs `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { startCluster } from './kafka/cluster';
import { createTopicsReady } from './kafka/topics';

const cluster = await startCluster({ nodes: 1, name: `screenshots-messages-${process.pid}` });
const server = await startAppServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const topic = 'device-events';
  await createTopicsReady(cluster.bootstrap, [{ topic, numPartitions: 1 }]);
  const kcat = (input: Buffer, key = true) => execFileSync('kcat', ['-b', cluster.bootstrap, '-P', '-t', topic, '-p', '0', ...(key ? ['-K', '|'] : [])], { input });
  kcat(Buffer.concat([Buffer.from([0x00, 0xff, 0xfe]), Buffer.from('|{"device":"sensor-7","temp":21.5}\n')]));
  kcat(Buffer.from('00 ff fe|{"device":"sensor-8","temp":19.0}\nnull|{"device":"sensor-9","temp":22.1}\n'));
  kcat(Buffer.from('{"device":"unkeyed","temp":20.4}\n'), false);
  kcat(Buffer.concat([Buffer.from('firmware-7|'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0xff, 0x10, 0x80]), Buffer.from('\n')]));
  execFileSync('kcat', ['-b', cluster.bootstrap, '-P', '-t', topic, '-p', '0', '-K', '|', '-Z'], { input: 'sensor-7|\n' }); // a tombstone
  kcat(Buffer.from(`report-1|${JSON.stringify({ readings: Array.from({ length: 20000 }, (_, i) => ({ i, t: 20 + (i % 7) / 10 })) })}\n`));

  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url);
  await page.getByLabel('Bootstrap servers').fill(cluster.bootstrap);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByTestId('connection-bar').waitFor();
  await page.goto(`${server.url}#/topics/${topic}/messages`);
  await page.locator('[aria-label="Messages"][data-rows="7"]').waitFor();
  await page.getByLabel('Order').selectOption('oldest');
  await page.getByRole('button', { name: 'Read', exact: true }).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshots/messages-bytes.png' });
  console.log('docs/screenshots/messages-bytes.png');
  await page.locator('[data-row-id="0-6"]').click();
  await page.getByTestId('detail-value-preview-note').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshots/messages-bytes-detail.png' });
  console.log('docs/screenshots/messages-bytes-detail.png');
} finally {
  await browser.close();
  await server.stop();
  await cluster.stop();
}
