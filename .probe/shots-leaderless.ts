// Looks at the group page and list while a partition has no leader, in both themes, at 1280x720.
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { startAppServer } from '../e2e/support/app-server';
import { startCluster } from '../scripts/kafka/cluster';
import { createTopicsReady } from '../scripts/kafka/topics';

const cluster = await startCluster({ nodes: 3, name: 'shots-leaderless' });
const server = await startAppServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  await createTopicsReady(cluster.bootstrap, [{ topic: 'orders', numPartitions: 3, replicationFactor: 1 }]);
  for (const p of [0, 1, 2]) execFileSync('kcat', ['-b', cluster.bootstrap, '-P', '-t', 'orders', '-p', String(p)], { input: Array.from({ length: 40 }, (_, i) => `m${i}`).join('\n') });
  const admin = new Kafka({ brokers: cluster.bootstrap.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  const md = await admin.fetchTopicMetadata({ topics: ['orders'] });
  await admin.setOffsets({ groupId: 'billing', topic: 'orders', partitions: [0, 1, 2].map((partition) => ({ partition, offset: '10' })) });
  await admin.disconnect();
  const victim = md.topics[0]!.partitions.find((p) => p.partitionId === 1)!.leader;
  await cluster.stopNode(victim);
  await new Promise((r) => setTimeout(r, 8000));
  for (const theme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(server.url);
    await page.getByLabel('Bootstrap servers').fill(cluster.bootstrap);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByTestId('connection-bar').waitFor();
    await page.goto(`${server.url}#/groups`);
    await page.getByText('billing').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(2500);
    await page.screenshot({ path: `/tmp/leaderless-groups-${theme}.png` });
    await page.goto(`${server.url}#/groups/billing`);
    await page.getByText('no leader').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `/tmp/leaderless-group-${theme}.png` });
    await page.close();
  }
  console.log('done, victim', victim);
} finally {
  await browser.close();
  await server.stop();
  await cluster.stop();
}
