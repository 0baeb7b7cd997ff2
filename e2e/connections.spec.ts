import { startCluster, type RunningCluster } from '../scripts/kafka/cluster';
import { test, expect } from './support/fixtures';

let cluster: RunningCluster;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  cluster = await startCluster({ security: true });
});
test.afterAll(async () => {
  await cluster?.stop();
});

test.describe('connection profiles', () => {
  test('create a SCRAM profile in the UI, test it step by step, connect with it, delete it', async ({ appPage: page }) => {
    const sec = cluster.security!;
    const name = `Staging SCRAM ${Date.now().toString(36)}`;
    await page.getByRole('button', { name: 'New profile' }).click();
    const form = page.getByRole('form', { name: 'New profile' });
    await form.getByLabel('Profile name').fill(name);
    await form.getByRole('radio', { name: '#e5484d' }).click();
    await form.getByLabel('Bootstrap addresses').fill(`127.0.0.1:${sec.saslPort}`);
    await form.getByLabel('Connection timeout (s)').fill('4');
    await form.getByLabel('SASL mechanism').selectOption('scram-sha-512');
    await form.getByLabel('User name').fill(sec.alice.username);
    await form.getByLabel('Password').fill('not-the-password');
    await expect(form.getByText(/kept apart from the profile/)).toContainText('readable only by your user');

    // A wrong password fails on the SASL step, and says it is the credentials.
    await form.getByRole('button', { name: 'Test connection' }).click();
    const steps = form.getByRole('list', { name: 'Connection test' });
    await expect(steps.locator('[data-step="sasl"]')).toHaveAttribute('data-status', 'failed');
    await expect(steps.locator('[data-step="sasl"]')).toContainText('SASL_AUTHENTICATION_FAILED');
    await expect(steps.locator('[data-step="metadata"]')).toHaveAttribute('data-status', 'skipped');
    await expect(steps.locator('[data-step="tcp"]')).toHaveAttribute('data-status', 'ok');

    await form.getByLabel('Password').fill(sec.alice.password);
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(steps.locator('[data-step="metadata"]')).toHaveAttribute('data-status', 'ok');
    await expect(steps.locator('[data-step="sasl"]')).toContainText('authenticated as alice');

    await form.getByRole('button', { name: 'Save profile' }).click();
    const item = page.getByRole('list', { name: 'Saved clusters' }).locator(`[data-profile="${name}"]`);
    await expect(item).toContainText('SASL_PLAINTEXT · SCRAM-SHA-512 as alice');

    await page.getByRole('button', { name: `Connect to ${name}` }).click();
    const bar = page.getByTestId('connection-bar');
    await expect(bar).toContainText(name);
    await expect(bar).toContainText('SASL_PLAINTEXT');
    await expect(page.locator('.shell')).toHaveAttribute('data-profile-color', '#e5484d');

    await bar.getByRole('button', { name: 'Disconnect' }).click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `Delete ${name}` }).click();
    await expect(item).toHaveCount(0);
  });
});
