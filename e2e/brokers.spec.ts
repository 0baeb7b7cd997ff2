import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startCluster, type RunningCluster } from '../scripts/kafka/cluster';
import { test, expect } from './support/fixtures';
import { createTopicsReady, withAdmin } from './support/admin';
import { ConnectScreen, readTable } from './support/pages';

/** "1.5 MiB" → bytes. */
function parseBytes(text: string): number {
  const m = /^([\d.]+)\s*(B|kiB|KiB|MiB|GiB|TiB)$/.exec(text.trim());
  if (!m) throw new Error(`not a size: ${text}`);
  const unit = { B: 1, kiB: 1024, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4 }[m[2] as 'B'];
  return Number(m[1]) * unit;
}

/**
 * Bytes of the segment files of every partition under a broker's log dir, read from the disk
 * itself. DescribeLogDirs reports topic partitions only: not KRaft's own metadata log, nor
 * the directories of deleted topics waiting to be removed.
 */
function segmentBytes(logDir: string): number {
  let sum = 0;
  for (const d of readdirSync(logDir, { withFileTypes: true })) {
    if (!d.isDirectory() || d.name.startsWith('__cluster_metadata-') || d.name.endsWith('-delete')) continue;
    for (const f of readdirSync(join(logDir, d.name))) if (f.endsWith('.log')) sum += statSync(join(logDir, d.name, f)).size;
  }
  return sum;
}

test.describe('brokers: disk, controller, configuration', () => {
  test('lists the broker with its disk use and the quorum leader, and filters its configs by name', async ({ connectedPage: page, sidebar, env }) => {
    const truth = await withAdmin(env.bootstrap, (admin) => admin.describeCluster());
    const nodeId = String(truth.brokers[0]!.nodeId);

    await sidebar.open('Brokers');
    await expect(page.getByTestId('controller-id')).toHaveText(nodeId);
    await expect(page.getByTestId('controller-source')).toContainText('KRaft metadata quorum (DescribeQuorum)');
    await expect(page.getByTestId(`quorum-member-${nodeId}`)).toContainText('leader');
    const [row] = await readTable(page, 'Brokers');
    expect(row).toMatchObject({ ID: nodeId, Host: truth.brokers[0]!.host, Port: String(truth.brokers[0]!.port), Status: 'online', Controller: 'controller (quorum leader)' });
    expect(Number(row!.Leaders)).toBeGreaterThan(0);
    expect(row!.Capacity).toMatch(/free of/);
    const shownDisk = parseBytes(row!['Disk used']!);

    // Refresh: ~1 MiB more written by kcat shows up in the disk column without leaving the page.
    const bigTopic = `brokers-e2e-${Date.now()}`;
    await createTopicsReady(env.bootstrap, [{ topic: bigTopic, numPartitions: 1, replicationFactor: 1 }]);
    execFileSync('kcat', ['-b', env.bootstrap, '-P', '-t', bigTopic], { input: Array.from({ length: 1000 }, (_, i) => `${i} ${'r'.repeat(1000)}`).join('\n') });
    await page.getByTestId('auto-refresh-brokers').getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(async () => parseBytes((await readTable(page, 'Brokers'))[0]!['Disk used']!)).toBeGreaterThan(shownDisk + 900_000);
    const grown = parseBytes((await readTable(page, 'Brokers'))[0]!['Disk used']!);

    // The broker's page: its log dir, then its configs filtered by name.
    await page.getByRole('row').filter({ hasText: 'quorum leader' }).click();
    const dirs = page.getByRole('table', { name: 'Log directories' });
    await expect(dirs).toBeVisible();
    const path = (await dirs.getByRole('cell').first().textContent())!.trim();
    // On this machine the broker is local: what it reports is what its segment files hold (within what was written meanwhile).
    const onDisk = segmentBytes(path);
    expect(Math.abs(grown - onDisk) / onDisk).toBeLessThan(0.1);
    await withAdmin(env.bootstrap, (admin) => admin.deleteTopics({ topics: [bigTopic] }));

    await page.getByLabel('Filter configs by name').fill('log.retention');
    await expect(page.getByRole('table', { name: 'Broker configs' })).toHaveAttribute('data-rows', /^[3-9]$/);
    const configs = await readTable(page, 'Broker configs');
    expect(configs.every((c) => c.Name!.includes('log.retention'))).toBe(true);
    expect(configs.find((c) => c.Name === 'log.retention.hours')).toMatchObject({ Value: '168', Source: 'default' });
    await page.getByLabel('Filter configs by name').fill('auto.create.topics');
    const [autoCreate] = await readTable(page, 'Broker configs');
    expect(autoCreate).toMatchObject({ Name: 'auto.create.topics.enable', Value: 'false', Source: 'static (server.properties)' });
    await page.getByLabel('Filter configs by name').fill('password');
    const passwords = await readTable(page, 'Broker configs');
    expect(passwords.length).toBeGreaterThan(0);
    expect(passwords.filter((c) => c.Flags?.includes('sensitive')).every((c) => c.Value === '••••••')).toBe(true);
  });
});

