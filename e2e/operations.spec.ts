import { execFileSync } from 'node:child_process';
import { startCluster, type RunningCluster } from '../scripts/kafka/cluster';
import { test, expect } from './support/fixtures';
import { createTopicsReady, withAdmin } from './support/admin';
import { ConnectScreen, readTable } from './support/pages';

const replicasOf = (bootstrap: string, topic: string) =>
  withAdmin(bootstrap, async (admin) => {
    const md = await admin.fetchTopicMetadata({ topics: [topic] });
    return md.topics[0]!.partitions.sort((a, b) => a.partitionId - b.partitionId).map((p) => p.replicas);
  });

/** A plan only means something with several brokers: one 3-node cluster for the file. */
test.describe('operations: partition reassignment plan on a 3-node cluster', () => {
  let cluster: RunningCluster;
  const topic = `plan-e2e-${Date.now()}`;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    cluster = await startCluster({ nodes: 3 });
    await createTopicsReady(cluster.bootstrap, [{ topic, numPartitions: 3, replicationFactor: 1 }]);
    execFileSync('kcat', ['-b', cluster.bootstrap, '-P', '-t', topic, '-p', '0'], { input: Array.from({ length: 500 }, (_, i) => `${i} ${'p'.repeat(500)}`).join('\n') });
  });
  test.afterAll(async () => {
    await cluster?.stop();
  });

  test('plans a replication factor change, exports it as kafka-reassign-partitions JSON, imports a plan, and starts it', async ({ appPage: page, sidebar }) => {
    test.setTimeout(120_000);
    await new ConnectScreen(page).connect(cluster.bootstrap);
    await sidebar.open('Operations');
    await page.getByLabel('Topics to plan').fill(topic);
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    const before = await replicasOf(cluster.bootstrap, topic);
    await expect.poll(async () => (await readTable(page, 'Reassignment plan')).map((r) => r['Current replicas'])).toEqual(before.map((r) => r.join(', ')));
    const sized = (await readTable(page, 'Reassignment plan'))[0]!;
    expect(sized.Size).toMatch(/KiB|MiB/);

    // The generator: replication factor 3 adds two replicas to each partition, keeping the leader first.
    await page.getByLabel('New replication factor').fill('3');
    await page.getByRole('group', { name: 'Generate a plan' }).getByRole('button', { name: 'Plan' }).last().click();
    await expect(page.getByRole('status').filter({ hasText: 'Plan: replication factor 3.' })).toBeVisible();
    const planned = await readTable(page, 'Reassignment plan');
    expect(planned.map((r) => r.Change)).toEqual(planned.map(() => expect.stringMatching(/^add \d, \d$/)));
    for (const [i, r] of before.entries()) await expect(page.getByLabel(`Replicas of ${topic} partition ${i}`)).toHaveValue(new RegExp(`^${r[0]}, `));
    expect(planned[0]!.Copies).toMatch(/KiB|MiB/);

    // Export: the JSON of the Kafka tool, with the planned replicas.
    await page.getByRole('button', { name: 'Export JSON' }).click();
    const exported = JSON.parse(await page.getByLabel('Plan as JSON').inputValue()) as { version: number; partitions: { topic: string; partition: number; replicas: number[]; log_dirs: string[] }[] };
    expect(exported.version).toBe(1);
    expect(exported.partitions.map((p) => [p.topic, p.partition, p.replicas.length, p.log_dirs])).toEqual([0, 1, 2].map((i) => [topic, i, 3, ['any', 'any', 'any']]));

    // Import: a hand-written plan that moves partition 0 alone to another broker replaces the generated one.
    const target = [1, 2, 3].find((n) => n !== before[0]![0])!;
    await page.getByRole('button', { name: 'Import JSON' }).click();
    await page.getByLabel('Paste a plan').fill('{"version":2}');
    await page.getByRole('button', { name: 'Load plan' }).click();
    await expect(page.getByRole('alert')).toContainText('Not a kafka-reassign-partitions plan');
    await page.getByLabel('Paste a plan').fill(JSON.stringify({ version: 1, partitions: [{ topic, partition: 0, replicas: [target] }] }));
    await page.getByRole('button', { name: 'Load plan' }).click();
    await expect(page.getByLabel(`Replicas of ${topic} partition 0`)).toHaveValue(String(target));
    await expect.poll(async () => (await readTable(page, 'Reassignment plan')).map((r) => r.Change)).toEqual([`add ${target} · drop ${before[0]![0]}`, 'unchanged', 'unchanged']);

    // The broker chips edit the same list: add a second replica, then take it away again.
    const other = [1, 2, 3].find((n) => n !== target)!;
    const chips = page.getByRole('group', { name: `Brokers for ${topic} partition 0` });
    await chips.getByRole('button', { name: String(other), exact: true }).click();
    await expect(page.getByLabel(`Replicas of ${topic} partition 0`)).toHaveValue(`${target}, ${other}`);
    await chips.getByRole('button', { name: String(other), exact: true }).click();
    await expect(page.getByLabel(`Replicas of ${topic} partition 0`)).toHaveValue(String(target));

    // Review shows exactly what will change, with the throttle; then start, and the move completes.
    await page.getByLabel('Throttle in MB/s per broker').fill('5');
    await page.getByRole('button', { name: 'Review 1 change…' }).click();
    const preview = page.getByRole('region', { name: 'What will change' });
    await expect(preview).toContainText(`${topic}-0: [${before[0]![0]}] → [${target}]`);
    await expect(preview).toContainText('leader.replication.throttled.rate');
    await preview.getByRole('button', { name: 'Start 1 change' }).click();
    await expect(page.getByText(/^Started 1 move with a throttle of 5 MB\/s/)).toBeVisible();
    await expect.poll(() => replicasOf(cluster.bootstrap, topic), { timeout: 60_000 }).toEqual([[target], before[1], before[2]]);
    // Main removes the throttle when the move is done; the progress panel says so.
    await expect(page.getByRole('status').filter({ hasText: 'The moves are done and their throttle was removed.' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('region', { name: 'Throttles set on the cluster' })).toHaveCount(0);
  });
});

