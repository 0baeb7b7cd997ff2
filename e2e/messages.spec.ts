import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { createTopicsReady, withAdmin } from './support/admin';
import { measureMainThread } from './support/main-thread';
import { openMessageFilters, readTable } from './support/pages';

async function newTopic(bootstrap: string, partitions: number): Promise<string> {
  const topic = `e2e-messages-${randomBytes(4).toString('hex')}`;
  await createTopicsReady(bootstrap, [{ topic, numPartitions: partitions }]);
  return topic;
}

const kcat = (bootstrap: string, topic: string, partition: number, lines: string[]) =>
  execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', String(partition), '-K', '|'], { input: lines.join('\n') });

async function openMessages(page: Page, appUrl: string, topic: string) {
  const url = new URL(appUrl);
  await page.goto(`${url.origin}${url.search}#/topics/${topic}/messages`);
}

/**
 * Clicks Export and reads the file main wrote (browser mode: into the export folder, named in
 * the result line), then removes it.
 */
async function exported(page: Page): Promise<string> {
  const result = page.getByTestId('export-result');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(result).toBeVisible();
  const path = (await result.getAttribute('title'))!;
  const text = readFileSync(path, 'utf8');
  rmSync(path);
  return text;
}

/** The file named in a "… saved to <path>" line, read and removed. */
function savedFile(line: string): Buffer {
  const path = line.slice(line.indexOf(' saved to ') + ' saved to '.length);
  const bytes = readFileSync(path);
  rmSync(path);
  return bytes;
}

const LOCS = ['NORTH', 'SOUTH', 'EAST'];
const order = (i: number) => ({ i, loc: LOCS[i % 3], amount: i * 10, note: i % 4 === 0 ? 'needle' : 'hay' });
/** Order numbers of the rows the table shows, sorted. */
const shownOrders = async (page: Page) => (await readTable(page, 'Messages')).map((r) => JSON.parse(r.Value!).i as number).sort((a, b) => a - b);

