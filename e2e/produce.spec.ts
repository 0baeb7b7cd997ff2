import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { test, expect } from './support/fixtures';
import { createTopicsReady, withAdmin } from './support/admin';
import { ConnectScreen, readTable } from './support/pages';

async function newTopic(bootstrap: string, partitions: number): Promise<string> {
  const topic = `e2e-produce-${randomBytes(4).toString('hex')}`;
  await createTopicsReady(bootstrap, [{ topic, numPartitions: partitions }]);
  return topic;
}

/**
 * Replaces an editor's text (CodeMirror is a contenteditable, not an input). Inserted as one
 * piece, as a paste would be, so the editor's auto-closed brackets do not double up.
 */
async function typeInto(page: import('@playwright/test').Page, testId: string, text: string) {
  const editor = page.getByTestId(testId).locator('.cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

test.describe('produce test events through the UI', () => {
  test('one JSON message with a key: predicted partition, result, and kcat reads it', async ({ connectedPage: page, sidebar, env }) => {
    const topic = await newTopic(env.bootstrap, 3);
    await sidebar.open('Produce');
    await page.getByLabel('Topic', { exact: true }).fill(topic);
    await typeInto(page, 'payload-key-editor', 'order-42');
    await expect(page.getByTestId('partition-prediction')).toContainText(/→ partition \d of 3/);
    const predicted = Number((await page.getByTestId('partition-prediction').textContent())!.match(/partition (\d)/)![1]);

    await typeInto(page, 'payload-value-editor', '{"orderId": 42, "amount": 99.5');
    await expect(page.getByTestId('payload-value-problem')).toContainText('not valid JSON');
    await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
    await page.keyboard.insertText('}');
    await expect(page.getByTestId('payload-value-problem')).toHaveCount(0);
    await page.getByRole('button', { name: 'Add header' }).click();
    await page.getByLabel('Header 1 key').fill('source');
    await page.getByLabel('Header 1 value').fill('e2e');
    await page.getByRole('button', { name: 'Send', exact: true }).click();

    await expect(page.getByTestId('send-result')).toContainText(`partition ${predicted}`);
    await expect(page.getByTestId('send-result')).toContainText('offset 0');
    const read = execFileSync('kcat', ['-b', env.bootstrap, '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%k|%s|%p|%h']).toString();
    expect(read).toBe(`order-42|{"orderId": 42, "amount": 99.5}|${predicted}|source=e2e`);
    await expect(page.getByRole('list', { name: 'Recently sent' })).toContainText(`${topic} · p${predicted}@0`);

    // The result links to the message in the message view.
    await page.getByRole('link', { name: 'show in messages' }).click();
    await expect(page.getByRole('table', { name: 'Messages' })).toHaveAttribute('data-rows', '1');
    const [row] = await readTable(page, 'Messages');
    expect(row).toMatchObject({ Partition: String(predicted), Offset: '0', Key: 'order-42', Value: '{"orderId": 42, "amount": 99.5}', Headers: '1' });
    await page.getByRole('row').filter({ hasText: 'order-42' }).click();
    // The detail pane shows the JSON value as a tree (messages feature, MessageDetail.tsx).
    await expect(page.getByRole('tree', { name: 'Value JSON' }).locator('.json-number')).toHaveText(['42', '99.5']);
  });

  test('a templated burst: progress, summary per partition, and the topic shows the messages', async ({ connectedPage: page, sidebar, env }) => {
    const topic = await newTopic(env.bootstrap, 4);
    await sidebar.open('Produce');
    await page.getByLabel('Topic', { exact: true }).fill(topic);
    await typeInto(page, 'payload-key-editor', 'rider-{{int 1 20}}');
    await typeInto(page, 'payload-value-editor', '{"seq": {{seq}}, "loc": "{{pick "NORTH" "SOUTH"}}"}');
    await page.getByLabel('Burst count').fill('3000');
    await page.getByRole('button', { name: 'Send burst' }).click();
    const summary = page.getByTestId('run-summary');
    await expect(summary).toContainText('3,000 sent');
    const perPartition = await summary.locator('.badge').allTextContents();
    const total = perPartition.map((t) => Number(t.split(': ')[1]!.replace(/,/g, ''))).reduce((a, b) => a + b, 0);
    expect(total).toBe(3000);

    const offsets = await withAdmin(env.bootstrap, (admin) => admin.fetchTopicOffsets(topic));
    expect(offsets.reduce((sum, p) => sum + Number(p.high), 0)).toBe(3000);
    await page.goto(`${new URL(env.appUrl).origin}${new URL(env.appUrl).search}#/topics/${topic}`);
    await expect(page.getByTestId('partition-summary')).toContainText('3,000 messages');
    await page.getByRole('link', { name: 'Messages' }).click();
    await expect(page.getByTestId('messages-summary')).toContainText('400 messages');
    const rows = await readTable(page, 'Messages');
    expect(rows.every((r) => /^\{"seq": \d+, "loc": "(NORTH|SOUTH)"\}$/.test(r.Value!))).toBe(true);
  });

  test('message content is shown as text, never run', async ({ connectedPage: page, env }) => {
    const topic = await newTopic(env.bootstrap, 1);
    execFileSync('kcat', ['-b', env.bootstrap, '-P', '-t', topic, '-K', '|'], { input: 'js|javascript:alert(1)\nimg|<img src=x onerror=alert(1)>' });
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(`${new URL(env.appUrl).origin}${new URL(env.appUrl).search}#/topics/${topic}/messages`);
    await expect(page.getByRole('table', { name: 'Messages' })).toHaveAttribute('data-rows', '2');
    await page.getByRole('row').filter({ hasText: 'img' }).click();
    await expect(page.getByTestId('detail-value')).toHaveText('<img src=x onerror=alert(1)>');
    await expect(page.locator('.message-detail img, .data-table img')).toHaveCount(0);
    await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
    expect(dialogs).toBe(0);
  });

  test('a read-only connection cannot produce', async ({ page, env }) => {
    const screen = new ConnectScreen(page);
    await screen.open(env.appUrl);
    await screen.connect(env.bootstrap, { readOnly: true });
    await page.goto(`${new URL(env.appUrl).origin}${new URL(env.appUrl).search}#/produce/orders`);
    await expect(page.getByRole('note')).toContainText('read-only');
    await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
  });
});