test.describe('operations: client quotas and the resolver', () => {
  test('creates quotas for a user and a client id, resolves which applies and why, and deletes one', async ({ connectedPage: page }) => {
    const user = `qa-user-${Date.now()}`;
    const clientId = `qa-client-${Date.now()}`;
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Operations', exact: true }).click();
    await page.getByRole('navigation', { name: 'Operations' }).getByRole('link', { name: 'Quotas' }).click();

    const create = async (fill: () => Promise<void>) => {
      await page.getByRole('button', { name: 'New quota…' }).click();
      const form = page.getByRole('region', { name: 'New quota' });
      await fill();
      await form.getByRole('button', { name: 'Validate' }).click();
      await expect(form.getByRole('status')).toHaveText('The broker accepts these quotas (nothing changed yet).');
      await form.getByRole('button', { name: /^Save 1 change/ }).click();
      await expect(form).toHaveCount(0);
    };
    await create(async () => {
      await page.getByLabel('User name').fill(user);
      await page.getByLabel('Produce (bytes/s)').fill('1048576');
    });
    await create(async () => {
      await page.getByLabel('User kind').selectOption('none');
      await page.getByLabel('Client id kind').selectOption('name');
      await page.getByLabel('Client id name').fill(clientId);
      await page.getByLabel('Request time (%)').fill('200');
    });
    const table = page.getByRole('table', { name: 'Client quotas' });
    await expect(table.getByRole('row').filter({ hasText: `user ${user}` })).toContainText('1 MiB/s');
    await expect(table.getByRole('row').filter({ hasText: `client id ${clientId}` })).toContainText('200 %');

    await page.getByLabel('Resolve for user').fill(user);
    await page.getByLabel('Resolve for client id').fill(clientId);
    const applied = page.getByRole('table', { name: 'Applied quotas' });
    const produce = applied.getByRole('row').filter({ hasText: 'Produce (bytes/s)' });
    await expect(produce).toContainText(`Level 3: set on user ${user}, shared by every client id of user ${user}.`);
    await expect(applied.getByRole('row').filter({ hasText: 'Request time (%)' })).toContainText(`Level 7: set on client id ${clientId}, shared by every user connecting with client id ${clientId}.`);

    // Deleting the user's quota (confirmed) leaves the producer unlimited for this pair.
    await table.getByRole('button', { name: `Delete user ${user}` }).click();
    await page.getByRole('region', { name: 'Confirm delete' }).getByRole('button', { name: 'Delete' }).click();
    await expect(table.getByRole('row').filter({ hasText: `user ${user}` })).toHaveCount(0);
    await expect(produce).toContainText('not limited');
    await table.getByRole('button', { name: `Delete client id ${clientId}` }).click();
    await page.getByRole('region', { name: 'Confirm delete' }).getByRole('button', { name: 'Delete' }).click();
    await expect(table.getByRole('row').filter({ hasText: `client id ${clientId}` })).toHaveCount(0);
  });
});
