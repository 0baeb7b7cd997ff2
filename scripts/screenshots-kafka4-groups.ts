/**
 * npx tsx scripts/screenshots-kafka4-groups.ts [out-dir]: the groups list and the detail pages of
 * a KIP-848 consumer group and a KIP-932 share group, each read by Kafka's own Java console
 * clients, at 1280×720 in the dark and the light theme (default out-dir /tmp/kafka4-group-shots).
 * KAFKA_BROKERS reuses a running 4.2+ broker; otherwise one is started and stopped.
 * Needs `npm run build` first.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { startCluster, type RunningCluster } from './kafka/cluster';
import { createTopicsReady } from './kafka/topics';
import { startNewProtocolConsumer, startShareConsumer } from '../test/support/java-clients';

const out = process.argv[2] ?? '/tmp/kafka4-group-shots';
mkdirSync(out, { recursive: true });
let cluster: RunningCluster | undefined;
const bootstrap = process.env.KAFKA_BROKERS ?? (cluster = await startCluster({ nodes: 1, name: 'screenshots-kafka4-groups' })).bootstrap;
const suffix = Date.now().toString(36);
const topic = `orders-${suffix}`;
await createTopicsReady(bootstrap, [{ topic, numPartitions: 3 }]);
const produce = (n: number) => execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic], { input: Array.from({ length: n }, (_, i) => `{"order":${i}}`).join('\n') });
produce(300);
const consumerGroup = `billing-${suffix}`;
const shareGroup = `order-workers-${suffix}`;
const javas: ChildProcess[] = [await startNewProtocolConsumer(bootstrap, topic, consumerGroup), await startShareConsumer(bootstrap, topic, shareGroup), await startShareConsumer(bootstrap, topic, shareGroup)];
const server = await startAppServer({ env: { KAFKA_EXPLORER_AUTOCONNECT: bootstrap } });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url);
  await page.getByTestId('cluster-id').waitFor();
  // Let the Java clients join and the share consumers fetch; then more records for the share group to work on.
  await new Promise((r) => setTimeout(r, 15_000));
  produce(200);
  await new Promise((r) => setTimeout(r, 5_000));
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(`${server.url}#/groups`);
    await page.getByRole('grid', { name: 'Consumer groups' }).or(page.getByLabel('Consumer groups')).first().waitFor();
    await page.getByLabel('Filter groups').fill(suffix);
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(out, `list-${colorScheme}.png`) });
    for (const [name, id] of [
      ['consumer', consumerGroup],
      ['share', shareGroup],
    ] as const) {
      await page.goto(`${server.url}#/groups/${id}`);
      await page.getByTestId('group-type').waitFor();
      await page.waitForTimeout(600);
      await page.screenshot({ path: join(out, `${name}-${colorScheme}.png`) });
      await page.getByRole('table', { name: 'Members' }).scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(out, `${name}-${colorScheme}-members.png`) });
    }
    console.log(join(out, `*-${colorScheme}.png`));
  }
} finally {
  for (const j of javas) j.kill('SIGKILL');
  await browser.close();
  await server.stop();
  await cluster?.stop();
}
