import { test, expect } from './support/fixtures';
import { withAdmin } from './support/admin';
import { ConnectScreen, readTable } from './support/pages';

test.describe('first slice: connect → overview → brokers → topics → partitions', () => {
  test('shows what the admin API reports', async ({ connectedPage: page, sidebar, env }) => {
    const truth = await withAdmin(env.bootstrap, async (admin) => {
      const cluster = await admin.describeCluster();
      const { topics } = await admin.fetchTopicMetadata();
      const orders = await admin.fetchTopicOffsets('orders');
      return { cluster, topics, orders };
    });

    // Overview
    await expect(page.getByTestId('cluster-id')).toHaveText(truth.cluster.clusterId);
    await expect(page.getByTestId('stat-Brokers')).toContainText(String(truth.cluster.brokers.length));

    // Brokers
    await sidebar.open('Brokers');
    const brokers = await readTable(page, 'Brokers');
    expect(brokers.map((b) => [b.ID, b.Host, b.Port])).toEqual(
      truth.cluster.brokers.map((b) => [String(b.nodeId), b.host, String(b.port)]).sort(),
    );
    expect(brokers.filter((b) => b.Controller?.includes('controller'))).toHaveLength(1);

    // Topics: internal hidden by default, filter as you type
    await sidebar.open('Topics');
    const topics = await readTable(page, 'Topics');
    const visible = truth.topics.filter((t) => !t.name.startsWith('__')).map((t) => t.name).sort();
    expect(topics.map((t) => t.Topic).sort()).toEqual(visible);
    await page.getByLabel('Filter topics').fill('rider');
    await expect(page.getByRole('table', { name: 'Topics' })).toHaveAttribute('data-rows', '1');
    const filtered = await readTable(page, 'Topics');
    expect(filtered[0]?.Topic).toBe('rider-updates');
    expect(filtered[0]?.Partitions).toBe('2');

    // Partitions of `orders`: leaders, replicas, watermarks
    await page.getByLabel('Filter topics').fill('orders');
    // Other specs add topics such as e2e-orders-…: pick the row whose name is exactly "orders".
    await page.getByRole('table', { name: 'Topics' }).locator('[role=row][data-topic="orders"]').click();
    await expect(page.getByTestId('topic-title')).toHaveText('orders');
    await expect(page.getByTestId('partition-summary')).toContainText('6 partitions');
    const partitions = await readTable(page, 'Partitions');
    const meta = truth.topics.find((t) => t.name === 'orders')!;
    expect(partitions).toHaveLength(meta.partitions.length);
    for (const p of meta.partitions) {
      const row = partitions.find((r) => r.Partition === String(p.partitionId))!;
      expect(row.Leader).toBe(String(p.leader));
      expect(row.Replicas).toBe(p.replicas.join(', '));
      const offsets = truth.orders.find((o) => o.partition === p.partitionId)!;
      expect(row['Low watermark']).toBe(offsets.low);
      expect(row['High watermark']).toBe(offsets.high);
    }
  });

  test('a wrong address gives a clear message within the timeout', async ({ appPage: page }) => {
    const started = Date.now();
    await page.getByLabel('Bootstrap servers').fill('127.0.0.1:1');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not connect');
    await expect(alert).toContainText(/ECONNREFUSED|Connection refused|refused/i);
    expect(Date.now() - started).toBeLessThan(15_000);
    // The app stays usable: the form is still there and editable.
    await expect(page.getByLabel('Bootstrap servers')).toBeEditable();
  });

  test('a malformed address is refused before any network call', async ({ appPage: page }) => {
    await page.getByLabel('Bootstrap servers').fill('not-an-address');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('expected host:port');
  });

  test('the connect screen loads without a token-less access', async ({ page, env }) => {
    const url = new URL(env.appUrl);
    url.searchParams.delete('token');
    const response = await page.goto(url.toString());
    expect(response?.status()).toBe(403);
    await new ConnectScreen(page).open(env.appUrl);
  });
});
