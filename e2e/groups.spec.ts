import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { test, expect } from './support/fixtures';
import { createTopicsReady, withAdmin } from './support/admin';
import { readTable } from './support/pages';

test.describe('consumer groups through the UI', () => {
  test('a lagging group without consumers: list with Refresh, STOP verdict, never-committed partition, chart window, reset to latest', async ({ connectedPage: page, sidebar, env }) => {
    const suffix = randomBytes(4).toString('hex');
    const topic = `e2e-groups-${suffix}`;
    const groupId = `e2e-lagging-${suffix}`;
    await createTopicsReady(env.bootstrap, [{ topic, numPartitions: 3 }]);
    execFileSync('kcat', ['-b', env.bootstrap, '-P', '-t', topic, '-p', '0'], { input: Array.from({ length: 40 }, (_, i) => `a${i}`).join('\n') });
    execFileSync('kcat', ['-b', env.bootstrap, '-P', '-t', topic, '-p', '1'], { input: Array.from({ length: 25 }, (_, i) => `b${i}`).join('\n') });
    execFileSync('kcat', ['-b', env.bootstrap, '-P', '-t', topic, '-p', '2'], { input: Array.from({ length: 5 }, (_, i) => `c${i}`).join('\n') });

    // The list has Refresh and Auto-refresh like Topics and Brokers: a group created after it loaded shows on Refresh.
    await sidebar.open('Consumer groups');
    const refresh = page.getByTestId('auto-refresh-groups');
    await expect(refresh.getByLabel('Auto-refresh')).toHaveValue('off');
    await page.getByLabel('Filter groups').fill(suffix);
    await expect(page.getByRole('table', { name: 'Consumer groups' })).toHaveAttribute('data-rows', '0');
    // Partition 2 is never committed.
    await withAdmin(env.bootstrap, (admin) => admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '10' }, { partition: 1, offset: '20' }] }));
    await refresh.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByRole('table', { name: 'Consumer groups' })).toHaveAttribute('data-rows', '1');
    const [row] = await readTable(page, 'Consumer groups');
    expect(row).toMatchObject({ Group: groupId, State: 'Empty', Members: '0', Topics: topic, 'Total lag': '35' });

    await page.getByRole('row').filter({ hasText: groupId }).click();
    await expect(page.getByTestId('group-lag')).toHaveText('35');
    await expect(page.getByTestId('topic-totals')).toHaveText(`${topic}: lag 35 over 3 partitions`);
    // No member: not consuming, said at once (not "OK" first, not "stuck" later).
    await expect(page.getByTestId('group-status')).toHaveText('STOP');
    await expect(page.getByTestId('group-verdict')).toHaveText('No consumer is running; lag 35 will not go down until one starts.');
    const partitions = await readTable(page, 'Group partitions');
    expect(partitions.map((p) => [p.Partition, p.Committed, p['Log end'], p.Lag, p.Status, p.Member]).sort()).toEqual([
      ['0', '10', '40', '30', 'STOP', 'unassigned'],
      ['1', '20', '25', '5', 'STOP', 'unassigned'],
      ['2', '—', '5', '—', 'no commit', 'unassigned'],
    ]);
    await expect(page.getByTestId('no-commit-note')).toContainText('1 partition has no committed offset: the group never committed there');
    await expect(page.getByTestId('no-commit-note')).toContainText('kafka-consumer-groups.sh');
    await expect(page.getByText('No active members')).toBeVisible();
    // The chart shows the last 5 minutes around its one or two samples, not years.
    const chart = page.getByTestId('lag-chart');
    await expect(chart.locator('canvas')).toBeVisible();
    await expect(chart).toHaveAttribute('data-x-max', /\d+/);
    const [xMin, xMax] = await chart.evaluate((el) => [Number(el.dataset.xMin), Number(el.dataset.xMax)]);
    expect(xMax - xMin).toBeGreaterThanOrEqual(299);
    expect(xMax - xMin).toBeLessThanOrEqual(360);
    expect(Math.abs(xMax - Date.now() / 1000)).toBeLessThan(120);

    await page.getByLabel('Reset to', { exact: true }).selectOption('latest');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByRole('table', { name: 'Reset preview' })).toContainText('40');
    await expect(page.getByTestId('reset-refusal')).toHaveCount(0);
    await page.getByRole('button', { name: 'Apply to 3 partitions' }).click();
    await expect(page.getByRole('main').getByRole('status')).toContainText('Offsets of 3 partitions reset');
    await expect(page.getByTestId('group-lag')).toHaveText('0');
    const committed = await withAdmin(env.bootstrap, (admin) => admin.fetchOffsets({ groupId, topics: [topic] }));
    expect(committed[0]!.partitions.map((p) => [p.partition, p.offset]).sort()).toEqual([
      [0, '40'],
      [1, '25'],
      [2, '5'],
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
  test('collecting before OK, the idle member named, Apply disabled with the reason while members run', async ({ connectedPage: page, env }) => {
    const { Kafka, logLevel } = await import('kafkajs');
    const suffix = randomBytes(4).toString('hex');
    const topic = `e2e-live-${suffix}`;
    const groupId = `e2e-live-${suffix}`;
    await createTopicsReady(env.bootstrap, [{ topic, numPartitions: 2 }]);
    for (const p of [0, 1]) execFileSync('kcat', ['-b', env.bootstrap, '-P', '-t', topic, '-p', String(p)], { input: 'x\ny' });
    const kafka = new Kafka({ clientId: 'e2e-member', brokers: env.bootstrap.split(','), logLevel: logLevel.NOTHING });
    const consumers = [0, 1, 2].map(() => kafka.consumer({ groupId, sessionTimeout: 30_000, heartbeatInterval: 1_000 }));
    try {
      for (const c of consumers) {
        await c.connect();
        await c.subscribe({ topic, fromBeginning: true });
        await c.run({ eachMessage: async () => undefined });
      }
      // Everything read and committed before the page first looks (so the sampler starts on a caught-up group).
      await expect
        .poll(async () => (await withAdmin(env.bootstrap, (a) => a.fetchOffsets({ groupId, topics: [topic] })))[0]!.partitions.map((p) => p.offset).sort().join(','), { timeout: 30_000 })
        .toBe('2,2');
      await expect
        .poll(async () => (await withAdmin(env.bootstrap, (a) => a.describeGroups([groupId]))).groups.map((g) => `${g.state}/${g.members.length}`)[0], { timeout: 30_000 })
        .toBe('Stable/3');
      const base = `${new URL(env.appUrl).origin}${new URL(env.appUrl).search}`;
      await page.goto(`${base}#/groups/${groupId}`);

      // No verdict from one sample: collecting first (OK only once there are three, checked at the end).
      await expect(page.getByTestId('group-status')).toHaveText(/^collecting \([12] of 3 samples\)$/);
      await expect(page.getByTestId('group-verdict')).toContainText('Collecting samples');

      const map = page.getByRole('table', { name: 'Assignment map' });
      await expect(map).toBeVisible({ timeout: 30_000 });
      await expect(map.locator('thead th')).toHaveCount(4, { timeout: 30_000 });
      await expect(map.locator('td.assigned')).toHaveCount(2);
      // The idle member is named in its column and highlighted, and listed by id below.
      const idle = map.locator('thead th.idle');
      await expect(idle).toHaveCount(1);
      await expect(idle).toContainText('idle — no partitions assigned');
      await expect(map.locator('td.idle')).toHaveCount(2);
      await expect(page.getByTestId('idle-members')).toContainText('1 idle member (no partitions assigned): e2e-member-');

      // Apply is disabled while members run, and says why (main would refuse it).
      await page.getByRole('button', { name: 'Preview' }).click();
      await expect(page.getByRole('table', { name: 'Reset preview' })).toBeVisible();
      const apply = page.getByRole('button', { name: 'Apply to 2 partitions' });
      await expect(apply).toBeDisabled();
      await expect(page.getByTestId('reset-refusal')).toHaveText('Can’t apply: The group has 3 active members: stop them first. Offsets can only be reset while the group is Empty.');
      await expect(apply).toHaveAccessibleDescription(/has 3 active members/);

      // Three samples later (main samples every 5 s): a verdict.
      await expect(page.getByTestId('group-status')).toHaveText('OK', { timeout: 30_000 });
      await expect(page.getByTestId('group-verdict')).toContainText('keeps up');
    } finally {
      await Promise.all(consumers.map((c) => c.disconnect().catch(() => undefined)));
    }
  });
});
