import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { test, expect } from './support/fixtures';
import { createTopicsReady, withAdmin } from './support/admin';
import { readTable } from './support/pages';

test.describe('consumer groups through the UI', () => {
  test('a lagging group: list, per-partition lag, assignment map, and a reset to latest', async ({ connectedPage: page, sidebar, env }) => {
    const suffix = randomBytes(4).toString('hex');
    const topic = `e2e-groups-${suffix}`;
    const groupId = `e2e-lagging-${suffix}`;
    await createTopicsReady(env.bootstrap, [{ topic, numPartitions: 2 }]);
    execFileSync('kcat', ['-b', env.bootstrap, '-P', '-t', topic, '-p', '0'], { input: Array.from({ length: 40 }, (_, i) => `a${i}`).join('\n') });
    execFileSync('kcat', ['-b', env.bootstrap, '-P', '-t', topic, '-p', '1'], { input: Array.from({ length: 25 }, (_, i) => `b${i}`).join('\n') });
    await withAdmin(env.bootstrap, (admin) => admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '10' }, { partition: 1, offset: '20' }] }));

    await sidebar.open('Consumer groups');
    await page.getByLabel('Filter groups').fill(suffix);
    await expect(page.getByRole('table', { name: 'Consumer groups' })).toHaveAttribute('data-rows', '1');
    const [row] = await readTable(page, 'Consumer groups');
    expect(row).toMatchObject({ Group: groupId, State: 'Empty', Members: '0', Topics: topic, 'Total lag': '35' });

    await page.getByRole('row').filter({ hasText: groupId }).click();
    await expect(page.getByTestId('group-lag')).toHaveText('35');
    await expect(page.getByTestId('topic-totals')).toHaveText(`${topic}: lag 35 over 2 partitions`);
    const partitions = await readTable(page, 'Group partitions');
    expect(partitions.map((p) => [p.Partition, p.Committed, p['Log end'], p.Lag, p.Member]).sort()).toEqual([
      ['0', '10', '40', '30', 'unassigned'],
      ['1', '20', '25', '5', 'unassigned'],
    ]);
    await expect(page.getByText('No active members')).toBeVisible();
    // Lag over time: main samples it from the first visit; the chart and a status are drawn.
    await expect(page.getByTestId('lag-chart').locator('canvas')).toBeVisible();
    await expect(page.getByTestId('group-status')).toHaveText(/^(OK|WARN|STALL|STOP|ERR)$/);

    await page.getByLabel('Reset to', { exact: true }).selectOption('latest');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByRole('table', { name: 'Reset preview' })).toContainText('40');
    await page.getByRole('button', { name: 'Apply to 2 partitions' }).click();
    await expect(page.getByRole('status')).toContainText('Offsets of 2 partitions reset');
    await expect(page.getByTestId('group-lag')).toHaveText('0');
    const committed = await withAdmin(env.bootstrap, (admin) => admin.fetchOffsets({ groupId, topics: [topic] }));
    expect(committed[0]!.partitions.map((p) => [p.partition, p.offset]).sort()).toEqual([
      [0, '40'],
      [1, '25'],
    ]);

    // Deleting needs the group id typed in full.
    await expect(page.getByRole('button', { name: 'Delete group' })).toBeDisabled();
    await page.getByLabel('Confirm group id').fill(groupId);
    await page.getByRole('button', { name: 'Delete group' }).click();
    await expect(page.getByRole('table', { name: 'Consumer groups' })).toBeVisible();
    const groups = await withAdmin(env.bootstrap, (admin) => admin.listGroups());
    expect(groups.groups.map((g) => g.groupId)).not.toContain(groupId);
  });
});

test.describe('a live group through the UI', () => {
  test('members in the assignment map (one idle), a reset refused while they run', async ({ connectedPage: page, env }) => {
    const { Kafka, logLevel } = await import('kafkajs');
    const suffix = randomBytes(4).toString('hex');
    const topic = `e2e-live-${suffix}`;
    const groupId = `e2e-live-${suffix}`;
    await createTopicsReady(env.bootstrap, [{ topic, numPartitions: 2 }]);
    const kafka = new Kafka({ clientId: 'e2e-member', brokers: env.bootstrap.split(','), logLevel: logLevel.NOTHING });
    const consumers = [0, 1, 2].map(() => kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 500 }));
    try {
      for (const c of consumers) {
        await c.connect();
        await c.subscribe({ topic, fromBeginning: true });
        await c.run({ eachMessage: async () => undefined });
      }
      const base = `${new URL(env.appUrl).origin}${new URL(env.appUrl).search}`;
      await page.goto(`${base}#/groups/${groupId}`);
      const map = page.getByRole('table', { name: 'Assignment map' });
      await expect(map).toBeVisible({ timeout: 30_000 });
      await expect(map.locator('thead th')).toHaveCount(4, { timeout: 30_000 });
      await expect(page.getByText('1 idle member (more members than partitions)')).toBeVisible({ timeout: 30_000 });
      await expect(map.locator('td.assigned')).toHaveCount(2);

      // Nothing committed yet: the topic must be named; then the preview works, the apply is refused.
      await page.getByRole('button', { name: 'Preview' }).click();
      await expect(page.getByRole('alert')).toContainText('has no committed offsets: name a topic to reset');
      await page.getByLabel('Reset topic').selectOption(topic);
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByRole('button', { name: 'Apply to 2 partitions' }).click();
      await expect(page.getByRole('alert')).toContainText('has 3 active members: stop them first');
    } finally {
      await Promise.all(consumers.map((c) => c.disconnect().catch(() => undefined)));
    }
  });
});