test.describe('messages through the UI', () => {
  test('detail pane: a JSON value as a foldable tree, a binary key as hex; Text, JSON, Hex and Base64 views', async ({ connectedPage: page, env }) => {
    const topic = await newTopic(env.bootstrap, 1);
    // traceId is 2^53 + 1: a JavaScript number would round it to ...992.
    const value = `{"traceId":9007199254740993,${JSON.stringify({ order: { id: 7, items: [{ sku: 'A-1', qty: 2 }, { sku: 'B-2', qty: 1 }], paid: true, coupon: null, note: '<img src=x onerror=alert(1)>' } }).slice(1)}`;
    const key = Buffer.from([0xff, 0xfe, 0x01, 0x4b, 0x45, 0x59]); // not UTF-8: "...KEY" in the ASCII column
    execFileSync('kcat', ['-b', env.bootstrap, '-P', '-t', topic, '-K', '|', '-H', 'meta={"v":2}', '-H', 'source=kcat'], {
      input: Buffer.concat([key, Buffer.from(`|${value}\n`)]),
    });
    kcat(env.bootstrap, topic, 0, ['plain|not {json']);
    await openMessages(page, env.appUrl, topic);
    await expect(page.getByRole('table', { name: 'Messages' })).toHaveAttribute('data-rows', '2');
    await page.getByRole('row').filter({ hasText: '"paid":true' }).click();
    const detail = page.getByRole('complementary', { name: 'Message' });

    // Auto: the value is a tree; the first levels are unfolded, deeper objects start folded.
    const tree = detail.getByRole('tree', { name: 'Value JSON' });
    await expect(tree).toBeVisible();
    await expect(page.getByTestId('detail-value-info')).toHaveText(`JSON · ${value.length} B`);
    await expect(tree.locator('.json-boolean')).toHaveText('true');
    await expect(tree.locator('.json-null')).toHaveText('null');
    await expect(tree.locator('.json-string').filter({ hasText: '"<img src=x onerror=alert(1)>"' })).toBeVisible(); // text, never markup
    await expect(detail.locator('img')).toHaveCount(0);
    await expect(tree.locator('.json-number')).toHaveText(['9007199254740993n', '7']);
    await expect(tree.getByText('"A-1"')).toHaveCount(0);
    await expect(tree.getByRole('button', { name: 'Unfold' })).toHaveCount(2); // the two items
    await tree.getByRole('button', { name: 'Unfold' }).first().click();
    await expect(tree.locator('.json-string').filter({ hasText: '"A-1"' })).toBeVisible();
    // Folding "order" hides everything below it.
    await tree.getByRole('button', { name: 'Fold' }).nth(1).click();
    await expect(tree.getByText('"items"')).toHaveCount(0);
    await tree.getByRole('button', { name: 'Unfold' }).first().click();
    await expect(tree.getByText('"items"')).toBeVisible();

    // Hex: offsets, 16 bytes a line, the ASCII column.
    await detail.getByLabel('Value view').selectOption('hex');
    const hexLines = (await page.getByTestId('detail-value').textContent())!.split('\n');
    expect(hexLines).toHaveLength(Math.ceil(value.length / 16));
    expect(hexLines[0]).toBe(`00000000  ${[...Buffer.from(value.slice(0, 16))].map((b) => b.toString(16).padStart(2, '0')).join(' ')}  ${value.slice(0, 16)}`);
    expect(hexLines[1]!.startsWith('00000010  ')).toBe(true);
    await detail.getByLabel('Value view').selectOption('base64');
    await expect(page.getByTestId('detail-value')).toHaveText(Buffer.from(value).toString('base64'));
    await detail.getByLabel('Value view').selectOption('text');
    await expect(page.getByTestId('detail-value')).toHaveText(value);
    // Copy copies what the view shows: the pretty JSON keeps every digit.
    await detail.getByLabel('Value view').selectOption('json');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await detail.getByRole('region', { name: 'Value' }).getByRole('button', { name: 'Copy', exact: true }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('"traceId": 9007199254740993,\n  "order": {\n    "id": 7,');
    await detail.getByLabel('Value view').selectOption('text');

    // The binary key: auto shows hex; as text it says why it cannot, and shows hex.
    await expect(page.getByTestId('detail-key-info')).toHaveText('binary · 6 B');
    await expect(page.getByTestId('detail-key')).toHaveText(`00000000  ff fe 01 4b 45 59${' '.repeat(29)}  ...KEY`);
    await detail.getByLabel('Key view').selectOption('text');
    await expect(page.getByTestId('detail-key-problem')).toHaveText('Not valid UTF-8: shown as hex');
    await expect(page.getByTestId('detail-key')).toContainText('...KEY');
    await detail.getByLabel('Key view').selectOption('base64');
    await expect(page.getByTestId('detail-key')).toHaveText(key.toString('base64'));

    // Headers use the same decoders: a JSON header value is a tree in Auto.
    await expect(detail.getByRole('tree', { name: 'Header 1 JSON' }).locator('.json-number')).toHaveText('2');
    await expect(page.getByTestId('detail-header-1')).toHaveText('kcat');
    await detail.getByLabel('Headers view').selectOption('hex');
    await expect(page.getByTestId('detail-header-1')).toHaveText(`00000000  6b 63 61 74${' '.repeat(35)}  kcat`);

    // The choice is remembered for the next message; JSON that is not JSON says why, in place.
    await detail.getByLabel('Value view').selectOption('json');
    await page.getByRole('row').filter({ hasText: 'not {json' }).click();
    await expect(detail.getByLabel('Value view')).toHaveValue('json');
    await expect(page.getByTestId('detail-value-problem')).toContainText('Not valid JSON: Unexpected token');
    await expect(page.getByTestId('detail-value')).toHaveText('not {json');
    await expect(detail.getByLabel('Key view')).toHaveValue('base64');
    await expect(page.getByTestId('detail-key')).toHaveText(Buffer.from('plain').toString('base64'));
  });

  test('browse, filter in main by text and JSON, export what was read', async ({ connectedPage: page, env }) => {
    const topic = await newTopic(env.bootstrap, 2);
    for (const p of [0, 1]) kcat(env.bootstrap, topic, p, Array.from({ length: 12 }, (_, i) => i).filter((i) => i % 2 === p).map((i) => `k${i}|${JSON.stringify(order(i))}`));
    await openMessages(page, env.appUrl, topic);
    const table = page.getByRole('table', { name: 'Messages' });
    await expect(table).toHaveAttribute('data-rows', '12');
    await expect(page.getByTestId('messages-summary')).toContainText('12 messages');

    // Text, in key, value or headers; found by main while reading.
    await openMessageFilters(page);
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

    // Export all that was read as NDJSON: main writes the file, holding exactly those messages.
    await page.getByLabel('Export format').selectOption('ndjson');
    const lines = (await exported(page)).trimEnd().split('\n').map((l) => JSON.parse(l));
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
    const rows = (await exported(page)).trimEnd().split('\r\n');
    expect(rows[0]).toBe('partition,offset,timestamp,timestampType,key,keyEncoding,value,valueEncoding,headers');
    expect(rows.slice(1).map((r) => r.split(',')[4]).sort()).toEqual(['k3', 'k7']);
  });

  test('detail pane stays responsive with a 5 MB value and a big JSON document: no task over 200 ms', async ({ connectedPage: page, env }) => {
    const topic = `e2e-messages-big-${randomBytes(4).toString('hex')}`;
    await createTopicsReady(env.bootstrap, [{ topic, numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: '6000000' }] }]);
    const rows = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ i, sku: `SKU-${i}`, tags: ['a', 'b'], nested: { ok: i % 2 === 0, at: null } })));
    const dir = mkdtempSync(join(tmpdir(), 'e2e-big-'));
    const huge = join(dir, 'huge.json'); // ~5 MB: arrives as a 256 KiB preview
    const big = join(dir, 'big.json'); // ~200 KB: arrives whole, valid JSON
    writeFileSync(huge, rows(62_000));
    writeFileSync(big, rows(2_500));
    execFileSync('kcat', ['-b', env.bootstrap, '-P', '-t', topic, '-p', '0', '-X', 'message.max.bytes=6000000', huge, big]);
    rmSync(dir, { recursive: true });
    await openMessages(page, env.appUrl, topic);
    await expect(page.getByRole('table', { name: 'Messages' })).toHaveAttribute('data-rows', '2');

    // Measured as the renderer's CPU time per task (Chromium tracing): on a CI machine whose cores
    // are busy, wall time also counts the wait for a core, which is not the page's doing.
    const tasks = await measureMainThread(page, async () => {
      const detail = page.getByRole('complementary', { name: 'Message' });
      const view = detail.getByLabel('Value view');
      // Rows are identified by partition and offset (the columns change while the pane is open).
      const rowAt = (offset: number) => page.getByRole('table', { name: 'Messages' }).locator(`[data-row-id="0-${offset}"]`);
      await rowAt(0).click();
      await expect(page.getByTestId('detail-value-info')).toContainText('(preview)');
      for (const v of ['hex', 'base64', 'json', 'text', 'auto']) await view.selectOption(v);
      await expect(page.getByTestId('detail-value-problem')).toHaveCount(0);
      await rowAt(1).click();
      // 2,500 items come in groups of 100; a big document starts with only the root unfolded.
      const tree = detail.getByRole('tree', { name: 'Value JSON' });
      await expect(tree.getByRole('button', { name: 'Unfold' })).toHaveCount(25);
      await tree.getByRole('treeitem', { name: /\[2400 … 2499\]/ }).getByRole('button', { name: 'Unfold' }).click();
      await expect(tree.getByRole('button', { name: 'Unfold' })).toHaveCount(24 + 100);
      await expect(tree.getByText('"SKU-2499"')).toHaveCount(0);
      await tree.getByRole('button', { name: 'Unfold' }).last().click();
      await expect(tree.getByText('"SKU-2499"')).toBeVisible();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 200))));
    });
    console.log(`detail pane: longest main-thread task ${Math.round(tasks.longestCpuMs)} ms CPU, ${Math.round(tasks.longestWallMs)} ms wall, over ${tasks.tasks} tasks`);
    expect(tasks.tasks).toBeGreaterThan(0);
    expect(tasks.longestCpuMs).toBeLessThan(200);
    await withAdmin(env.bootstrap, (admin) => admin.deleteTopics({ topics: [topic] })); // 5 MB need not stay on the broker
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
    // The counters go on from where the pause left them, agreeing with the messages shown.
    await expect(page.getByTestId('messages-summary')).toHaveText('4 messages · scanned 4, matched 4');
    kcat(env.bootstrap, topic, 0, ['e|after-resume']);
    await expect(page.getByTestId('messages-summary')).toHaveText('5 messages · scanned 5, matched 5');

    await page.getByRole('button', { name: 'Clear' }).click();
    await expect(table).toHaveAttribute('data-rows', '0');

    // A small buffer keeps the newest and says how many older ones went.
    await openMessageFilters(page);
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

  test('binary and null keys are marked apart from look-alike text; a big value is saved and copied whole', async ({ connectedPage: page, env }) => {
    const topic = await newTopic(env.bootstrap, 1);
    const produce = (input: Buffer, withKey = true) => execFileSync('kcat', ['-b', env.bootstrap, '-P', '-t', topic, '-p', '0', ...(withKey ? ['-K', '|'] : [])], { input });
    produce(Buffer.concat([Buffer.from([0x00, 0xff, 0xfe]), Buffer.from('|binary key\n')]));
    produce(Buffer.from('00 ff fe|text key\nnull|text null key\n'));
    produce(Buffer.from('no key at all\n'), false);
    // 400 KB of text: the table and the detail pane get a 256 KiB preview of it.
    const big = Array.from({ length: 8_000 }, (_, i) => `line ${String(i).padStart(5, '0')} ${'x'.repeat(38)}`).join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'e2e-save-'));
    writeFileSync(join(dir, 'big.txt'), big);
    execFileSync('kcat', ['-b', env.bootstrap, '-P', '-t', topic, '-p', '0', join(dir, 'big.txt')]);
    rmSync(dir, { recursive: true });
    await openMessages(page, env.appUrl, topic);
    const table = page.getByRole('table', { name: 'Messages' });
    await expect(table).toHaveAttribute('data-rows', '5');

    const keyCell = (value: string) => table.getByRole('row').filter({ hasText: value }).getByRole('cell').nth(3);
    await expect(keyCell('binary key').locator('[data-bytes="binary"]')).toHaveText('bin');
    await expect(keyCell('binary key')).toHaveText('bin00 ff fe');
    await expect(keyCell('text key').locator('[data-bytes]')).toHaveCount(0);
    await expect(keyCell('text key')).toHaveText('00 ff fe');
    await expect(keyCell('no key at all').locator('[data-bytes="null"]')).toHaveText('null');
    await expect(keyCell('text null key').locator('[data-bytes]')).toHaveCount(0);
    await expect(keyCell('text null key')).toHaveText('null');

    // The big value: a preview in the window, the whole of it from main on request.
    await table.locator('[data-row-id="0-4"]').click();
    const detail = page.getByRole('complementary', { name: 'Message' });
    const value = detail.getByRole('region', { name: 'Value' });
    await expect(page.getByTestId('detail-value-info')).toHaveText(`text · ${big.length.toLocaleString('en')} B (preview)`);
    await expect(page.getByTestId('detail-value-preview-note')).toContainText('Showing the first 256 KiB');
    await value.getByRole('button', { name: 'Save value to file…' }).click();
    const saved = (await page.getByTestId('detail-value-saved').textContent())!;
    expect(saved).toMatch(new RegExp(`^${big.length.toLocaleString('en')} B saved to /`));
    expect(savedFile(saved).toString()).toBe(big);

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await detail.getByLabel('Value view').selectOption('text');
    await value.getByRole('button', { name: 'Copy all' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText().then((t) => t.length))).toBe(big.length);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(big);
    await detail.getByLabel('Value view').selectOption('auto');

    // A binary key saves as its bytes.
    await table.locator('[data-row-id="0-0"]').click();
    await detail.getByRole('region', { name: 'Key' }).getByRole('button', { name: 'Save key to file…' }).click();
    expect([...savedFile((await page.getByTestId('detail-key-saved').textContent())!)]).toEqual([0x00, 0xff, 0xfe]);
  });
});
