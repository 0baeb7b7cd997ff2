/**
 * npx tsx scripts/screenshots-multi.ts [bootstrap]: captures docs/screenshots/multi-cluster*.png
 * (two clusters open, the picker, a live tail left running on the other) and
 * docs/screenshots/multi-cluster-link*.png (a link to a cluster not connected) in the dark and
 * the light theme, from the real UI (browser mode, Debian's Chromium). Starts and seeds its own
 * broker unless given one. Needs `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { startCluster, type RunningCluster } from './kafka/cluster';
import { seedCluster } from './seed-data';

const given = process.argv[2];
const cluster: RunningCluster | null = given ? null : await startCluster({ name: 'screenshots-multi' });
const bootstrap = given ?? cluster!.bootstrap;
const server = await startAppServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

async function saveProfile(page: Page, name: string, color: string) {
  await page.getByRole('button', { name: 'New profile' }).click();
  const form = page.getByRole('form', { name: 'New profile' });
  await form.getByLabel('Profile name').fill(name);
  await form.getByLabel('Bootstrap addresses').fill(bootstrap);
  await form.getByRole('radio', { name: color }).click();
  await form.getByRole('button', { name: 'Save profile' }).click();
  await page.locator(`[data-profile="${name}"]`).waitFor();
}

try {
  if (cluster) await seedCluster(bootstrap);
  let profilesSaved = false;
  for (const scheme of ['dark', 'light'] as const) {
    const suffix = scheme === 'dark' ? '' : '-light';
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, colorScheme: scheme });
    await page.goto(server.url);
    if (!profilesSaved) {
      await saveProfile(page, 'Local dev', '#4f7cff');
      await saveProfile(page, 'Staging mirror', '#e5484d');
      profilesSaved = true;
    }
    await page.getByRole('button', { name: 'Connect to Local dev' }).click();
    await page.getByTestId('connection-bar').waitFor();
    await page.evaluate(() => (window.location.hash = '#/topics/rider-updates/messages'));
    await page.getByRole('button', { name: 'Tail live' }).click();
    await page.getByTestId('tail-state').waitFor();
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', 'rider-updates', '-K', '|'], { input: Array.from({ length: 6 }, (_, i) => `rider-${i}|{"rider":"rider-${i}","status":"moving","speedKmh":${12 + i}}`).join('\n') });
    await page.getByRole('group', { name: 'Open clusters' }).getByRole('button', { name: '+ Connect another…' }).click();
    await page.getByRole('button', { name: 'Connect to Staging mirror' }).click();
    await page.getByRole('group', { name: 'Open clusters' }).getByRole('button', { name: 'Staging mirror' }).waitFor();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Topics', exact: true }).click();
    await page.getByRole('table').first().waitFor();
    await page.waitForTimeout(600);
    await page.screenshot({ path: `docs/screenshots/multi-cluster${suffix}.png` });
    // Back on the first: its tail is still live, with what arrived meanwhile.
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', 'rider-updates', '-K', '|'], { input: 'rider-9|{"rider":"rider-9","status":"arrived"}' });
    await page.keyboard.press('Control+1');
    await page.getByTestId('tail-state').waitFor();
    await page.waitForTimeout(600);
    await page.screenshot({ path: `docs/screenshots/multi-cluster-back${suffix}.png` });
    // A link to an address this window has not connected.
    const url = new URL(server.url);
    await page.goto(`${url.origin}/${url.search}#/c/~kafka.example.com%3A9092/topics/orders`);
    await page.getByTestId('link-banner').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/screenshots/multi-cluster-link${suffix}.png` });
    await page.close();
    console.log(`docs/screenshots/multi-cluster*${suffix}.png`);
  }
} finally {
  await browser.close();
  await server.stop();
  await cluster?.stop();
}
