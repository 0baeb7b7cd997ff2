import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { defaultPartitionFor } from '../src/main/kafka/kafkajs/default-partition';
import { test, expect } from './support/fixtures';
import { createTopicsReady } from './support/admin';
import { openMessageFilters, readTable } from './support/pages';

async function openMessages(page: Page, appUrl: string, topic: string) {
  const url = new URL(appUrl);
  await page.goto(`${url.origin}${url.search}#/topics/${topic}/messages`);
}

/** Clicks Export and reads the file main wrote (browser mode: into the export folder), then removes it. */
async function exported(page: Page): Promise<string> {
  const result = page.getByTestId('export-result');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(result).toBeVisible();
  const path = (await result.getAttribute('title'))!;
  const text = readFileSync(path, 'utf8');
  rmSync(path);
  return text;
}

const EMAILS = ['ann.lee@example.com', 'bob@corp.example.org', 'eve@example.net'];

test.describe('masking and reads by key', () => {
  test('a profile masks an email field: masked in the table, the detail pane and the export', async ({ appPage: page, env }) => {
    const topic = `e2e-pii-${randomBytes(4).toString('hex')}`;
    await createTopicsReady(env.bootstrap, [{ topic, numPartitions: 1 }]);
    const lines = EMAILS.map((email, i) => `order-${i}|${JSON.stringify({ id: i, customer: { email, tier: 'gold' } })}`);
    execFileSync('kcat', ['-b', env.bootstrap, '-P', '-t', topic, '-K', '|'], { input: lines.join('\n') });

    const name = `Masked ${randomBytes(3).toString('hex')}`;
    await page.getByRole('button', { name: 'New profile' }).click();
    const form = page.getByRole('form', { name: 'New profile' });
    await form.getByLabel('Profile name').fill(name);
    await form.getByLabel('Bootstrap addresses').fill(env.bootstrap);
    await form.getByRole('button', { name: 'Add masking rule' }).click();
    await form.getByLabel('Rule 1 topics').fill('e2e-pii-*');
    await form.getByLabel('Rule 1 field path').fill('customer.email');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('button', { name: `Connect to ${name}` }).click();
    await expect(page.getByTestId('connection-bar')).toContainText(name);

    await openMessages(page, env.appUrl, topic);
    const table = page.getByRole('table', { name: 'Messages' });
    await expect(table).toHaveAttribute('data-rows', '3');
    const rows = await readTable(page, 'Messages');
    expect(rows.map((r) => (JSON.parse(r.Value!) as { customer: { email: string } }).customer.email)).toEqual(['****', '****', '****']);
    // The detail pane holds the whole value, fetched again from main: masked too.
    await table.locator('[data-row-id="0-0"]').click();
    const detail = page.getByRole('complementary', { name: 'Message' });
    await expect(detail.getByRole('region', { name: 'Value' })).toContainText('****');
    const pageText = await page.locator('body').innerText();
    for (const email of EMAILS) expect(pageText).not.toContain(email);
    await page.keyboard.press('Escape');

    // Searching for a masked value finds nothing: main searches the masked records.
    await openMessageFilters(page);
    await page.getByLabel('Search text').fill(EMAILS[0]!);
    await page.getByRole('button', { name: 'Read', exact: true }).click();
    await expect(page.getByTestId('messages-summary')).toContainText('scanned 3, matched 0');
    await page.getByLabel('Search text').fill('');
    await page.getByRole('button', { name: 'Read', exact: true }).click();
    await expect(table).toHaveAttribute('data-rows', '3');

    await page.getByLabel('Export format').selectOption('ndjson');
    const file = await exported(page);
    expect(file.trimEnd().split('\n')).toHaveLength(3);
    expect(file).toContain('\\"email\\":\\"****\\"');
    for (const email of EMAILS) expect(file).not.toContain(email);

    // Screen-share mode: one click in the connection bar, and it says it is on.
    const toggle = page.getByTestId('screen-share-toggle');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(toggle).toContainText('Screen share: masked');
    await page.keyboard.press('Control+Shift+M');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');

    await page.getByTestId('connection-bar').getByRole('button', { name: 'Disconnect' }).click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `Delete ${name}` }).click();
    await expect(page.locator(`[data-profile="${name}"]`)).toHaveCount(0);
  });

  test("typing an exact key reads only the key's partition; scanning all finds the same", async ({ connectedPage: page, env }) => {
    const topic = `e2e-keys-${randomBytes(4).toString('hex')}`;
    const partitions = 6;
    await createTopicsReady(env.bootstrap, [{ topic, numPartitions: partitions }]);
    // Written by kcat with the Java client's partitioner: murmur2 decides where each key lands.
    const lines = Array.from({ length: 600 }, (_, i) => `user-${i % 30}|${JSON.stringify({ seq: i })}`);
    execFileSync('kcat', ['-b', env.bootstrap, '-P', '-t', topic, '-K', '|', '-X', 'partitioner=murmur2_random'], { input: lines.join('\n') });
    const key = 'user-7';
    const expected = String(defaultPartitionFor(Buffer.from(key), partitions));

    await openMessages(page, env.appUrl, topic);
    await openMessageFilters(page);
    await page.getByLabel('Start position').selectOption('beginning');
    await page.getByLabel('Exact key').fill(key);
    await expect(page.getByRole('note').filter({ hasText: 'assumes the default partitioner' })).toBeVisible();
    await page.getByRole('button', { name: 'Read', exact: true }).click();
    const table = page.getByRole('table', { name: 'Messages' });
    await expect(page.getByTestId('key-partition-note')).toContainText(`partition ${expected} only`);
    await expect(table).toHaveAttribute('data-rows', '20');
    const rows = await readTable(page, 'Messages');
    expect(new Set(rows.map((r) => r.Partition))).toEqual(new Set([expected]));
    expect(rows.every((r) => r.Key === key)).toBe(true);

    await page.getByRole('button', { name: 'scan all partitions' }).click();
    await page.getByRole('button', { name: 'Read', exact: true }).click();
    await expect(page.getByTestId('messages-summary')).toContainText('scanned 600, matched 20');
    await expect(page.getByTestId('key-partition-note')).toHaveCount(0);

    // What was read, summed up by key: the whole topic (a limit of 500 may stop before some partitions' keys).
    await page.getByLabel('Exact key').fill('');
    await page.getByLabel('Limit').fill('1000');
    await page.getByRole('button', { name: 'Read', exact: true }).click();
    await expect(table).toHaveAttribute('data-rows', '600');
    await page.getByRole('button', { name: 'Top keys' }).click();
    await expect(page.getByTestId('top-keys')).toContainText(/^30 distinct keys in \d+ messages read/);
    await expect(page.getByRole('table', { name: 'Top keys by count' }).getByRole('row')).toHaveCount(11);
  });
});
