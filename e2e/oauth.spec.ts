import { startCluster, type RunningCluster } from '../scripts/kafka/cluster';
import { startOidcProvider, type TestOidcProvider } from '../test/support/oidc-provider';
import { test, expect } from './support/fixtures';

let idp: TestOidcProvider;
let cluster: RunningCluster;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  // A real OIDC provider and one broker whose OAUTH listener validates its JWTs against the JWKS.
  idp = await startOidcProvider();
  cluster = await startCluster({ oauth: { jwksUrl: idp.jwksUrl, audience: idp.audience, issuer: idp.issuer } });
});
test.afterAll(async () => {
  await cluster?.stop();
  await idp?.stop();
});

test('OIDC client credentials: the token step shows the subject and scope, SASL passes, and the profile connects', async ({ appPage: page }) => {
  const name = `OIDC ${Date.now().toString(36)}`;
  await page.getByRole('button', { name: 'New profile' }).click();
  const form = page.getByRole('form', { name: 'New profile' });
  await form.getByLabel('Profile name').fill(name);
  await form.getByLabel('Bootstrap addresses').fill(`127.0.0.1:${cluster.oauthPort}`);
  await form.getByLabel('SASL mechanism').selectOption('oauthbearer');
  // Keyboard: the provider choice is a radio group.
  await form.getByRole('radio', { name: 'Static token' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(form.getByRole('radio', { name: 'OIDC client credentials' })).toBeChecked();
  await form.getByLabel('Token endpoint URL').fill(idp.tokenUrl);
  await form.getByLabel('OAuth client id').fill(idp.clientId);
  await form.getByLabel('OAuth client secret').fill(idp.clientSecret);
  await form.getByLabel('Scope').fill(idp.scope);

  const steps = form.getByRole('list', { name: 'Connection test' });
  await form.getByRole('button', { name: 'Test connection' }).click();
  const token = steps.locator('[data-step="token"]');
  await expect(token).toHaveAttribute('data-status', 'ok');
  await expect(token).toContainText(`subject ${idp.clientId}, scope kafka, expires`);
  await expect(token).toContainText(`from ${idp.tokenUrl}`);
  await expect(steps.locator('[data-step="sasl"]')).toHaveAttribute('data-status', 'ok');
  await expect(steps.locator('[data-step="metadata"]')).toHaveAttribute('data-status', 'ok');
  // The token itself is never on the page.
  expect(await page.content()).not.toContain(idp.issued.at(-1)!.token.split('.')[2]!);

  // A wrong secret: the token step names the 401.
  await form.getByLabel('OAuth client secret').fill('wrong-secret');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(token).toHaveAttribute('data-status', 'failed');
  await expect(token).toContainText('401 invalid_client');
  await expect(token).toContainText('OAUTH_INVALID_CLIENT');

  await form.getByLabel('OAuth client secret').fill(idp.clientSecret);
  await form.getByRole('button', { name: 'Save profile' }).click();
  await page.locator(`[data-profile="${name}"]`).getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByTestId('connection-bar')).toBeVisible();
  await page.getByTestId('connection-bar').getByRole('button', { name: 'Disconnect' }).click();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: `Delete ${name}` }).click();
  await expect(page.locator(`[data-profile="${name}"]`)).toHaveCount(0);
});
