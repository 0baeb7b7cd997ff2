import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { test, expect } from './support/fixtures';
import { withAdmin } from './support/admin';
import { readTable } from './support/pages';

test.describe('consumer groups through the UI', () => {
  test('a lagging group: list, per-partition lag, assignment map, and a reset to latest', async ({ connectedPage: page, sidebar, env }) => {
    const suffix = randomBytes(4).toString('hex');
    const topic = `e2e-groups-${suffix}`;
    const groupId = `e2e-lagging-${suffix}`;
    await withAdmin(env.bootstrap, (admin) => admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 2 }] }));
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
