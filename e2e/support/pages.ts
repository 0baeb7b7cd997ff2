import { expect, type Page } from '@playwright/test';

/**
 * Page objects for the screens every spec passes through. When a screen changes (e.g. the
 * connect screen gains profiles), change it here and every spec follows.
 */
export class ConnectScreen {
  constructor(private readonly page: Page) {}

  async open(appUrl: string): Promise<void> {
    await this.page.goto(appUrl);
    await expect(this.page.locator('[data-app-state="loaded"]')).toBeVisible();
  }

  /** Connects with a plain bootstrap address and waits for the connected shell. */
  async connect(bootstrap: string, options: { readOnly?: boolean; registryUrl?: string } = {}): Promise<void> {
    await this.page.getByLabel('Bootstrap servers').fill(bootstrap);
    if (options.registryUrl) await this.page.getByLabel('Schema Registry URL (optional)').fill(options.registryUrl);
    if (options.readOnly) await this.page.getByLabel(/Read-only/).check();
    await this.page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(this.page.getByTestId('connection-bar')).toBeVisible();
  }
}

export class Sidebar {
  constructor(private readonly page: Page) {}

  async open(section: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: section, exact: true }).click();
  }
}

/** Reads a DataTable (role=table) as an array of row objects keyed by column header. */
export async function readTable(page: Page, name: string): Promise<Record<string, string>[]> {
  const table = page.getByRole('table', { name });
  await expect(table).toBeVisible();
  return table.evaluate((el) => {
    const headers = [...el.querySelectorAll('[role=columnheader]')].map((h) => (h.textContent ?? '').replace(/[▲▼]/g, '').trim());
    return [...el.querySelectorAll('[role=rowgroup] [role=row]')]
      .filter((r) => r.querySelector('[role=cell]'))
      .map((r) => {
        const cells = [...r.querySelectorAll('[role=cell]')].map((c) => (c.textContent ?? '').trim());
        return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']));
      });
  });
}

/** Opens the Messages tab's filter panel (closed by default, so the rows get the height) if it is closed. */
export async function openMessageFilters(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: /^Filters/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(page.getByLabel('Search text')).toBeVisible();
}
