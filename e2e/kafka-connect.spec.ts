import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../scripts/kafka/cluster';
import { startConnect, type RunningConnect } from '../scripts/kafka/connect';
import { DEMO_CONNECT, seedConnectors } from '../scripts/seed-connect';
import { test, expect } from './support/fixtures';
import { readTable } from './support/pages';

/**
 * Kafka Connect through the UI against a real distributed worker, started once for this file (the
 * other specs pay nothing) on the seeded broker, with the demo's three connectors (one failing).
 */
test.describe('Kafka Connect', () => {
  let worker: RunningConnect;
  const dir = mkdtempSync(join(tmpdir(), 'ke-e2e-connect-'));

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    worker = await startConnect({ root: repoRoot, name: `e2e-connect-${process.pid}`, bootstrap: process.env.KE_E2E_BOOTSTRAP! });
    await seedConnectors(worker.url, dir);
  });
  test.afterAll(async () => {
    await worker?.stop();
  });

  test('a profile with a Connect cluster: create a connector from the generated form, then find the failed one, read why and restart it', async ({ appPage: page, env, sidebar }) => {
    test.setTimeout(240_000);
    const name = `With Connect ${Date.now().toString(36)}`;
    await page.getByRole('button', { name: 'New profile' }).click();
    const form = page.getByRole('form', { name: 'New profile' });
    await form.getByLabel('Profile name').fill(name);
    await form.getByLabel('Bootstrap addresses').fill(env.bootstrap);
    await form.getByLabel(/See and run connectors/).check();
    await form.getByRole('textbox', { name: 'Connect clusters' }).fill(`e2e ${worker.url}`);
    await form.getByRole('button', { name: 'Test connection' }).click();
    const step = form.getByRole('list', { name: 'Connection test' }).locator('[data-step="connect"]');
    await expect(step).toHaveAttribute('data-status', 'ok', { timeout: 30_000 });
    await expect(step).toContainText(/e2e: Kafka Connect \d/);
    await form.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('button', { name: `Connect to ${name}` }).click();
    await expect(page.getByTestId('connection-bar')).toBeVisible();

    // The list: the failing sink sorts first, with its failed task counted.
    await sidebar.open('Connect');
    const list = page.getByRole('table', { name: 'Connectors of e2e' });
    await expect(list).toContainText(DEMO_CONNECT.failing, { timeout: 60_000 });
    await expect.poll(async () => (await readTable(page, 'Connectors of e2e'))[0]?.State, { timeout: 60_000 }).toMatch(/1 task failed/);
    expect((await readTable(page, 'Connectors of e2e'))[0]!.Connector).toBe(DEMO_CONNECT.failing);

    // Create a FileStream sink from the form generated from the plugin's definition.
    await page.getByRole('button', { name: 'New connector' }).click();
    await page.getByLabel('Plugin').selectOption('org.apache.kafka.connect.file.FileStreamSinkConnector');
    await page.getByLabel('Connector name').fill('e2e-copy');
    await page.getByRole('button', { name: 'Validate' }).click();
    // The worker's own error, beside the field it is about.
    await expect(page.getByTestId('connect-validate-result')).toContainText(/found \d+ error/);
    const topicsField = page.locator('.connect-field', { has: page.locator('[data-key="topics"]') });
    await expect(topicsField.getByRole('alert')).toContainText(/topics/);
    await page.locator('[data-key="topics"]').fill(DEMO_CONNECT.topic);
    await page.locator('[data-key="file"]').fill(join(dir, 'e2e-copy.txt'));
    await page.getByRole('button', { name: 'Validate' }).click();
    await expect(page.getByTestId('connect-validate-result')).toHaveText('The worker accepts this config.');
    await page.getByRole('button', { name: 'Create…' }).click();
    const dialog = page.getByRole('dialog', { name: /Create “e2e-copy”/ });
    await expect(dialog.getByTestId('connect-diff')).toContainText('topics');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('e2e-copy');
    await expect(page.getByTestId('connect-task-0')).toContainText('RUNNING', { timeout: 60_000 });

    // Find the failed one and read why: the cause first, the trace folded.
    await page.getByRole('link', { name: /Connectors of e2e/ }).click();
    await list.getByText(DEMO_CONNECT.failing).click();
    const task = page.getByTestId('connect-task-0');
    await expect(task).toContainText('FAILED');
    await expect(task.getByTestId('connect-trace')).toContainText(/Cause: .*no-such-directory/);
    await expect(task.locator('details')).not.toHaveAttribute('open');

    // The cause gone, "Restart failed" (confirmed first) brings the task back.
    mkdirSync(join(dir, 'no-such-directory'));
    await page.getByRole('button', { name: 'Restart failed' }).click();
    const confirm = page.getByRole('dialog', { name: /Restart failed/ });
    await expect(confirm).toContainText('Restarts only the parts that failed');
    await confirm.getByRole('button', { name: 'Restart failed' }).click();
    await expect(task).toContainText('RUNNING', { timeout: 60_000 });
    await expect(task.getByTestId('connect-trace')).toHaveCount(0);
  });
});
