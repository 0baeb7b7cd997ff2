/**
 * npx tsx scripts/screenshots-remote.ts: the connection test of a profile that reaches a cluster
 * through an SSH bastion (a loopback sshd this script starts) with an address mapping, after
 * accepting the host key, at 1280×720 in both themes: docs/screenshots/remote-ssh-{dark,light}.png;
 * also the host-key prompt (remote-ssh-hostkey-{dark,light}.png), the Network fields (remote-ssh-form.png) and,
 * without the mapping, the advertised names the bastion cannot resolve with the offered mapping (remote-ssh-advertised-{dark,light}.png).
 * Needs `npm run build` and Debian's openssh-server first.
 */
import { chromium } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { startSshd } from '../test/support/sshd';
import { startCluster } from './kafka/cluster';

const cluster = await startCluster({ nodes: 2, name: 'screenshots-remote', remote: true });
// The advertised names are allowed too, so the bastion itself reports that they do not resolve.
const sshd = await startSshd({ permitOpen: cluster.nodes.flatMap((n) => [`127.0.0.1:${n.remote!.port}`, `${n.remote!.host}:${n.remote!.port}`]) });
const server = await startAppServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const remote = cluster.nodes[0]!.remote!;
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New profile' }).click();
  const form = page.getByRole('form', { name: 'New profile' });
  await form.getByLabel('Profile name').fill('Orders (behind bastion)');
  await form.getByLabel('Bootstrap addresses').fill(`${remote.host}:${remote.port}`);
  await form.getByRole('radio', { name: 'SSH tunnel' }).check();
  await form.getByLabel('SSH host', { exact: true }).fill(sshd.host);
  await form.getByLabel('Port', { exact: true }).fill(String(sshd.port));
  await form.getByLabel('SSH user', { exact: true }).fill(sshd.user);
  await form.getByLabel('SSH key file', { exact: true }).fill(sshd.keyFile);
  await form.getByLabel('Broker address mapping').fill('*.internal:* → 127.0.0.1:*');
  await form.getByRole('button', { name: 'Test connection' }).click();
  const steps = form.getByRole('list', { name: 'Connection test' });
  const accept = steps.getByRole('button', { name: 'Accept this host key' });
  await accept.waitFor();
  // The unknown host key as the user first sees it, with the fingerprint to compare.
  await accept.scrollIntoViewIfNeeded();
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/screenshots/remote-ssh-hostkey-${colorScheme}.png` });
  }
  await form.getByRole('group', { name: 'Network' }).scrollIntoViewIfNeeded();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'docs/screenshots/remote-ssh-form.png' });
  await accept.click();
  await steps.locator('[data-step="brokers"][data-status="ok"]').waitFor({ timeout: 30_000 });
  await form.getByRole('button', { name: 'Test connection' }).scrollIntoViewIfNeeded();
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/screenshots/remote-ssh-${colorScheme}.png` });
    console.log(`docs/screenshots/remote-ssh-${colorScheme}.png`);
  }
  // The same bastion without the mapping: the advertised names do not resolve there, and a mapping is offered.
  await form.getByLabel('Broker address mapping').fill('');
  await form.getByLabel('Bootstrap addresses').fill(`127.0.0.1:${remote.port}`);
  await form.getByRole('button', { name: 'Test connection' }).click();
  const brokers = steps.locator('[data-step="brokers"][data-status="failed"]');
  await brokers.waitFor({ timeout: 30_000 });
  await brokers.getByRole('button', { name: 'Use this mapping' }).scrollIntoViewIfNeeded();
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/screenshots/remote-ssh-advertised-${colorScheme}.png` });
    console.log(`docs/screenshots/remote-ssh-advertised-${colorScheme}.png`);
  }
} finally {
  await browser.close();
  await server.stop();
  await sshd.stop();
  await cluster.stop();
}
