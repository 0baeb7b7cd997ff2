/**
 * npx tsx scripts/screenshots-oauth.ts: the profile form with OAUTHBEARER by OIDC client
 * credentials and a passed connection test (token step included), against a loopback OIDC
 * provider and a broker validating its JWTs, at 1280×720 in both themes:
 * docs/screenshots/oauth-oidc-{dark,light}.png; and a failed token step (oauth-oidc-401-dark.png).
 * Needs `npm run build` first.
 */
import { chromium } from '@playwright/test';
import { startAppServer } from '../e2e/support/app-server';
import { startOidcProvider } from '../test/support/oidc-provider';
import { startCluster } from './kafka/cluster';

const idp = await startOidcProvider();
const cluster = await startCluster({ name: 'screenshots-oauth', oauth: { jwksUrl: idp.jwksUrl, audience: idp.audience, issuer: idp.issuer } });
const server = await startAppServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(server.url);
  await page.getByRole('button', { name: 'New profile' }).click();
  const form = page.getByRole('form', { name: 'New profile' });
  await form.getByLabel('Profile name').fill('Payments (OIDC)');
  await form.getByLabel('Bootstrap addresses').fill(`127.0.0.1:${cluster.oauthPort}`);
  await form.getByLabel('SASL mechanism').selectOption('oauthbearer');
  await form.getByRole('radio', { name: 'OIDC client credentials' }).check();
  await form.getByLabel('Token endpoint URL').fill(idp.tokenUrl);
  await form.getByLabel('OAuth client id').fill(idp.clientId);
  await form.getByLabel('OAuth client secret').fill('wrong-secret');
  await form.getByLabel('Scope').fill(idp.scope);
  await form.getByLabel('SASL extensions').fill('logicalCluster=lkc-demo');
  const steps = form.getByRole('list', { name: 'Connection test' });
  await form.getByRole('button', { name: 'Test connection' }).click();
  await steps.locator('[data-step="token"][data-status="failed"]').waitFor({ timeout: 30_000 });
  await steps.locator('[data-step="token"]').scrollIntoViewIfNeeded();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshots/oauth-oidc-401-dark.png' });
  await form.getByLabel('OAuth client secret').fill(idp.clientSecret);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await steps.locator('[data-step="brokers"][data-status="ok"]').waitFor({ timeout: 30_000 });
  await form.getByRole('group', { name: 'Authentication' }).scrollIntoViewIfNeeded();
  await form.getByRole('group', { name: 'Authentication' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/screenshots/oauth-oidc-form-${colorScheme}.png` });
  }
  await steps.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/screenshots/oauth-oidc-${colorScheme}.png` });
    console.log(`docs/screenshots/oauth-oidc-${colorScheme}.png`);
  }
} finally {
  await browser.close();
  await server.stop();
  await cluster.stop();
  await idp.stop();
}