test.describe('brokers: a stopped broker on a 3-node cluster', () => {
  let cluster: RunningCluster;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    cluster = await startCluster({ nodes: 3 });
    await createTopicsReady(cluster.bootstrap, [
      { topic: 'spread', numPartitions: 3, replicationFactor: 3 },
      // One replica each, partition 1 on node 3 only: it has no leader once node 3 stops.
      { topic: 'solo', replicaAssignment: [{ partition: 0, replicas: [1] }, { partition: 1, replicas: [3] }, { partition: 2, replicas: [2] }] },
    ]);
    for (const p of [0, 1, 2]) execFileSync('kcat', ['-b', cluster.bootstrap, '-P', '-t', 'solo', '-p', String(p)], { input: Array.from({ length: 40 }, (_, i) => `m${i}`).join('\n') });
    await withAdmin(cluster.bootstrap, (admin) => admin.setOffsets({ groupId: 'solo-readers', topic: 'solo', partitions: [0, 1, 2].map((partition) => ({ partition, offset: '10' })) }));
  });
  test.afterAll(async () => {
    await cluster?.stop();
  });

  test('keeps its row with its leaders and replicas marked "last known", not shown as current', async ({ appPage: page, sidebar }) => {
    test.setTimeout(120_000);
    await new ConnectScreen(page).connect(cluster.bootstrap);
    await sidebar.open('Brokers');
    const refresh = () => page.getByTestId('auto-refresh-brokers').getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(async () => (await readTable(page, 'Brokers')).map((r) => r.Status)).toEqual(['online', 'online', 'online']);
    const before = (await readTable(page, 'Brokers')).find((r) => r.ID === '3')!;
    expect(Number(before.Leaders)).toBeGreaterThan(0);

    await cluster.stopNode(3);
    await expect
      .poll(async () => {
        await refresh();
        return (await readTable(page, 'Brokers')).find((r) => r.ID === '3')?.Status;
      }, { timeout: 60_000 })
      .toBe('unreachable');
    const row = (await readTable(page, 'Brokers')).find((r) => r.ID === '3')!;
    // The figures of when it last answered, said to be so (the metadata now credits it with no leader at all).
    expect(row.Leaders).toBe(`${before.Leaders} last known`);
    expect(row.Replicas).toBe(`${before.Replicas} last known`);
    const leaders = page.getByRole('row').filter({ hasText: 'unreachable' }).locator('.stale-count').first();
    await expect(leaders).toHaveAttribute('title', /^Last known: as of when broker 3 last answered/);
    await expect(page.getByTestId('unreachable-3')).toContainText(`Its leaders (${before.Leaders}) and replicas (${before.Replicas}) are shown as they were then.`);
  });
  test('a group whose partition lost its leader: that partition says so, the totals do not pass its lag off as counted, and a reset to a time leaves it alone', async ({ appPage: page, sidebar }) => {
    test.setTimeout(120_000);
    await cluster.stopNode(3); // already stopped by the test before when run in order
    await new ConnectScreen(page).connect(cluster.bootstrap);
    await sidebar.open('Consumer groups');
    await page.getByRole('row').filter({ hasText: 'solo-readers' }).click();
    const unknownRow = () => readTable(page, 'Group partitions').then((rows) => rows.find((r) => r.Partition === '1'));
    await expect.poll(async () => (await unknownRow())?.Lag, { timeout: 60_000 }).toBe('? no leader');
    expect(await unknownRow()).toMatchObject({ Committed: '10', 'Log end': '?', Status: '?' });
    await expect(page.getByRole('table', { name: 'Group partitions' }).locator('[title^="No status while the partition has no leader"]')).toHaveCount(1);
    const readable = (await readTable(page, 'Group partitions')).filter((r) => r.Partition !== '1');
    expect(readable.map((r) => [r.Partition, r.Lag, r.Status]).sort()).toEqual([
      ['0', '30', 'STOP'],
      ['2', '30', 'STOP'],
    ]);
    await expect(page.getByTestId('group-lag')).toHaveText('60');
    await expect(page.getByTestId('topic-totals')).toHaveText('solo: lag 60 +? over 3 partitions (1 without a leader)');

    // A reset to a time resets the partitions it can, and says which one it leaves alone.
    await page.getByLabel('Reset to', { exact: true }).selectOption('timestamp');
    await page.getByLabel('Reset time').fill('2000-01-01 00:00:00');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByTestId('reset-skipped')).toHaveText(/^1 partition has no leader right now and will be left as it is: solo 1\./);
    const preview = await readTable(page, 'Reset preview');
    expect(preview.map((r) => [r.Partition, r.Current, r.New, r['Lag after']])).toEqual([
      ['0', '10', '0', '40'],
      ['1', '10', '—', 'not reset: no leader'],
      ['2', '10', '0', '40'],
    ]);
    await page.getByRole('button', { name: 'Apply to 2 partitions' }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Offsets of 2 partitions reset. Left as they were (no leader): solo 1.');
    // Once the broker is back (kafkajs' fetchOffsets refuses a topic with a leaderless partition), partition 1 still has its offset.
    await cluster.startNode(3);
    const committed = await withAdmin(cluster.bootstrap, (admin) => admin.fetchOffsets({ groupId: 'solo-readers', topics: ['solo'] }));
    expect(committed[0]!.partitions.map((p) => [p.partition, p.offset]).sort()).toEqual([
      [0, '0'],
      [1, '10'],
      [2, '0'],
    ]);
    // And the page, which re-reads every 5 s, counts it again: no "?" left.
    await expect.poll(async () => (await unknownRow())?.Lag, { timeout: 60_000 }).toBe('30');
    await expect(page.getByTestId('group-lag')).toHaveText('110');
    await expect(page.getByTestId('topic-totals')).toHaveText('solo: lag 110 over 3 partitions');
  });
});
