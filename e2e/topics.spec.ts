import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createTopicsReady, withAdmin } from './support/admin';
import { test, expect } from './support/fixtures';
import { ConnectScreen } from './support/pages';

test.describe('topic administration through the UI', () => {
  test('create with a dry run, change a config, read back the retention summary, delete', async ({ connectedPage: page, sidebar, env }) => {
    const topic = `e2e-admin-${randomBytes(4).toString('hex')}`;
    await sidebar.open('Topics');
    await page.getByRole('button', { name: 'Create topic' }).click();
    const form = page.getByRole('region', { name: 'Create topic' });
    await form.getByLabel('Name').fill('bad name!');
    await expect(form.getByText('topic names may contain only letters')).toBeVisible();
    await expect(form.getByRole('button', { name: 'Validate (dry run)' })).toBeDisabled();

    await form.getByLabel('Name').fill(topic);
    await form.getByLabel('Partitions').fill('3');
    await form.getByLabel('Retention time (retention.ms)').selectOption('custom');
    await form.getByLabel('Retention in ms').fill('-5');
    await form.getByRole('button', { name: 'Validate (dry run)' }).click();
    // The broker's own reason, not a generic failure.
    await expect(form.getByRole('alert')).toContainText('retention.ms');

    await form.getByLabel('Retention time (retention.ms)').selectOption({ label: '1 day' });
    await form.getByLabel('Size limit').fill('1');
    await form.getByRole('button', { name: 'Validate (dry run)' }).click();
    await expect(form.getByRole('status')).toContainText(`The broker accepts ${topic}: 3 partitions × 1 replica`);
    await form.getByRole('button', { name: `Create ${topic}` }).click();

    await expect(page.getByTestId('topic-title')).toHaveText(topic);
    await expect(page.getByTestId('partition-summary')).toHaveText('3 partitions · 0 messages');
    await expect(page.getByTestId('retention-summary')).toContainText('Kept 1 day or until a partition reaches 1 GiB, whichever comes first; compacted: no; no messages now');

    await page.getByRole('link', { name: 'Configuration' }).click();
    await expect(page.getByText('Only overrides (2)')).toBeVisible();
    await page.getByRole('button', { name: 'Edit retention.ms' }).click();
    await page.getByLabel('Value of retention.ms').fill('259200000');
    await page.getByRole('button', { name: 'Edit segment.ms' }).click();
    await page.getByLabel('Value of segment.ms').fill('soon');
    await page.getByRole('button', { name: 'Validate' }).click();
    await expect(page.getByRole('alert')).toContainText('segment.ms');
    await page.getByRole('button', { name: 'Undo segment.ms' }).click();
    await expect(page.getByRole('region', { name: 'Pending changes' })).toContainText('1 pending change: retention.ms → 259200000');
    await page.getByRole('button', { name: 'Validate' }).click();
    await expect(page.getByRole('main').getByRole('status')).toContainText('The broker accepts 1 change');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('main').getByRole('status')).toContainText('Applied: retention.ms = 259200000');
    await expect(page.locator('[data-config="retention.ms"]')).toContainText('topic override');
    await expect(page.locator('[data-config="retention.bytes"]')).toContainText('1073741824');

    await expect(page.getByTestId('retention-summary')).toContainText('Kept 3 days or until a partition reaches 1 GiB');
    execFileSync('kcat', ['-b', env.bootstrap, '-P', '-t', topic, '-p', '2'], { input: 'one\ntwo\n' });
    await page.getByTestId('auto-refresh-topic').getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByTestId('retention-summary')).toContainText(/Kept 3 days or until a partition reaches 1 GiB, whichever comes first; compacted: no; oldest message now: .* \(.*ago\) \(partition 2\)/);

    await page.getByRole('link', { name: 'Manage' }).click();
    const deleteButton = page.getByRole('button', { name: 'Delete topic' });
    await expect(deleteButton).toBeDisabled();
    await page.getByLabel('Confirm topic name to delete', { exact: true }).fill(topic);
    await deleteButton.click();
    await expect(page.getByRole('heading', { name: 'Topics' })).toBeVisible();
    await page.getByLabel('Filter topics').fill(topic);
    await expect(page.getByText(`No topic matches “${topic}”`)).toBeVisible();
  });

  test('a replication factor above the broker count stays as typed and the broker refuses it', async ({ connectedPage: page, sidebar, env }) => {
    const topic = `e2e-rf-${randomBytes(4).toString('hex')}`;
    const brokers = (await withAdmin(env.bootstrap, (admin) => admin.describeCluster())).brokers.length;
    const tooMany = String(brokers + 1);
    await sidebar.open('Topics');
    await page.getByRole('button', { name: 'Create topic' }).click();
    const form = page.getByRole('region', { name: 'Create topic' });
    await form.getByLabel('Name').fill(topic);
    const rf = form.getByLabel('Replication factor');
    await rf.fill(tooMany);
    // Never snapped back to what the cluster can do: the field says why the broker will refuse it.
    await expect(rf).toHaveValue(tooMany);
    await expect(form.getByText(`Only ${brokers} broker${brokers === 1 ? '' : 's'} live: the broker will refuse ${tooMany}.`)).toBeVisible();
    await form.getByRole('button', { name: 'Validate (dry run)' }).click();
    const refusal = `The target replication factor of ${tooMany} cannot be reached because only ${brokers} broker(s) are registered`;
    await expect(form.getByRole('alert')).toContainText(refusal);
    await form.getByRole('button', { name: `Create ${topic}` }).click();
    await expect(form.getByRole('alert')).toContainText(refusal);
    await expect(rf).toHaveValue(tooMany);
    expect(await withAdmin(env.bootstrap, (admin) => admin.listTopics())).not.toContain(topic);

    // A value that cannot be sent at all is kept too, and said wrong next to the field.
    await rf.fill('0');
    await expect(rf).toHaveValue('0');
    await expect(form.getByText('From 1 to 32,767 copies.')).toBeVisible();
    await expect(form.getByRole('button', { name: 'Validate (dry run)' })).toBeDisabled();
  });

  test('at 1280 px the list fits without sideways scrolling; long names have a tooltip, "compact,delete" shows whole', async ({ connectedPage: page, sidebar, env }) => {
    const long = `e2e-a-rather-long-topic-name-for-the-tooltip-check-${randomBytes(4).toString('hex')}`;
    await createTopicsReady(env.bootstrap, [{ topic: long, numPartitions: 1, replicationFactor: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact,delete' }] }]);
    try {
      await page.setViewportSize({ width: 1280, height: 720 });
      await sidebar.open('Topics');
      const table = page.getByRole('table', { name: 'Topics' });
      // Created after the app connected: ask for the list again.
      await page.getByTestId('auto-refresh-topics').getByRole('button', { name: 'Refresh' }).click();
      const scroll = table.locator('.data-table__scroll');
      await expect(table.locator('.topic-name', { hasText: long })).toBeVisible();
      expect(await scroll.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      // Every column header reads whole, too.
      const cutHeaders = await table.getByRole('columnheader').evaluateAll((hs) => hs.filter((h) => h.scrollWidth > h.clientWidth).map((h) => h.textContent));
      expect(cutHeaders).toEqual([]);
      await page.getByLabel('Filter topics').fill(long);
      const name = table.locator('.topic-name', { hasText: long });
      await expect(name).toHaveAttribute('title', long);
      const cleanup = table.getByRole('cell', { name: 'compact,delete', exact: true });
      await expect(cleanup).toBeVisible();
      expect(await cleanup.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    } finally {
      await withAdmin(env.bootstrap, (admin) => admin.deleteTopics({ topics: [long] }));
    }
  });

  test('a read-only connection offers no topic changes', async ({ page, env, sidebar }) => {
    const screen = new ConnectScreen(page);
    await screen.open(env.appUrl);
    await screen.connect(env.bootstrap, { readOnly: true });
    await sidebar.open('Topics');
    await expect(page.getByRole('table', { name: 'Topics' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create topic' })).toHaveCount(0);
    await page.goto(`${new URL(env.appUrl).origin}${new URL(env.appUrl).search}#/topics/orders/manage`);
    await expect(page.getByText('This connection is read-only: topics cannot be changed.')).toBeVisible();
    await page.getByRole('link', { name: 'Configuration' }).click();
    await expect(page.getByRole('table', { name: 'Topic configuration' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Edit / })).toHaveCount(0);
  });

  test('star a topic (listed first, "Starred only"), group by prefix and collapse a group with the keyboard', async ({ connectedPage: page, sidebar, env }) => {
    const prefix = `e2etree${randomBytes(3).toString('hex')}`;
    const names = [`${prefix}.a`, `${prefix}-b`, `${prefix}_c`];
    await createTopicsReady(env.bootstrap, names.map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })));
    await sidebar.open('Topics');
    const table = page.getByRole('table', { name: 'Topics' });
    try {
      await page.getByTestId('auto-refresh-topics').getByRole('button', { name: 'Refresh' }).click();
      // The list is virtualized and other specs add topics: narrow it to the three so their rows exist.
      await page.getByLabel('Filter topics').fill(prefix);
      await table.getByRole('button', { name: `Star ${names[1]}` }).click();
      await expect(table.getByRole('button', { name: `Star ${names[1]}` })).toHaveAttribute('aria-pressed', 'true');
      // Starred: the first row, and alone with "Starred only".
      await expect(table.locator('[role=row][data-index="0"]')).toHaveAttribute('data-topic', names[1]!);
      await page.getByLabel('Starred only').check();
      await expect(table).toHaveAttribute('data-rows', '1');
      await page.getByLabel('Starred only').uncheck();

      await page.getByLabel('Group by prefix').check();
      const group = table.locator(`[data-group="${prefix}"]`);
      // The starred one stays on top, the other two under their prefix.
      await expect(group).toContainText('2');
      await expect(table).toHaveAttribute('data-rows', '4');
      await group.click();
      await expect(group).toHaveAttribute('data-expanded', 'false');
      await expect(table).toHaveAttribute('data-rows', '2');
      await expect(table.locator(`[data-topic="${names[0]}"]`)).toHaveCount(0);
      // Enter on the focused header row opens it again.
      await group.focus();
      await page.keyboard.press('Enter');
      await expect(group).toHaveAttribute('data-expanded', 'true');
      await expect(table.locator(`[data-topic="${names[2]}"]`)).toBeVisible();
    } finally {
      // Settings are the server's: leave no star (nor grouping) for the specs that follow.
      await table.getByRole('button', { name: `Star ${names[1]}` }).click();
      await expect(table.getByRole('button', { name: `Star ${names[1]}` })).toHaveAttribute('aria-pressed', 'false');
      await withAdmin(env.bootstrap, (admin) => admin.deleteTopics({ topics: names }));
    }
  });
});
