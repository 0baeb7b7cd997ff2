import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { createTopicsReady } from './support/admin';
import { test, expect } from './support/fixtures';
import { ConnectScreen } from './support/pages';

const kcat = (bootstrap: string, topic: string, partition: number, lines: string[]) =>
  execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', String(partition), '-K', '|'], { input: lines.join('\n') });

/** Saves a plain profile for the e2e broker from the connect screen. */
async function saveProfile(page: Page, name: string, color: string, bootstrap: string) {
  await page.getByRole('button', { name: 'New profile' }).click();
  const form = page.getByRole('form', { name: 'New profile' });
  await form.getByLabel('Profile name').fill(name);
  await form.getByLabel('Bootstrap addresses').fill(bootstrap);
  await form.getByRole('radio', { name: color }).click();
  await form.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('list', { name: 'Saved clusters' }).locator(`[data-profile="${name}"]`)).toBeVisible();
}

async function deleteProfile(page: Page, name: string) {
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: `Delete ${name}` }).click();
  await expect(page.locator(`[data-profile="${name}"]`)).toHaveCount(0);
}

/** Goes to an in-app page (unprefixed: the router adds the active cluster). */
async function go(page: Page, hash: string) {
  await page.evaluate((h) => (window.location.hash = h), hash);
}

const picker = (page: Page) => page.getByRole('group', { name: 'Open clusters' });

