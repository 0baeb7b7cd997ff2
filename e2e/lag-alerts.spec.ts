import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { test, expect } from './support/fixtures';
import { createTopicsReady, withAdmin } from './support/admin';

/**
 * A watched group notifies when its lag crosses the threshold the user set (browser mode: Web
 * Notifications with the permission granted; Electron shows the same alert from main).
 */
test('a watched group notifies when its lag crosses the threshold', async ({ connectedPage: page, sidebar, env }) => {
  const suffix = randomBytes(4).toString('hex');
  const topic = `e2e-alert-${suffix}`;
  const groupId = `e2e-alert-group-${suffix}`;
  await createTopicsReady(env.bootstrap, [{ topic, numPartitions: 1 }]);
  execFileSync('kcat', ['-b', env.bootstrap, '-P', '-t', topic], { input: Array.from({ length: 5 }, (_, i) => `m${i}`).join('\n') });
  // Caught up: committed at the end, lag 0.
  await withAdmin(env.bootstrap, (admin) => admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '5' }] }));

  await page.context().grantPermissions(['notifications']);
  // Record every notification the page shows (the real one still runs).
  await page.evaluate(() => {
    const Real = window.Notification;
    const shown: string[] = [];
    (window as unknown as { shownNotifications: string[] }).shownNotifications = shown;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push(`${title} | ${options?.body ?? ''}`);
      }
    }
    Object.defineProperty(window, 'Notification', { value: Recorded, configurable: true, writable: true });
  });

  await sidebar.open('Consumer groups');
  await page.getByTestId('auto-refresh-groups').getByRole('button', { name: 'Refresh' }).click();
  await page.getByLabel('Filter groups').fill(suffix);
  await page.getByRole('row').filter({ hasText: groupId }).click();
  await page.getByTestId('lag-threshold').fill('10');
  await page.getByRole('button', { name: 'Watch' }).click();
  await expect(page.getByTestId('lag-alert-state')).toContainText('Watching: over 10 messages');

  // 50 new messages nobody reads: the next lag sample (every 5 s) is over the threshold.
  execFileSync('kcat', ['-b', env.bootstrap, '-P', '-t', topic], { input: Array.from({ length: 50 }, (_, i) => `n${i}`).join('\n') });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications), { timeout: 30_000 })
    .toContainEqual(`Kafka Explorer · consumer group | ${groupId}: lag 50 is over your threshold of 10.`);

  // Stop watching: the settings are the server's, shared with the specs that follow.
  await page.getByTestId('lag-threshold').fill('');
  await page.getByRole('button', { name: 'Stop watching' }).click();
  await expect(page.getByTestId('lag-alert-state')).toContainText('Not watched.');
  await withAdmin(env.bootstrap, async (admin) => {
    await admin.deleteGroups([groupId]);
    await admin.deleteTopics({ topics: [topic] });
  });
});
