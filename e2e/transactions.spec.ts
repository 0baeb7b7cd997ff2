import AxeBuilder from '@axe-core/playwright';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { startHangingProducer } from '../test/support/hanging-transaction';
import { createTopicsReady } from './support/admin';
import { e2eEnv } from './support/env';
import { test, expect } from './support/fixtures';
import { ConnectScreen, readTable } from './support/pages';

/** A producer killed inside a transaction holds partition 0's last stable offset back; the Transactions tab finds it and aborts it. */
test.describe('operations: stuck transactions', () => {
  const topic = `txn-e2e-${Date.now()}`;
  let producer: ChildProcess | undefined;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const { bootstrap } = e2eEnv();
    await createTopicsReady(bootstrap, [{ topic, numPartitions: 2, replicationFactor: 1 }]);
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', '0'], { input: 'a\nb\n' });
    producer = await startHangingProducer(bootstrap, topic, `txn-e2e-${Date.now()}`, 3);
    producer.kill('SIGKILL');
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', '0'], { input: 'c\n' });
  });
  test.afterAll(() => {
    producer?.kill('SIGKILL');
  });

  test('lists the open transaction with the offsets it holds back, and aborts it after a typed confirmation', async ({ connectedPage: page }) => {
    // From the topic's Manage tab, which opens the tab with the topic filled in.
    await page.evaluate((hash) => void (window.location.hash = hash), `#/topics/${topic}/manage`);
    await page.getByRole('region', { name: 'Transactions' }).getByRole('link').click();
    // Exact: until the (lazily loaded) tab shows, the Manage tab's "Topic sections" and the like are on screen.
    await expect(page.getByLabel('Topic', { exact: true })).toHaveValue(topic);
    await expect(page.getByTestId('transactions-summary')).toContainText('1 open transaction on 1 partition, none hanging');
    const partitions = await readTable(page, 'Partitions and their last stable offsets');
    expect(partitions.map((r) => [r.Partition, r['High watermark'], r['Last stable offset'], r['Held back'], r['Open transactions']])).toEqual([
      ['0', '6', '2', '4', '1'],
      ['1', '0', '0', '0', '0'],
    ]);
    const [open] = await readTable(page, 'Open transactions');
    expect(open).toMatchObject({ Partition: '0', 'Start offset': '2', State: 'Ongoing', Timeout: '15 minutes', Hanging: 'no' });
    const producerId = open!['Producer id']!;

    // The abort asks for the producer id typed back, with the warning in view.
    // A real button in the row: reachable and pressed from the keyboard.
    await page.getByRole('button', { name: `Abort transaction of producer ${producerId} on partition 0` }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('region', { name: `Abort transaction of producer ${producerId}` });
    await expect(confirm).toContainText('not past its timeout yet');
    // The tables, the badges and the warning pass axe in both themes.
    for (const colorScheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
    const go = confirm.getByRole('button', { name: 'Abort the transaction' });
    await expect(go).toBeDisabled();
    await expect(confirm.getByLabel('Confirm producer id to abort')).toBeFocused();
    await page.keyboard.type(producerId);
    await go.click();
    await expect(page.getByTestId('transactions-summary')).toContainText('No open transaction');
    expect((await readTable(page, 'Partitions and their last stable offsets'))[0]).toMatchObject({ 'High watermark': '7', 'Last stable offset': '7', 'Held back': '0' });
  });

  test('a read-only connection shows the transactions but offers no abort', async ({ appPage: page, env, sidebar }) => {
    await new ConnectScreen(page).connect(env.bootstrap, { readOnly: true });
    await sidebar.open('Operations');
    await page.getByRole('navigation', { name: 'Operations' }).getByRole('link', { name: 'Transactions' }).click();
    await page.getByLabel('Topic', { exact: true }).fill(topic);
    await page.getByRole('button', { name: 'Show transactions' }).click();
    await expect(page.getByRole('table', { name: 'Partitions and their last stable offsets' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Abort transaction/ })).toHaveCount(0);
  });
});
