/**
 * npx tsx scripts/screenshots-keys.ts: the command palette, the shortcuts list and the topic
 * page's Produce/Tail buttons, at 1280x720 in the dark and the light theme, from the real UI
 * (browser mode, Debian's Chromium) against a broker it starts and seeds with the demo's data.
 */
import { chromium } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { startCluster } from './kafka/cluster';
import { seedCluster } from './seed-data';

const cluster = await startCluster({ nodes: 1, name: `shots-keys-${process.pid}` });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const server = await startAppServer({ env: { KAFKA_EXPLORER_AUTOCONNECT: cluster.bootstrap } });
try {
  await seedCluster(cluster.bootstrap);
  for (const scheme of ['dark', 'light'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: scheme });
    const suffix = scheme === 'dark' ? '' : '-light';
    const save = async (name: string) => {
      await page.waitForTimeout(300);
      await page.screenshot({ path: `docs/screenshots/${name}${suffix}.png` });
      console.log(`docs/screenshots/${name}${suffix}.png`);
    };
    await page.goto(server.url);
    await page.getByTestId('connection-bar').waitFor();
    await page.goto(`${server.url}#/topics`);
    await page.getByRole('table', { name: 'Topics' }).getByText('orders', { exact: true }).waitFor();
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox').pressSequentially('ord');
    await page.getByRole('option').first().waitFor();
    await save('palette');
    await page.getByRole('dialog', { name: 'Command palette' }).getByRole('combobox').fill('tail rider');
    await save('palette-verb');
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await save('shortcuts');
    await page.keyboard.press('Escape');
    await page.goto(`${server.url}#/topics/orders`);
    await page.getByRole('link', { name: 'Produce to this topic' }).waitFor();
    await page.getByText(/Kept \d/).first().waitFor();
    await save('topic-actions');
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
  await cluster.stop();
}
