import { startCluster, type RunningCluster } from '../scripts/kafka/cluster';
import { startSshd, type TestSshd } from '../test/support/sshd';
import { test, expect } from './support/fixtures';

let cluster: RunningCluster;
let sshd: TestSshd;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  // One broker whose listener advertises kafka-1.internal, a name that does not resolve here.
  cluster = await startCluster({ remote: true });
  // The advertised name is allowed too, so the bastion itself finds that it does not resolve.
  const remotePort = cluster.nodes[0]!.remote!.port;
  sshd = await startSshd({ permitOpen: [`127.0.0.1:${remotePort}`, `kafka-1.internal:${remotePort}`] });
});
test.afterAll(async () => {
  await sshd?.stop();
  await cluster?.stop();
});

test('diagnostics through an SSH tunnel: accept the unknown host key, every step passes through the bastion; unmapped names the bastion cannot resolve, and the offered mapping', async ({ appPage: page }) => {
  const remote = cluster.nodes[0]!.remote!;
  const name = `Behind the bastion ${Date.now().toString(36)}`;
  await page.getByRole('button', { name: 'New profile' }).click();
  const form = page.getByRole('form', { name: 'New profile' });
  await form.getByLabel('Profile name').fill(name);
  await form.getByLabel('Bootstrap addresses').fill(`${remote.host}:${remote.port}`);
  await form.getByLabel('Connection timeout (s)').fill('8');
  await form.getByRole('radio', { name: 'SSH tunnel' }).check();
  await form.getByLabel('SSH host', { exact: true }).fill(sshd.host);
  await form.getByLabel('Port', { exact: true }).fill(String(sshd.port));
  await form.getByLabel('SSH user', { exact: true }).fill(sshd.user);
  await form.getByLabel('SSH key file', { exact: true }).fill(sshd.keyFile);
  await form.getByLabel('Broker address mapping').fill('*.internal:* → 127.0.0.1:*');

  const steps = form.getByRole('list', { name: 'Connection test' });
  await form.getByRole('button', { name: 'Test connection' }).click();
  const ssh = steps.locator('[data-step="ssh"]');
  await expect(ssh).toHaveAttribute('data-status', 'failed');
  await expect(ssh).toContainText('SSH_HOST_KEY_UNKNOWN');
  await expect(ssh).toContainText(/ssh-ed25519 SHA256:[A-Za-z0-9+/]{43}/);
  await expect(steps.locator('[data-step="metadata"]')).toHaveAttribute('data-status', 'skipped');

  // Accepting the key (after comparing the fingerprint) tests again, now through the tunnel.
  await ssh.getByRole('button', { name: 'Accept this host key' }).click();
  await expect(ssh).toHaveAttribute('data-status', 'ok');
  await expect(steps.locator('[data-step="brokers"]')).toHaveAttribute('data-status', 'ok');
  for (const step of ['tcp', 'metadata']) await expect(steps.locator(`[data-step="${step}"]`)).toHaveAttribute('data-status', 'ok');
  await expect(steps.locator('[data-step="tcp"]')).toContainText(`${remote.host}:${remote.port} → 127.0.0.1:${remote.port} through SSH ${sshd.user}@127.0.0.1:${sshd.port}`);
  await expect(steps.locator('[data-step="resolve"]')).toContainText('names are resolved by SSH');

  // Without the mapping the bastion is asked for kafka-1.internal itself: the finding names it and offers the mapping.
  await form.getByLabel('Broker address mapping').fill('');
  await form.getByLabel('Bootstrap addresses').fill(`127.0.0.1:${remote.port}`);
  await form.getByRole('button', { name: 'Test connection' }).click();
  const brokers = steps.locator('[data-step="brokers"]');
  await expect(brokers).toHaveAttribute('data-status', 'failed');
  await expect(brokers).toContainText(`broker 1 advertises ${remote.host}:${remote.port}, which does not resolve from the SSH server ${sshd.user}@127.0.0.1:${sshd.port}`);
  await expect(brokers.getByRole('list', { name: 'Offered mapping' })).toContainText(`${remote.host}:${remote.port} → 127.0.0.1:${remote.port}`);
  await brokers.getByRole('button', { name: 'Use this mapping' }).click();
  await expect(brokers).toHaveAttribute('data-status', 'ok');
  await expect(form.getByLabel('Broker address mapping')).toHaveValue(new RegExp(`${remote.host}:${remote.port}`));

  await form.getByRole('button', { name: 'Save profile' }).click();
  await page.locator(`[data-profile="${name}"]`).getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByTestId('connection-bar')).toBeVisible();
  await page.getByTestId('connection-bar').getByRole('button', { name: 'Disconnect' }).click();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: `Delete ${name}` }).click();
  await expect(page.locator(`[data-profile="${name}"]`)).toHaveCount(0);
});
