import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { createTopicsReady, withAdmin } from './support/admin';
import { ConnectScreen, readTable } from './support/pages';

/** The list pages of the seeded cluster, as hash routes. */
const LIST_PAGES = [
  'topics',
  'brokers',
  'brokers/1',
  'groups',
  'groups/order-service',
  'topics/orders',
  'topics/orders/messages',
  'topics/orders/configuration',
  'topics/orders/consumers',
  'acls',
  'schemas',
];

const go = (page: Page, appUrl: string, hash: string) => {
  const url = new URL(appUrl);
  return page.goto(`${url.origin}${url.search}#/${hash}`);
};

/** What has the focus: its role, row index and row id, or header text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { role: el?.getAttribute('role') ?? el?.tagName ?? '', index: el?.dataset.index ?? null, rowId: el?.dataset.rowId ?? null, column: el?.dataset.columnId ?? null };
  });

/** Presses Tab until the focus reaches `table` (its header row or a row); at most 30 presses. */
async function tabInto(page: Page, table: Locator): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await table.evaluate((t) => t.contains(document.activeElement))) return;
  }
  throw new Error('Tab never reached the table');
}

/** Whether the focused row lies wholly inside the table's scroll area (below its sticky header). */
const focusedRowInView = (table: Locator) =>
  table.evaluate((t) => {
    const row = document.activeElement as HTMLElement;
    const scroll = t.querySelector('.data-table__scroll')!.getBoundingClientRect();
    const head = t.querySelector('.data-table__head')!.getBoundingClientRect();
    const r = row.getBoundingClientRect();
    return t.contains(row) && r.top >= head.bottom - 1 && r.bottom <= scroll.bottom + 1;
  });

const rowsFullyInView = (table: Locator) =>
  table.evaluate((t) => {
    const scroll = t.querySelector('.data-table__scroll')!.getBoundingClientRect();
    const head = t.querySelector('.data-table__head')!.getBoundingClientRect();
    return [...t.querySelectorAll('[role=row][data-index]')].filter((r) => {
      const b = r.getBoundingClientRect();
      return b.top >= head.bottom - 1 && b.bottom <= scroll.bottom + 1;
    }).length;
  });

