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

  test('Format re-indents JSON without changing a number, and kcat reads the value as typed', async ({ connectedPage: page, sidebar, env }) => {
    const topic = await newTopic(env.bootstrap, 1);
    await sidebar.open('Produce');
    await page.getByLabel('Topic', { exact: true }).fill(topic);
    await typeInto(page, 'payload-value-editor', '{"id":9007199254740993,"price":1.10,"s":"caf\\u00e9"}');
    await page.getByRole('button', { name: 'Format' }).click();
    const formatted = '{\n  "id": 9007199254740993,\n  "price": 1.10,\n  "s": "caf\\u00e9"\n}';
    await expect(page.getByTestId('payload-value-editor').locator('.cm-content')).toHaveText(formatted.split('\n').join(''));
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByTestId('send-result')).toContainText('offset 0');
    const read = execFileSync('kcat', ['-b', env.bootstrap, '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%s']).toString();
    expect(read).toBe(formatted);
  });

  test('keyboard: named editors, Tab leaves the key, arrows switch the format, Escape then Tab leaves the value', async ({ connectedPage: page, sidebar, env }) => {
    const topic = await newTopic(env.bootstrap, 6);
    await sidebar.open('Produce');
    await page.getByLabel('Topic', { exact: true }).fill(topic);
    const key = page.getByRole('textbox', { name: 'Key', exact: true });
    const value = page.getByRole('textbox', { name: 'Value', exact: true });
    await key.click();
    await page.keyboard.insertText('order-42');
    await expect(page.getByTestId('partition-prediction')).toContainText(/→ partition \d of 6/);
    const prediction = await page.getByTestId('partition-prediction').textContent();
    await page.keyboard.press('Tab');
    // textContent, not toHaveText: that one trims, and the bug was leading spaces.
    expect(await key.textContent()).toBe('order-42');
    await expect(page.getByTestId('partition-prediction')).toHaveText(prediction!);

    // Tab lands on the value's format switch: a radio group, operable with the arrow keys, focus visible.
    const valueFormat = page.getByRole('radiogroup', { name: 'Value format' });
    await expect(valueFormat.getByRole('radio', { name: 'JSON' })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(valueFormat.getByRole('radio', { name: 'Text' })).toBeChecked();
    await expect(valueFormat.getByRole('radio', { name: 'Text' })).toBeFocused();
    const outline = await valueFormat.locator('label', { hasText: 'Text' }).evaluate((l) => getComputedStyle(l).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('ArrowRight');
    await expect(valueFormat.getByRole('radio', { name: 'JSON' })).toBeChecked();

    // Into the value: Tab indents there; Escape, then Tab, moves on.
    await page.keyboard.press('Tab'); // the Format button
    await page.keyboard.press('Tab');
    await expect(value).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('{}');
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab');
    await expect.poll(() => value.textContent()).toMatch(/^\s+\{\}$/);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect(value).not.toBeFocused();
    await expect(page.getByRole('button', { name: 'Add header' })).toBeFocused();
    await expect(page.getByRole('radiogroup', { name: 'Key format' }).getByRole('radio', { name: 'Text' })).toBeChecked();
  });

  test('the message being written survives leaving the page', async ({ connectedPage: page, sidebar, env }) => {
    const topic = await newTopic(env.bootstrap, 2);
    await sidebar.open('Produce');
    await page.getByLabel('Topic', { exact: true }).fill(topic);
    await typeInto(page, 'payload-key-editor', 'keep-me');
    await typeInto(page, 'payload-value-editor', '{"draft": 1}');
    await page.getByLabel('Burst count').fill('25');
    await sidebar.open('Topics');
    await expect(page.getByRole('textbox', { name: 'Key', exact: true })).toHaveCount(0);
    await sidebar.open('Produce');
    await expect(page.getByLabel('Topic', { exact: true })).toHaveValue(topic);
    await expect(page.getByRole('textbox', { name: 'Key', exact: true })).toHaveText('keep-me');
    await expect(page.getByRole('textbox', { name: 'Value', exact: true })).toHaveText('{"draft": 1}');
    await expect(page.getByLabel('Burst count')).toHaveValue('25');
    // Opened for this topic from its own page, too.
    await page.goto(`${new URL(env.appUrl).origin}${new URL(env.appUrl).search}#/produce/${topic}`);
    await expect(page.getByRole('textbox', { name: 'Key', exact: true })).toHaveText('keep-me');
  });

  test('a chosen file is previewed, with its line count and first invalid line, and sent only on Send', async ({ connectedPage: page, sidebar, env }) => {
    const topic = await newTopic(env.bootstrap, 2);
    await sidebar.open('Produce');
    await page.getByLabel('Topic', { exact: true }).fill(topic);
    await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
    const lines = ['{"key":"a","value":{"n":1}}', '{"key":"b","value":"two","partition":1}', 'not json', '{"key":"c","value":null}'];
    await page.getByLabel('File to import').setInputFiles({ name: 'orders.ndjson', mimeType: 'text/plain', buffer: Buffer.from(lines.join('\n')) });
    const preview = page.getByRole('region', { name: 'File preview' });
    await expect(preview).toContainText('orders.ndjson: 4 messages, 1 line will fail');
    await expect(preview.getByTestId('import-first-invalid')).toContainText('line 3: not valid JSON');
    await expect(preview.getByLabel('First lines')).toContainText('1: {"key":"a","value":{"n":1}}');
    const sent = async () => (await withAdmin(env.bootstrap, (admin) => admin.fetchTopicOffsets(topic))).reduce((sum, p) => sum + Number(p.high), 0);
    expect(await sent()).toBe(0);
    await preview.getByRole('button', { name: 'Send the 3 valid lines' }).click();
    const section = page.getByRole('region', { name: 'Import a file' });
    await expect(section.getByTestId('run-summary')).toContainText('3 sent, 1 failed');
    await expect(section.getByTestId('run-summary')).toContainText('line 3: not valid JSON');
    await expect(preview).toHaveCount(0);
    expect(await sent()).toBe(3);
  });

  test('a long one-line value stays inside its editor, clear of the Templates panel', async ({ connectedPage: page, sidebar, env }) => {
    const topic = await newTopic(env.bootstrap, 1);
    await sidebar.open('Produce');
    await page.getByLabel('Topic', { exact: true }).fill(topic);
    await typeInto(page, 'payload-value-editor', `{"long": "${'x'.repeat(3000)}"}`);
    const editor = (await page.getByTestId('payload-value-editor').boundingBox())!;
    const panel = (await page.getByRole('heading', { name: 'Templates' }).boundingBox())!;
    expect(editor.x + editor.width).toBeLessThanOrEqual(panel.x);
    const form = (await page.getByRole('form', { name: 'Message' }).boundingBox())!;
    expect(editor.x + editor.width).toBeLessThanOrEqual(form.x + form.width + 1);
  });

  test('a topic deleted while the page is open: one sentence, and Send waits for another topic', async ({ connectedPage: page, sidebar, env }) => {
    const topic = await newTopic(env.bootstrap, 1);
    const other = await newTopic(env.bootstrap, 1);
    await sidebar.open('Produce');
    await page.getByLabel('Topic', { exact: true }).fill(topic);
    await typeInto(page, 'payload-value-editor', '{"n": 1}');
    const send = page.getByRole('button', { name: 'Send', exact: true });
    await expect(send).toBeEnabled();
    await withAdmin(env.bootstrap, (admin) => admin.deleteTopics({ topics: [topic] }));
    await send.click();
    await expect(send).toBeDisabled();
    await expect(page.getByTestId('produce-problem')).toHaveText(`Topic ${topic} was deleted: pick another topic, or create it again.`);
    await expect(page.getByRole('form', { name: 'Message' })).not.toContainText('UNKNOWN_TOPIC_OR_PARTITION');
    await expect(page.getByRole('form', { name: 'Message' }).getByRole('alert')).toHaveCount(0);
    await page.getByLabel('Topic', { exact: true }).fill(other);
    await expect(send).toBeEnabled();
    await expect(page.getByTestId('produce-problem')).toHaveCount(0);
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
