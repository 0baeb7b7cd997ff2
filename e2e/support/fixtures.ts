import { test as base, expect, type Page } from '@playwright/test';
import { e2eEnv, type E2eEnv } from './env';
import { ConnectScreen, Sidebar } from './pages';

interface Fixtures {
  env: E2eEnv;
  /** The app loaded in Chromium (browser mode), on the connect screen. */
  appPage: Page;
  /** The app connected to the seeded single-node cluster. */
  connectedPage: Page;
  sidebar: Sidebar;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  env: async ({}, use) => {
    await use(e2eEnv());
  },
  appPage: async ({ page, env }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await new ConnectScreen(page).open(env.appUrl);
    await use(page);
    // An uncaught exception in the renderer is a failure even if the assertions passed.
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
  connectedPage: async ({ appPage, env }, use) => {
    await new ConnectScreen(appPage).connect(env.bootstrap);
    await use(appPage);
  },
  sidebar: async ({ page }, use) => {
    await use(new Sidebar(page));
  },
});

export { expect };
