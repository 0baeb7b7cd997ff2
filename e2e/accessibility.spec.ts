import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { ConnectScreen } from './support/pages';

/**
 * Every page, in both themes, through axe-core: no serious or critical violation. The theme
 * follows the system's colour scheme (app.css), so Chromium's emulation switches it.
 */
const THEMES = ['dark', 'light'] as const;

/** Each page by its hash route, and what shows once it has loaded (so axe sees the real content). */
const PAGES: { name: string; hash: string; ready: (page: Page) => Promise<void> }[] = [
  { name: 'overview', hash: '#/overview', ready: (p) => expect(p.getByRole('heading', { name: 'Cluster overview' })).toBeVisible() },
  { name: 'brokers', hash: '#/brokers', ready: (p) => expect(p.getByRole('table', { name: 'Brokers' })).toBeVisible() },
  { name: 'broker detail', hash: '#/brokers/1', ready: (p) => expect(p.getByRole('table', { name: 'Broker configs' })).toBeVisible() },
  { name: 'topics', hash: '#/topics', ready: (p) => expect(p.getByRole('table', { name: 'Topics' })).toContainText('orders') },
  { name: 'topic partitions', hash: '#/topics/orders/partitions', ready: (p) => expect(p.getByRole('table', { name: 'Partitions' })).toBeVisible() },
  { name: 'topic messages', hash: '#/topics/orders/messages', ready: (p) => expect(p.getByTestId('messages-summary')).toContainText('scanned') },
  { name: 'topic configuration', hash: '#/topics/orders/configuration', ready: (p) => expect(p.getByRole('table', { name: 'Topic configuration' })).toContainText('retention.ms') },
  { name: 'topic consumer groups', hash: '#/topics/orders/consumers', ready: (p) => expect(p.getByRole('table', { name: 'Consumer groups reading this topic' })).toContainText('order-service') },
  { name: 'topic manage', hash: '#/topics/orders/manage', ready: (p) => expect(p.getByRole('heading', { name: 'Add partitions' })).toBeVisible() },
  { name: 'groups', hash: '#/groups', ready: (p) => expect(p.getByRole('table', { name: 'Consumer groups' })).toContainText('analytics-pipeline') },
  { name: 'group detail', hash: '#/groups/analytics-pipeline', ready: (p) => expect(p.getByTestId('group-lag')).toBeVisible() },
  { name: 'produce', hash: '#/produce/orders', ready: (p) => expect(p.getByRole('button', { name: 'Send', exact: true })).toBeVisible() },
  { name: 'schemas', hash: '#/schemas/orders-avro-value', ready: (p) => expect(p.getByText('orders-avro-value').first()).toBeVisible() },
  { name: 'ACLs', hash: '#/acls', ready: (p) => expect(p.getByRole('heading', { name: 'ACLs' })).toBeVisible() },
  // What opens on top of a page: forms, the message pane, the palette and the shortcuts list.
  {
    name: 'create-topic form',
    hash: '#/topics',
    ready: async (p) => {
      await p.getByRole('button', { name: 'Create topic' }).click();
      await expect(p.getByRole('region', { name: 'Create topic' })).toBeVisible();
    },
  },
  {
    name: 'message detail',
    hash: '#/topics/orders/messages',
    ready: async (p) => {
      await expect(p.getByTestId('messages-summary')).toContainText('scanned');
      await p.getByRole('table', { name: 'Messages' }).getByRole('row').nth(1).click();
      await expect(p.getByRole('complementary', { name: 'Message' })).toBeVisible();
    },
  },
  {
    name: 'command palette',
    hash: '#/overview',
    ready: async (p) => {
      await p.keyboard.press('ControlOrMeta+k');
      await p.getByRole('combobox', { name: 'Go to a page, topic, group, broker or profile, or run an action' }).fill('or');
      await expect(p.getByRole('option').first()).toBeVisible();
    },
  },
  {
    name: 'shortcuts',
    hash: '#/overview',
    ready: async (p) => {
      await p.keyboard.press('?');
      await expect(p.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    },
  },
];

/** The serious and critical violations, one line each, so a failure says what and where. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? v.help}`));
}

for (const theme of THEMES) {
  test.describe(`accessibility, ${theme} theme`, () => {
    // Emulated before the app loads again: the code editors read the scheme once, at start.
    test.beforeEach(async ({ appPage: page, env }) => {
      await page.emulateMedia({ colorScheme: theme });
      await new ConnectScreen(page).open(env.appUrl);
    });

    test('the connect screen', async ({ appPage: page }) => {
      await expect(page.getByLabel('Bootstrap servers')).toBeVisible();
      const found = await seriousViolations(page);
      await page.getByRole('button', { name: 'New profile' }).click();
      await expect(page.getByRole('form', { name: 'New profile' })).toBeVisible();
      found.push(...(await seriousViolations(page)).map((v) => `profile form: ${v}`));
      await page.getByRole('button', { name: 'Import…' }).click();
      found.push(...(await seriousViolations(page)).map((v) => `import: ${v}`));
      expect(found).toEqual([]);
    });

    test('every page of a connected cluster', async ({ appPage: page, env }) => {
      test.setTimeout(240_000);
      await new ConnectScreen(page).connect(env.bootstrap, { registryUrl: env.registryUrl });
      const origin = new URL(env.appUrl);
      const found: string[] = [];
      for (const p of PAGES) {
        await page.keyboard.press('Escape');
        await page.goto(`${origin.origin}${origin.search}${p.hash}`);
        await p.ready(page);
        found.push(...(await seriousViolations(page)).map((v) => `${p.name}: ${v}`));
      }
      expect(found).toEqual([]);
    });
  });
}