test.describe('several clusters in one window', () => {
  test('two clusters: a live tail on A keeps running while B is shown; deep links reopen pages in a new tab; save a quick connection as a profile', async ({ appPage: page, env, context }) => {
    test.setTimeout(120_000);
    const run = randomBytes(3).toString('hex');
    const nameA = `Cluster A ${run}`;
    const nameB = `Cluster B ${run}`;
    const topic = `e2e-multi-${run}`;
    await createTopicsReady(env.bootstrap, [{ topic, numPartitions: 2 }]);

    await saveProfile(page, nameA, '#e5484d', env.bootstrap);
    await saveProfile(page, nameB, '#2dd4bf', env.bootstrap);
    await page.getByRole('button', { name: `Connect to ${nameA}` }).click();
    const bar = page.getByTestId('connection-bar');
    await expect(bar).toContainText(nameA);

    // A: tail the topic.
    await go(page, `#/topics/${topic}/messages`);
    await expect(page).toHaveURL(/#\/c\/[A-Za-z0-9_-]+\/topics\/e2e-multi-/);
    const urlA = page.url();
    const table = page.getByRole('table', { name: 'Messages' });
    await page.getByRole('button', { name: 'Tail live' }).click();
    await expect(page.getByTestId('tail-state')).toHaveText('● Live');
    kcat(env.bootstrap, topic, 0, ['a|on-A-1', 'b|on-A-2']);
    await expect(table).toHaveAttribute('data-rows', '2');

    // Connect B without closing A; B opens on its overview, with its own colour.
    await picker(page).getByRole('button', { name: '+ Connect another…' }).click();
    await page.getByRole('button', { name: `Connect to ${nameB}` }).click();
    await expect(bar).toContainText(nameB);
    await expect(page.locator('.shell')).toHaveAttribute('data-profile-color', '#2dd4bf');
    await expect(picker(page).getByRole('button', { name: nameA })).toHaveAttribute('aria-pressed', 'false');
    await expect(picker(page).getByRole('button', { name: nameB })).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/#\/c\/[A-Za-z0-9_-]+\/overview$/);

    // B: a topic's partitions. Meanwhile more is written to A's topic.
    await go(page, `#/topics/${topic}/partitions`);
    await expect(page.getByRole('link', { name: 'Partitions' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('table', { name: 'Messages' })).toHaveCount(0);
    kcat(env.bootstrap, topic, 1, ['c|while-on-B']);
    // A's tail buffers while hidden: its (hidden) table already holds the new message.
    const keyA = decodeURIComponent(/#\/c\/([^/]+)\//.exec(urlA)![1]!);
    await expect(page.locator(`.cluster-pane[data-cluster="${keyA}"] [role=table][aria-label="Messages"]`)).toHaveAttribute('data-rows', '3');
    const urlB = page.url();
    expect(urlB).not.toBe(urlA);

    // Back to A: its page, its tail (still live) and what arrived while B was shown.
    await picker(page).getByRole('button', { name: nameA }).click();
    await expect(page.locator('.shell')).toHaveAttribute('data-profile-color', '#e5484d');
    expect(page.url()).toBe(urlA);
    await expect(page.getByTestId('tail-state')).toHaveText('● Live');
    await expect(table).toHaveAttribute('data-rows', '3');
    expect((await page.getByRole('table', { name: 'Messages' }).innerText()).includes('while-on-B')).toBe(true);

    // Ctrl+2: B as it was left.
    await page.keyboard.press('Control+2');
    await expect(bar).toContainText(nameB);
    expect(page.url()).toBe(urlB);
    await expect(page.getByRole('link', { name: 'Partitions' })).toHaveAttribute('aria-current', 'page');

    // Copy link on B's page, then a message link on A: each opens in a new tab of the same app.
    const link = await bar.getByRole('button', { name: 'Copy link' }).getAttribute('data-link');
    expect(link).toBe(urlB);
    expect(link).toContain('token=');
    const tab = await context.newPage();
    await tab.goto(link!);
    await expect(tab.getByTestId('connection-bar')).toContainText(nameB);
    await expect(tab.getByRole('link', { name: 'Partitions' })).toHaveAttribute('aria-current', 'page');
    await expect(tab.getByTestId('topic-title')).toHaveText(topic);
    expect(tab.url()).toBe(urlB);

    const messageLink = urlA.replace(/\/messages.*$/, '/messages?partition=0&offset=1');
    await tab.goto(messageLink);
    await expect(tab.getByTestId('connection-bar')).toContainText(nameA);
    await expect(tab.getByLabel('Start offset')).toHaveValue('1');
    await expect(tab.getByRole('table', { name: 'Messages' })).toHaveAttribute('data-rows', '1');
    await expect(tab.getByRole('table', { name: 'Messages' })).toContainText('on-A-2');

    // A link to an ad-hoc cluster not open here: the connect screen says so and offers its address.
    const adhocLink = `${new URL(link!).origin}/${new URL(link!).search}#/c/~127.0.0.1%3A1/topics`;
    await tab.goto(adhocLink);
    await expect(tab.getByTestId('link-banner')).toContainText('This link is for 127.0.0.1:1');
    await expect(tab.getByLabel('Bootstrap servers')).toHaveValue('127.0.0.1:1');

    // A quick connection saved as a profile in one click; links then name the profile.
    await new ConnectScreen(tab).connect(env.bootstrap);
    await expect(tab).toHaveURL(/#\/c\/~/);
    await tab.getByTestId('connection-bar').getByRole('button', { name: 'Save as profile' }).click();
    await expect(tab.getByTestId('connection-bar').getByRole('button', { name: 'Save as profile' })).toHaveCount(0);
    await expect(tab).toHaveURL(/#\/c\/[A-Za-z0-9_-]+\/overview$/);
    await picker(tab).getByRole('button', { name: '+ Connect another…' }).click();
    await expect(tab.getByRole('list', { name: 'Saved clusters' }).locator(`[data-profile="${env.bootstrap}"]`)).toBeVisible();
    for (const name of [env.bootstrap, nameA, nameB]) await deleteProfile(tab, name);
    await tab.close();

    // The first tab still has both clusters, and A's tail is still live.
    await page.keyboard.press('Control+1');
    await expect(page.getByTestId('tail-state')).toHaveText('● Live');
    await page.getByRole('button', { name: 'Stop' }).click();
  });
});
