import { startCluster, type RunningCluster } from '../scripts/kafka/cluster';
import type { Dialog, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { ConnectScreen } from './support/pages';

/** Fills the new-profile form for a SASL/SCRAM-SHA-512 user of the secured test cluster. */
async function fillScramProfile(page: Page, name: string, user: { username: string; password: string }) {
  await page.getByRole('button', { name: 'New profile' }).click();
  const form = page.getByRole('form', { name: 'New profile' });
  await form.getByLabel('Profile name').fill(name);
  await form.getByLabel('Bootstrap addresses').fill(`127.0.0.1:${cluster.security!.saslPort}`);
  await form.getByLabel('Connection timeout (s)').fill('4');
  await form.getByLabel('SASL mechanism').selectOption('scram-sha-512');
  await form.getByLabel('User name').fill(user.username);
  await form.getByLabel('Password').fill(user.password);
  return form;
}

async function deleteProfile(page: Page, name: string) {
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: `Delete ${name}` }).click();
  await expect(page.locator(`[data-profile="${name}"]`)).toHaveCount(0);
}

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
    const form = await fillScramProfile(page, name, { username: sec.alice.username, password: 'not-the-password' });
    await form.getByRole('radio', { name: '#e5484d' }).click();
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

    // alice has no ACLs: the ACL page says she may not describe them.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'ACLs', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('CLUSTER_AUTHORIZATION_FAILED');

    await bar.getByRole('button', { name: 'Disconnect' }).click();
    await deleteProfile(page, name);
  });

  test('ACLs: create with the explained form, see it listed (markup in names shown literally), delete it', async ({ appPage: page }) => {
    const sec = cluster.security!;
    const name = `Admin ${Date.now().toString(36)}`;
    const form = await fillScramProfile(page, name, sec.admin);
    await form.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('button', { name: `Connect to ${name}` }).click();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'ACLs', exact: true }).click();
    let dialogs = 0;
    const countAndAccept = (dialog: Dialog) => {
      dialogs += 1;
      void dialog.accept();
    };
    page.on('dialog', countAndAccept);

    const hostile = ['<img src=x onerror=alert(1)>', 'javascript:alert(1)'];
    for (const resourceName of hostile) {
      await page.getByRole('button', { name: 'Create ACL' }).click();
      const aclForm = page.getByRole('form', { name: 'Create ACL' });
      await aclForm.getByLabel('Principal').fill('User:alice');
      await aclForm.getByLabel('Resource name').fill(resourceName);
      await aclForm.getByLabel('Operation').selectOption('DESCRIBE');
      await expect(aclForm.getByTestId('acl-sentence')).toHaveText(`Allow User:alice to DESCRIBE on topic “${resourceName}” from any host.`);
      await aclForm.getByRole('button', { name: 'Create ACL' }).click();
      await expect(aclForm).toHaveCount(0);
    }
    const table = page.getByRole('table', { name: 'ACLs' });
    for (const resourceName of hostile) await expect(table.getByText(resourceName, { exact: true })).toBeVisible();
    // Rendered as text: no <img> element, no link, nothing ran.
    await expect(table.locator('img')).toHaveCount(0);
    await expect(table.locator('a[href^="javascript:"]')).toHaveCount(0);
    expect(dialogs).toBe(0);

    await page.getByLabel('Resource name contains').fill('javascript');
    await expect(table).toHaveAttribute('data-rows', '1');
    await page.getByLabel('Resource name contains').fill('');
    for (const resourceName of hostile) {
      await page.getByRole('button', { name: `Delete ACL ALLOW User:alice DESCRIBE ${resourceName}` }).click();
      await expect(table.getByText(resourceName, { exact: true })).toHaveCount(0);
    }
    expect(dialogs).toBe(2);
    page.off('dialog', countAndAccept);

    await page.getByTestId('connection-bar').getByRole('button', { name: 'Disconnect' }).click();
    await deleteProfile(page, name);
  });

  test('import a kcat -F config into the form, test it, save; export shows no secret', async ({ appPage: page }) => {
    const sec = cluster.security!;
    const name = `Imported ${Date.now().toString(36)}`;
    await page.getByRole('button', { name: 'Import…' }).click();
    const panel = page.getByRole('region', { name: 'Import a profile' });
    await panel.getByLabel('Format').selectOption('kcat');
    await panel
      .getByLabel('Configuration text')
      .fill(`bootstrap.servers=127.0.0.1:${sec.saslSslPort}\nsecurity.protocol=SASL_SSL\nsasl.mechanisms=SCRAM-SHA-256\nsasl.username=alice\nsasl.password=${sec.alice.password}\nssl.ca.location=${sec.caFile}\nlinger.ms=5\n`);
    await panel.getByLabel('Profile name').fill(name);
    await panel.getByRole('button', { name: 'Read configuration' }).click();

    const form = page.getByRole('form', { name: 'New profile' });
    await expect(form.getByRole('note')).toContainText('linger.ms');
    await expect(form.getByLabel('SASL mechanism')).toHaveValue('scram-sha-256');
    await expect(form.getByLabel('CA certificate file (PEM)')).toHaveValue(sec.caFile);
    await form.getByRole('button', { name: 'Test connection' }).click();
    const steps = form.getByRole('list', { name: 'Connection test' });
    await expect(steps.locator('[data-step="metadata"]')).toHaveAttribute('data-status', 'ok');
    await expect(steps.locator('[data-step="tls"]')).toContainText('certificate CN=localhost');
    await form.getByRole('button', { name: 'Save profile' }).click();

    await page.getByRole('button', { name: `Export ${name}` }).click();
    const exported = page.getByLabel('Exported properties');
    await expect(exported).toHaveValue(/security\.protocol=SASL_SSL/);
    await expect(exported).toHaveValue(/password="<password>"/);
    expect(await exported.inputValue()).not.toContain(sec.alice.password);
    await page.getByRole('button', { name: 'Done' }).click();
    await deleteProfile(page, name);
  });

  test('a read-only connection shows the mode and offers no ACL changes; no authorizer is said plainly', async ({ appPage: page, env }) => {
    await new ConnectScreen(page).connect(env.bootstrap, { readOnly: true });
    await expect(page.getByTestId('connection-bar')).toContainText('read-only');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'ACLs', exact: true }).click();
    await expect(page.getByTestId('acls-disabled')).toContainText('ACLs are not enabled on this cluster');
    await expect(page.getByRole('button', { name: 'Create ACL' })).toHaveCount(0);
    // Nothing to change on a cluster without an authorizer: the page shows no read-only badge of its own; the connection bar says it.
    await expect(page.getByTestId('connection-bar')).toContainText('read-only');
  });
});
