import { startCluster, type RunningCluster } from '../scripts/kafka/cluster';
import { test, expect } from './support/fixtures';
import { createTopicsReady } from './support/admin';
import { ConnectScreen } from './support/pages';

/**
 * An outage as a user lives it: the broker of a cluster this spec starts itself (the seeded one
 * is shared with the other specs) is killed while a topic page is open, and started again. The
 * connection bar says lost then recovered, the page keeps its rows marked stale and reloads by
 * itself; the window is never reloaded.
 */
test.describe('connection health: lost → recovered without a reload', () => {
  let cluster: RunningCluster;
  const topic = `health-e2e-${Date.now()}`;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    cluster = await startCluster({ nodes: 1 });
    await createTopicsReady(cluster.bootstrap, [{ topic, numPartitions: 3, replicationFactor: 1 }]);
  });
  test.afterAll(async () => {
    await cluster?.stop();
  });

  test('the header and the topic page go through lost and recovered', async ({ appPage: page }) => {
    test.setTimeout(180_000);
    await new ConnectScreen(page).connect(cluster.bootstrap);
    const health = page.getByTestId('connection-health');
    await expect(health).toHaveAttribute('data-state', 'connected');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Topics', exact: true }).click();
    await page.getByRole('row').filter({ hasText: topic }).click();
    await expect(page.getByTestId('topic-title')).toHaveText(topic);
    const partitions = page.getByTestId('partition-summary');
    await expect(partitions).toHaveText('3 partitions · 0 messages');
    // A mark that a reload would wipe.
    await page.evaluate(() => ((window as unknown as { __sameWindow: boolean }).__sameWindow = true));

    await cluster.signalNode(1, 'SIGKILL');
    await expect(health).toHaveAttribute('data-state', 'lost', { timeout: 30_000 });
    await expect(health).toContainText(/Connection lost: retrying/);
    await expect(health).toContainText(`Broker ${cluster.bootstrap} refused the connection`);
    await expect(health.getByRole('button', { name: 'Retry now' })).toBeVisible();
    // At 1280 px the bar still holds on one line: nothing wraps, overlaps another control or leaves the window.
    await page.setViewportSize({ width: 1280, height: 720 });
    const bar = await page.getByTestId('connection-bar').evaluate((el) => ({
      height: el.getBoundingClientRect().height,
      width: window.innerWidth,
      controls: [...el.querySelectorAll('button, .connection-bar__name, .connection-health__label')]
        .map((c) => ({ text: c.textContent ?? '', left: c.getBoundingClientRect().left, right: c.getBoundingClientRect().right }))
        .sort((a, b) => a.left - b.left),
    }));
    expect(bar.height).toBeLessThan(48);
    bar.controls.forEach((c, i) => {
      expect(c.right, c.text).toBeLessThanOrEqual(bar.width);
      if (i > 0) expect(c.left, `${bar.controls[i - 1]!.text} | ${c.text}`).toBeGreaterThanOrEqual(bar.controls[i - 1]!.right - 0.5);
    });
    // A refresh during the outage keeps the rows, marked stale, instead of an error beside them.
    await page.getByRole('button', { name: 'Refresh' }).first().click();
    await expect(page.getByTestId('stale-mark')).toContainText(/Stale · as of \d\d:\d\d:\d\d/);
    await expect(partitions).toHaveText('3 partitions · 0 messages');
    await expect(page.locator('.content [role="alert"]')).toHaveCount(0);
    // Retry now asks at once (and the broker is still down).
    await health.getByRole('button', { name: 'Retry now' }).click();
    await expect(health).toHaveAttribute('data-state', 'lost');

    await cluster.startNode(1);
    await expect(health).toHaveAttribute('data-state', /recovered|connected/, { timeout: 60_000 });
    await expect(page.getByTestId('stale-mark')).toHaveCount(0);
    await expect(partitions).toHaveText('3 partitions · 0 messages');
    await expect(page.locator('.content [role="alert"]')).toHaveCount(0);
    await expect(health).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { __sameWindow?: boolean }).__sameWindow)).toBe(true);
  });
});