test.describe('tables by keyboard, and tables that fit', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  test('topics: Tab to the table, move with the keys, sort from the header, open a topic with Enter; "N of M shown" with the matches marked', async ({ connectedPage: page, sidebar }) => {
    await sidebar.open('Topics');
    const table = page.getByRole('table', { name: 'Topics' });
    await expect(table.locator('[role=row][data-index]').first()).toBeVisible();
    const total = Number(await table.getAttribute('data-rows'));
    expect(total).toBeGreaterThan(5);

    // One tab stop for the headers, one for the rows.
    await page.getByLabel('Filter topics').focus();
    await tabInto(page, table);
    expect(await focused(page)).toMatchObject({ role: 'columnheader', column: 'name' });
    await expect(table.getByRole('columnheader', { name: 'Topic' })).toHaveAttribute('aria-sort', 'ascending');
    // Enter sorts the other way: the rows follow.
    const names = async () => (await readTable(page, 'Topics')).map((r) => r.Topic!.toLowerCase());
    const ascending = await names();
    expect(ascending).toEqual([...ascending].sort());
    await page.keyboard.press('Enter');
    await expect(table.getByRole('columnheader', { name: 'Topic' })).toHaveAttribute('aria-sort', 'descending');
    const descending = await names();
    expect(descending).toEqual([...descending].sort().reverse());
    expect(descending[0]).not.toBe(ascending[0]);
    // Right to "Partitions", Space sorts by it (numbers: most first).
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatchObject({ role: 'columnheader', column: 'partitionCount' });
    await page.keyboard.press('Space');
    await expect(table.getByRole('columnheader', { name: 'Partitions' })).toHaveAttribute('aria-sort', 'descending');
    await expect(table.getByRole('columnheader', { name: 'Topic' })).toHaveAttribute('aria-sort', 'none');
    const counts = (await readTable(page, 'Topics')).map((r) => Number(r.Partitions));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // Back to names, ascending, for the rest.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect(table.getByRole('columnheader', { name: 'Topic' })).toHaveAttribute('aria-sort', 'ascending');

    // Down into the rows: arrows, End, Home, PageDown; the focused row is always in view.
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatchObject({ role: 'row', index: '0' });
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toMatchObject({ role: 'row', index: '1' });
    await page.keyboard.press('End');
    await expect.poll(() => focused(page)).toMatchObject({ role: 'row', index: String(total - 1) });
    expect(await focusedRowInView(table)).toBe(true);
    await page.keyboard.press('Home');
    await expect.poll(() => focused(page)).toMatchObject({ role: 'row', index: '0' });
    await page.keyboard.press('PageDown');
    await expect.poll(async () => Number((await focused(page)).index)).toBeGreaterThan(Math.min(total - 1, 1));
    expect(await focusedRowInView(table)).toBe(true);
    // Up from the first row reaches the headers again.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowUp');
    expect((await focused(page)).role).toBe('columnheader');

    // The filter says how many rows it leaves and marks what matched, as text.
    await page.getByLabel('Filter topics').fill('ORDERS');
    await expect(table).not.toHaveAttribute('data-rows', String(total));
    const shown = Number(await table.getAttribute('data-rows'));
    expect(shown).toBeGreaterThan(0);
    await expect(page.getByTestId('filter-count')).toHaveText(`${shown} of ${total} shown`);
    const marks = table.locator('.match');
    await expect(marks.first()).toBeVisible();
    expect(new Set((await marks.allTextContents()).map((t) => t.toLowerCase()))).toEqual(new Set(['orders']));
    await page.getByLabel('Filter topics').fill('');
    await expect(page.getByTestId('filter-count')).toHaveText('');

    // Enter opens the focused topic, like a click.
    await page.getByLabel('Filter topics').fill('orders');
    await page.getByLabel('Filter topics').focus();
    await tabInto(page, table);
    await page.keyboard.press('ArrowDown');
    const first = (await focused(page)).rowId!;
    expect(first.toLowerCase()).toContain('orders');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('topic-title')).toHaveText(first);
  });

  test('topics: a focused row keeps the focus when the list changes under it (the drawn rows are updated in place)', async ({ connectedPage: page, env, sidebar }) => {
    const prefix = `e2e-focus-${randomBytes(3).toString('hex')}`;
    const [a, b, c] = ['a', 'b', 'c'].map((s) => `${prefix}-${s}`) as [string, string, string];
    await createTopicsReady(env.bootstrap, [a, b, c].map((topic) => ({ topic, numPartitions: 1 })));
    try {
      await sidebar.open('Topics');
      const table = page.getByRole('table', { name: 'Topics' });
      // The list was read on connect, before these topics existed.
      await page.locator('.page').getByRole('button', { name: 'Refresh', exact: true }).click();
      await page.getByLabel('Filter topics').fill(prefix);
      await expect(table).toHaveAttribute('data-rows', '3');
      await page.getByLabel('Filter topics').focus();
      await tabInto(page, table);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await focused(page)).toMatchObject({ role: 'row', index: '1', rowId: b });

      // Starring c lists it first: b moves down a place, and the focus goes with b, not with its old place (now a's).
      await page.evaluate((label) => document.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!.click(), `Star ${c}`);
      await expect.poll(() => focused(page)).toMatchObject({ role: 'row', index: '2', rowId: b });
      await expect(table.locator('[role=row][data-index="0"]')).toHaveAttribute('data-row-id', c);
      await page.evaluate((label) => document.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!.click(), `Star ${c}`);
    } finally {
      await withAdmin(env.bootstrap, (admin) => admin.deleteTopics({ topics: [a, b, c] }));
    }
  });

  test('messages: 20 rows at 1280×720, End and Enter open the last message, Escape closes it; quick filter count, marks, tooltips and wrap', async ({ connectedPage: page, env }) => {
    const topic = `e2e-keys-${randomBytes(4).toString('hex')}`;
    await createTopicsReady(env.bootstrap, [{ topic, numPartitions: 1 }]);
    try {
      const filler = 'x'.repeat(400);
      const lines = Array.from({ length: 60 }, (_, i) => `k${i}|${JSON.stringify({ i, note: i % 5 === 0 ? 'Needle' : 'hay', filler })}`);
      execFileSync('kcat', ['-b', env.bootstrap, '-P', '-t', topic, '-p', '0', '-K', '|'], { input: lines.join('\n') });
      await go(page, env.appUrl, `topics/${topic}/messages`);
      const table = page.getByRole('table', { name: 'Messages' });
      await expect(table).toHaveAttribute('data-rows', '60');
      expect(await rowsFullyInView(table)).toBeGreaterThanOrEqual(20);

      // Keyboard only: Tab in, down, End, Enter opens the pane on the last row (the oldest: offset 0).
      await page.getByLabel('Filter messages').focus();
      await tabInto(page, table);
      await page.keyboard.press('ArrowDown');
      expect(await focused(page)).toMatchObject({ role: 'row', index: '0', rowId: '0-59' });
      await page.keyboard.press('End');
      await expect.poll(() => focused(page)).toMatchObject({ role: 'row', index: '59', rowId: '0-0' });
      expect(await focusedRowInView(table)).toBe(true);
      await page.keyboard.press('PageUp');
      await expect.poll(async () => Number((await focused(page)).index)).toBeLessThan(59);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      const detail = page.getByRole('complementary', { name: 'Message' });
      await expect(detail).toBeVisible();
      await expect(table.locator('[data-row-id="0-0"]')).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('Escape');
      await expect(detail).toHaveCount(0);
      expect(await focused(page)).toMatchObject({ role: 'row', rowId: '0-0' });
      // The pane open again, Escape from inside it closes it too.
      await page.keyboard.press('Enter');
      await expect(detail).toBeVisible();
      await detail.getByLabel('Value view').focus();
      await page.keyboard.press('Escape');
      await expect(detail).toHaveCount(0);

      // A value cut by its column says all of it on hover.
      const value = table.locator('[data-row-id="0-0"] [role=cell]').last();
      await value.hover();
      await expect(value).toHaveAttribute('title', /^\{"i":0,"note":"Needle","filler":"x+/);

      // Quick filter: "12 of 60 shown", the matches marked.
      await page.getByLabel('Filter messages').fill('needle');
      await expect(table).toHaveAttribute('data-rows', '12');
      await expect(page.getByTestId('filter-count')).toHaveText('12 of 60 shown');
      await expect(table.locator('.match').first()).toHaveText('Needle');
      await page.getByLabel('Filter messages').fill('');
      await expect(table).toHaveAttribute('data-rows', '60');

      // Wrap: long values take more lines, and the rows grow to fit them.
      const rowHeight = () => table.locator('[data-row-id="0-59"]').evaluate((r) => r.getBoundingClientRect().height);
      const oneLine = await rowHeight();
      await page.getByRole('checkbox', { name: 'Wrap' }).check();
      await expect.poll(rowHeight).toBeGreaterThan(oneLine * 2);
      await page.getByRole('checkbox', { name: 'Wrap' }).uncheck();
      await expect.poll(rowHeight).toBe(oneLine);
    } finally {
      await withAdmin(env.bootstrap, (admin) => admin.deleteTopics({ topics: [topic] }));
    }
  });

  test('a column dragged narrower keeps its width after a reload; Shift+arrows resize from the keyboard', async ({ connectedPage: page, sidebar, env }) => {
    await sidebar.open('Topics');
    const table = page.getByRole('table', { name: 'Topics' });
    await expect(table.locator('[role=row][data-index]').first()).toBeVisible();
    const header = table.locator('[role=columnheader][data-column-id="retention"]');
    const width = () => header.evaluate((h) => Math.round(h.getBoundingClientRect().width));
    const before = await width();
    const handle = (await table.getByTestId('resize-retention').boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2 - 30, handle.y + handle.height / 2, { steps: 4 });
    await page.mouse.move(handle.x + handle.width / 2 - 60, handle.y + handle.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect.poll(width).toBeLessThanOrEqual(before - 58);
    const dragged = await width();
    // The header's click (sorting) did not fire from the drag.
    await expect(header).toHaveAttribute('aria-sort', 'none');

    await expect.poll(() => page.evaluate(() => localStorage.getItem('kafka-explorer.table.topics.sizing'))).toContain('"retention"');
    await page.reload();
    // A reload starts a new session: connect again.
    await new ConnectScreen(page).connect(env.bootstrap);
    await sidebar.open('Topics');
    await expect(table.locator('[role=row][data-index]').first()).toBeVisible();
    expect(await width()).toBe(dragged);

    // From the keyboard: focus the header, Shift+→ widens it by a step.
    await header.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(width).toBe(dragged + 16);
  });

  test('no list page scrolls sideways at 1280×720, nor its tables', async ({ connectedPage: page, env }) => {
    for (const hash of LIST_PAGES) {
      await go(page, env.appUrl, hash);
      await expect(page.locator('.page').first()).toBeVisible();
      // Let the page's data arrive (tables render their rows), then measure.
      await page.waitForLoadState('networkidle').catch(() => {});
      await page.waitForTimeout(700);
      const overflow = await page.evaluate(() => {
        const sideways = (el: Element) => el.scrollWidth - el.clientWidth;
        return {
          content: sideways(document.querySelector('.content')!),
          tables: [...document.querySelectorAll('.data-table__scroll')].map(sideways),
          page: sideways(document.documentElement),
        };
      });
      expect(overflow, hash).toEqual({ content: 0, tables: overflow.tables.map(() => 0), page: 0 });
    }
  });
});
