import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { withAdmin } from './support/admin';
import { readTable } from './support/pages';

async function newTopic(bootstrap: string, partitions: number): Promise<string> {
  const topic = `e2e-messages-${randomBytes(4).toString('hex')}`;
  await withAdmin(bootstrap, (admin) => admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: partitions }] }));
  return topic;
}

const kcat = (bootstrap: string, topic: string, partition: number, lines: string[]) =>
  execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', String(partition), '-K', '|'], { input: lines.join('\n') });

async function openMessages(page: Page, appUrl: string, topic: string) {
  const url = new URL(appUrl);
  await page.goto(`${url.origin}${url.search}#/topics/${topic}/messages`);
}

const LOCS = ['NORTH', 'SOUTH', 'EAST'];
const order = (i: number) => ({ i, loc: LOCS[i % 3], amount: i * 10, note: i % 4 === 0 ? 'needle' : 'hay' });
/** Order numbers of the rows the table shows, sorted. */
const shownOrders = async (page: Page) => (await readTable(page, 'Messages')).map((r) => JSON.parse(r.Value!).i as number).sort((a, b) => a - b);

test.describe('messages through the UI', () => {
  test('browse, filter in main by text and JSON, export what was read', async ({ connectedPage: page, env }) => {
    const topic = await newTopic(env.bootstrap, 2);
    for (const p of [0, 1]) kcat(env.bootstrap, topic, p, Array.from({ length: 12 }, (_, i) => i).filter((i) => i % 2 === p).map((i) => `k${i}|${JSON.stringify(order(i))}`));
    await openMessages(page, env.appUrl, topic);
    const table = page.getByRole('table', { name: 'Messages' });
    await expect(table).toHaveAttribute('data-rows', '12');
    await expect(page.getByTestId('messages-summary')).toContainText('12 messages');

    // Text, in key, value or headers; found by main while reading.
    await page.getByLabel('Search text').fill('NEEDLE');
    await page.getByRole('button', { name: 'Read', exact: true }).click();
    await expect(table).toHaveAttribute('data-rows', '3');
    expect(await shownOrders(page)).toEqual([0, 4, 8]);
    await expect(page.getByTestId('messages-summary')).toContainText('scanned 12, matched 3');

    // A structured filter on JSON values; a broken one is explained before reading.
    await page.getByLabel('Search text').fill('');
    await page.getByLabel('JSON filter').fill('value.loc == "SOUTH" &&');
    await expect(page.getByTestId('filter-problem')).toContainText('Expression: Expected a value');
    await expect(page.getByRole('button', { name: 'Read', exact: true })).toBeDisabled();
    await page.getByLabel('JSON filter').fill('value.loc == "SOUTH" && value.amount > 30');
    await page.getByRole('button', { name: 'Read', exact: true }).click();
    await expect(page.getByTestId('messages-summary')).toContainText('scanned 12, matched 3');
    await expect.poll(() => shownOrders(page)).toEqual([4, 7, 10]);

    // Export all that was read as NDJSON: the file holds exactly those messages.
    await page.getByLabel('Export format').selectOption('ndjson');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
    const lines = readFileSync((await download.path())!, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.key, JSON.parse(l.value).i, l.valueEncoding]).sort((a, b) => a[1] - b[1])).toEqual([
      ['k4', 4, 'utf8'],
      ['k7', 7, 'utf8'],
      ['k10', 10, 'utf8'],
    ]);

    // Selected rows (ctrl-click) as CSV.
    await page.getByLabel('JSON filter').fill('');
    await page.getByRole('button', { name: 'Read', exact: true }).click();
    await expect(table).toHaveAttribute('data-rows', '12');
    await table.getByRole('row').filter({ hasText: '"i":3,' }).click({ modifiers: ['ControlOrMeta'] });
    await table.getByRole('row').filter({ hasText: '"i":7,' }).click({ modifiers: ['ControlOrMeta'] });
    await page.getByLabel('Export scope').selectOption('selected');
    await page.getByLabel('Export format').selectOption('csv');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export', exact: true }).click()]);
    const rows = readFileSync((await csv.path())!, 'utf8').trimEnd().split('\r\n');
    expect(rows[0]).toBe('partition,offset,timestamp,timestampType,key,keyEncoding,value,valueEncoding,headers');
    expect(rows.slice(1).map((r) => r.split(',')[4]).sort()).toEqual(['k3', 'k7']);
  });

  test('tail: messages written during the test appear; pause, resume, clear; the buffer drops the oldest', async ({ connectedPage: page, env }) => {
    const topic = await newTopic(env.bootstrap, 2);
    kcat(env.bootstrap, topic, 0, ['old|before the tail']);
    await openMessages(page, env.appUrl, topic);
    const table = page.getByRole('table', { name: 'Messages' });
    await expect(table).toHaveAttribute('data-rows', '1');

    await page.getByRole('button', { name: 'Tail live' }).click();
    await expect(page.getByTestId('tail-state')).toHaveText('● Live');
    await expect(table).toHaveAttribute('data-rows', '0');
    kcat(env.bootstrap, topic, 0, ['a|live-1', 'b|live-2']);
    kcat(env.bootstrap, topic, 1, ['c|live-3']);
    await expect(table).toHaveAttribute('data-rows', '3');
    expect((await readTable(page, 'Messages')).map((r) => r.Value).sort()).toEqual(['live-1', 'live-2', 'live-3']);

    // Paused: nothing new shows; resumed: what was written meanwhile arrives, none lost.
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByTestId('tail-state')).toHaveText('Paused');
    kcat(env.bootstrap, topic, 1, ['d|while-paused']);
    await page.waitForTimeout(800);
    await expect(table).toHaveAttribute('data-rows', '3');
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(table).toHaveAttribute('data-rows', '4');
    expect((await readTable(page, 'Messages'))[0]!.Value).toBe('while-paused');

    await page.getByRole('button', { name: 'Clear' }).click();
    await expect(table).toHaveAttribute('data-rows', '0');

    // A small buffer keeps the newest and says how many older ones went.
    await page.getByLabel('Buffer size').fill('100');
    await page.getByLabel('Buffer size').blur();
    kcat(env.bootstrap, topic, 0, Array.from({ length: 130 }, (_, i) => `n${i}|burst-${i}`));
    await expect(page.getByTestId('dropped')).toHaveText('30 older messages dropped');
    await expect(table).toHaveAttribute('data-rows', '100');
    expect((await readTable(page, 'Messages'))[0]!.Value).toBe('burst-129');
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(page.getByTestId('tail-state')).toHaveCount(0);
    await page.getByLabel('Buffer size').fill('50000');
    await page.getByLabel('Buffer size').blur();
  });
});
