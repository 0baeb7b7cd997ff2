import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { createTopicsReady } from './support/admin';

async function openMessages(page: Page, appUrl: string, topic: string) {
  const url = new URL(appUrl);
  await page.goto(`${url.origin}${url.search}#/topics/${topic}/messages`);
}

test.describe('copy and replay through the UI', () => {
  test('a user redrives three messages from a DLQ to the topics their header names, marked', async ({ connectedPage: page, env }) => {
    const id = randomBytes(4).toString('hex');
    const dlq = `e2e-orders-dlq-${id}`;
    const orders = `e2e-orders-${id}`;
    const payments = `e2e-payments-${id}`;
    await createTopicsReady(env.bootstrap, [
      { topic: dlq, numPartitions: 1 },
      { topic: orders, numPartitions: 2 },
      { topic: payments, numPartitions: 1 },
    ]);
    // What a consumer's error handler puts in a DLQ: the original topic in a header.
    const dead = [
      ['o-1', 'order 1 failed', orders],
      ['p-1', 'payment 1 failed', payments],
      ['o-2', 'order 2 failed', orders],
      ['o-3', 'order 3 stays', orders],
    ];
    for (const [key, value, topic] of dead) {
      execFileSync('kcat', ['-b', env.bootstrap, '-P', '-t', dlq, '-p', '0', '-K', '|', '-H', `x-original-topic=${topic}`, '-H', 'x-exception=timeout'], { input: `${key}|${value}` });
    }

    await openMessages(page, env.appUrl, dlq);
    await expect(page.getByRole('table', { name: 'Messages' })).toHaveAttribute('data-rows', '4');
    for (const text of ['order 1 failed', 'payment 1 failed', 'order 2 failed']) {
      await page.getByRole('row').filter({ hasText: text }).click({ modifiers: ['ControlOrMeta'] });
    }
    await page.getByRole('button', { name: 'Copy to topic…' }).click();
    const dialog = page.getByRole('dialog', { name: /Copy messages from/ });
    await expect(dialog.getByLabel('Which messages')).toHaveValue('selected');
    await expect(dialog.getByLabel('Which messages').locator('option:checked')).toHaveText('Selected rows (3)');
    await dialog.getByLabel('Dead-letter redrive: send each message to the topic a header names').check();
    await expect(dialog.getByLabel('Topic header')).toHaveValue('x-original-topic');
    await expect(dialog.getByLabel('Marker header')).toHaveValue('x-redriven');
    // Orders have two partitions: by key, as their producers would have put them.
    await dialog.getByLabel('Target partition').selectOption('key');

    await dialog.getByRole('button', { name: 'Preview' }).click();
    const preview = dialog.getByRole('table', { name: 'Copy preview' });
    await expect(preview.locator('tbody tr')).toHaveCount(3);
    await expect(preview.locator('tbody tr').nth(1)).toContainText(`${payments}/0`);
    await expect(preview.locator('tbody tr').nth(1)).toContainText(`x-redriven=${dlq}/0/1`);

    await dialog.getByRole('button', { name: 'Copy 3 messages' }).click();
    await expect(dialog.getByTestId('copy-summary')).toContainText('3 sent');
    await expect(dialog.getByTestId('copy-summary')).toContainText(`${payments}/0 @ 0`);

    // kcat, an independent client, reads what was written.
    const read = (topic: string, count: number) =>
      execFileSync('kcat', ['-b', env.bootstrap, '-C', '-t', topic, '-o', 'beginning', '-c', String(count), '-e', '-q', '-f', '%k|%s|%h\n']).toString().trim().split('\n').sort();
    expect(read(orders, 2)).toEqual([`o-1|order 1 failed|x-original-topic=${orders},x-exception=timeout,x-redriven=${dlq}/0/0`, `o-2|order 2 failed|x-original-topic=${orders},x-exception=timeout,x-redriven=${dlq}/0/2`]);
    expect(read(payments, 1)).toEqual([`p-1|payment 1 failed|x-original-topic=${payments},x-exception=timeout,x-redriven=${dlq}/0/1`]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
  });
});
