import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';

/** Issue 13, keyboard-first: the command palette, `/`, `?` and Escape, on the seeded cluster. */
const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });
/** The page's route without the cluster part of the link (`#/c/<cluster>/topics/x` → `#/topics/x`). */
const pagePath = (page: Page) => new URL(page.url()).hash.replace(/^#\/c\/[^/?]+/, '#');
const paletteInput = (page: Page) => palette(page).getByRole('combobox');

async function openPalette(page: Page) {
  await page.keyboard.press('ControlOrMeta+k');
  await expect(paletteInput(page)).toBeFocused();
}

test.describe('keyboard first', () => {
  test('Ctrl+K finds a topic fuzzily and Enter opens it; Escape closes the palette', async ({ connectedPage: page }) => {
    await openPalette(page);
    await paletteInput(page).pressSequentially('ridr upd');
    const options = palette(page).getByRole('option');
    await expect(options.first()).toContainText('rider-updates');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    // The topic's own actions follow it.
    await expect(options.nth(1)).toHaveText(/Produce to rider-updates/);
    await expect(options.nth(2)).toHaveText(/Tail rider-updates/);
    await page.keyboard.press('Enter');
    await expect(palette(page)).toBeHidden();
    await expect(page.getByTestId('topic-title')).toHaveText('rider-updates');
    expect(pagePath(page)).toBe('#/topics/rider-updates');

    await openPalette(page);
    await page.keyboard.press('Escape');
    await expect(palette(page)).toBeHidden();
    // Ctrl+K again toggles it closed too, and arrows move the highlight.
    await openPalette(page);
    await paletteInput(page).fill('order');
    await expect(palette(page).getByRole('option').nth(1)).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(palette(page).getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ControlOrMeta+k');
    await expect(palette(page)).toBeHidden();
  });

  test('actions from the palette: tail a topic live, produce to it, reset a group, create a topic', async ({ connectedPage: page }) => {
    await openPalette(page);
    await paletteInput(page).pressSequentially('tail rider');
    await expect(palette(page).getByRole('option').first()).toHaveText(/Tail rider-updates/);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('tail-state')).toHaveText(/Live/);
    expect(pagePath(page)).toBe('#/topics/rider-updates/messages?live=1');
    await page.getByRole('button', { name: 'Stop' }).click();

    await openPalette(page);
    await paletteInput(page).pressSequentially('produce to orders');
    await page.keyboard.press('Enter');
    expect(pagePath(page)).toBe('#/produce/orders');
    await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeVisible();

    await openPalette(page);
    await paletteInput(page).pressSequentially('reset offsets of analytics');
    await expect(palette(page).getByRole('option').first()).toHaveText(/Reset offsets of analytics-pipeline…/);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('group-title')).toHaveText('analytics-pipeline');
    // The reset panel is shown and has the focus.
    const reset = page.getByRole('region', { name: 'Reset offsets' });
    await expect(reset).toBeInViewport();
    await expect(reset.locator(':focus')).toHaveCount(1);

    // "Produce to a topic…" starts the verb, then a name completes it.
    await openPalette(page);
    await paletteInput(page).fill('produce');
    await palette(page).getByRole('option', { name: /Produce to a topic…/ }).click();
    await expect(paletteInput(page)).toHaveValue('produce ');

    await paletteInput(page).fill('create topic');
    await page.keyboard.press('Enter');
    const form = page.getByRole('region', { name: 'Create topic' });
    await expect(form).toBeVisible();
    // The name has the focus (the template picker above it is optional); Escape closes the form, even from inside a field.
    await expect(form.getByRole('textbox', { name: 'Name', exact: true })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(form).toBeHidden();
  });

  test('the topic page has Produce to this topic and Tail', async ({ connectedPage: page, sidebar }) => {
    await sidebar.open('Topics');
    await page.getByRole('table', { name: 'Topics' }).getByText('orders', { exact: true }).click();
    await page.getByRole('link', { name: 'Tail' }).click();
    await expect(page.getByTestId('tail-state')).toHaveText(/Live/);
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByRole('link', { name: 'Produce to this topic' }).click();
    expect(pagePath(page)).toBe('#/produce/orders');
  });

  test('/ focuses the page filter, ? lists the shortcuts, neither fires while typing; Escape closes the message pane', async ({ connectedPage: page, sidebar }) => {
    await sidebar.open('Topics');
    await expect(page.getByRole('table', { name: 'Topics' })).toContainText('orders');
    await page.keyboard.press('/');
    const filter = page.getByRole('searchbox', { name: 'Filter topics' });
    await expect(filter).toBeFocused();
    // Typed into the filter, "/" and "?" are text, not shortcuts.
    await page.keyboard.type('or?/');
    await expect(filter).toHaveValue('or?/');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await filter.fill('');
    // Escape leaves the filter; then ? opens the shortcuts, listed from the keymap.
    await page.keyboard.press('Escape');
    await expect(filter).not.toBeFocused();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help).toContainText('Command palette');
    await expect(help).toContainText("Focus the page's filter");
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    // The message detail pane closes on Escape.
    const url = new URL(page.url());
    await page.goto(`${url.origin}${url.search}#/topics/orders/messages`);
    await expect(page.getByTestId('messages-summary')).toContainText('scanned');
    await page.getByRole('table', { name: 'Messages' }).getByRole('row').nth(1).click();
    const pane = page.getByRole('complementary', { name: 'Message' });
    await expect(pane).toBeVisible();
    // `/` here focuses the messages' quick filter.
    await page.keyboard.press('/');
    await expect(page.getByLabel('Filter messages')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(pane).toBeHidden();
  });

  test('a page opened from the keyboard has the focus on its heading, so Tab goes on into the page', async ({ appPage: page, env }) => {
    const main = page.getByRole('main');
    const focusedInMain = () => main.locator(':focus');
    // Enter in the bootstrap field connects; the Overview's heading then has the focus.
    await page.getByLabel('Bootstrap servers').fill(env.bootstrap);
    await page.getByLabel('Bootstrap servers').press('Enter');
    await expect(main.getByRole('heading', { level: 1 })).toBeFocused();

    await openPalette(page);
    await paletteInput(page).pressSequentially('produce to orders');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeVisible();
    await expect(main.getByRole('heading', { level: 1 })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(focusedInMain()).toHaveCount(1);

    // A page that puts focus somewhere itself keeps it there (the reset panel).
    await openPalette(page);
    await paletteInput(page).pressSequentially('reset offsets of analytics');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Reset offsets' }).locator(':focus')).toHaveCount(1);
  });
});
