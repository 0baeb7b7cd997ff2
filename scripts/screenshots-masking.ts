/**
 * npx tsx scripts/screenshots-masking.ts: captures, in the dark and the light theme (1280×720),
 * docs/screenshots/masking-rules-{dark,light}.png (a profile's masking rules) and
 * docs/screenshots/masking-messages-{dark,light}.png (masked values, screen-share mode on, a read
 * by exact key and the top keys), from the real UI against a single-node cluster it starts and
 * stops itself. Needs `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { startCluster } from './kafka/cluster';
import { createTopicsReady } from './kafka/topics';

const cluster = await startCluster({ nodes: 1, name: `screenshots-masking-${process.pid}` });
const server = await startAppServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const topic = 'pii-orders';
  await createTopicsReady(cluster.bootstrap, [{ topic, numPartitions: 6 }]);
  const names = ['Ann Lee', 'Bob Stone', 'Chen Wu', 'Dana Ruiz'];
  const lines = Array.from({ length: 240 }, (_, i) => {
    const who = names[i % names.length]!;
    const email = `${who.toLowerCase().replace(' ', '.')}@example.com`;
    return `customer-${i % 12}|${JSON.stringify({ order: 1000 + i, customer: { name: who, email }, total: (i * 37) % 500, note: `call ${email} if late` })}`;
  });
  execFileSync('kcat', ['-b', cluster.bootstrap, '-P', '-t', topic, '-K', '|', '-X', 'partitioner=murmur2_random'], { input: lines.join('\n') });

  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New profile' }).click();
  const form = page.getByRole('form', { name: 'New profile' });
  await form.getByLabel('Profile name').fill('Orders (masked)');
  await form.getByLabel('Bootstrap addresses').fill(cluster.bootstrap);
  const rules = [
    { topic: 'pii-*', kind: 'field', pattern: 'customer.email', action: 'mask', sharing: false },
    { topic: 'pii-*', kind: 'field', pattern: 'customer.name', action: 'hash', sharing: false },
    { topic: '*', kind: 'regex', pattern: '[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+', action: 'mask', sharing: true },
  ];
  for (const [i, r] of rules.entries()) {
    await form.getByRole('button', { name: 'Add masking rule' }).click();
    await form.getByLabel(`Rule ${i + 1} topics`).fill(r.topic);
    await form.getByLabel(`Rule ${i + 1} kind`).selectOption(r.kind);
    await form.getByLabel(`Rule ${i + 1} ${r.kind === 'field' ? 'field path' : 'pattern'}`).fill(r.pattern);
    await form.getByLabel(`Rule ${i + 1} action`).selectOption(r.action);
    if (r.sharing) await form.getByLabel(`Rule ${i + 1} only in screen-share mode`).check();
  }
  await form.getByRole('button', { name: 'Add masking rule' }).scrollIntoViewIfNeeded();
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/screenshots/masking-rules-${colorScheme}.png` });
    console.log(`docs/screenshots/masking-rules-${colorScheme}.png`);
  }
  await form.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('button', { name: 'Connect to Orders (masked)' }).click();
  await page.getByTestId('connection-bar').waitFor();
  await page.getByTestId('screen-share-toggle').click();
  await page.goto(`${server.url}#/topics/${topic}/messages`);
  await page.locator('[aria-label="Messages"][data-rows]').first().waitFor();
  const filters = page.getByRole('button', { name: /^Filters/ });
  if ((await filters.getAttribute('aria-expanded')) !== 'true') await filters.click();
  await page.getByLabel('Start position').selectOption('beginning');
  await page.getByLabel('Exact key').fill('customer-7');
  await page.getByRole('button', { name: 'Read', exact: true }).click();
  await page.getByTestId('key-partition-note').waitFor();
  const topKeys = page.getByRole('button', { name: 'Top keys' });
  if ((await topKeys.getAttribute('aria-expanded')) !== 'true') await topKeys.click();
  await filters.click();
  // The detail pane shows the whole value: the email masked, the name hashed.
  await page.locator('[role=row][data-row-id]').first().click();
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/screenshots/masking-messages-${colorScheme}.png` });
    console.log(`docs/screenshots/masking-messages-${colorScheme}.png`);
  }
  await page.getByTestId('screen-share-toggle').click();
} finally {
  await browser.close();
  await server.stop();
  await cluster.stop();
}
