/**
 * npx tsx scripts/screenshots-security.ts: captures docs/screenshots/connections.png and
 * acls.png from the real UI (browser mode in Debian's Chromium) against a secured test
 * cluster it starts and stops itself (SASL, TLS, mTLS listeners, StandardAuthorizer).
 */
import { chromium } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppServer } from '../e2e/support/app-server';
import { startCluster } from './kafka/cluster';
import { seedCluster } from './seed-data';

const cluster = await startCluster({ security: true, name: 'screenshots-security' });
const sec = cluster.security!;
const userData = mkdtempSync(join(tmpdir(), 'ke-shots-'));
const base = { clientId: 'kafka-explorer', connectionTimeoutMs: 5000, requestTimeoutMs: 30000 };
writeFileSync(
  join(userData, 'profiles.json'),
  JSON.stringify({
    version: 2,
    profiles: [
      { id: 'local', name: 'Local (plaintext)', color: '#2dd4bf', brokers: [cluster.bootstrap], readOnly: false, ...base },
      { id: 'staging', name: 'Orders staging', color: '#fbbf24', brokers: [`127.0.0.1:${sec.saslPort}`], readOnly: false, sasl: { mechanism: 'scram-sha-512', username: 'admin' }, ...base },
      { id: 'prod', name: 'Payments production', color: '#e5484d', brokers: [`127.0.0.1:${sec.mtlsPort}`], readOnly: true, tls: { caFile: sec.caFile, certFile: sec.clientCertFile, keyFile: sec.clientKeyFile, skipVerify: false }, ...base },
    ],
  }),
);
writeFileSync(join(userData, 'secrets.json'), JSON.stringify({ version: 1, sealed: { staging: JSON.stringify({ password: sec.admin.password }) } }), { mode: 0o600 });

await seedCluster(cluster.bootstrap);
const admin = new Kafka({ clientId: 'shots', brokers: [cluster.bootstrap], logLevel: logLevel.NOTHING }).admin();
await admin.connect();
const acl = (principal: string, resourceType: number, resourceName: string, patternType: number, operation: number, permissionType = 3) => ({ principal, host: '*', resourceType, resourceName, resourcePatternType: patternType, operation, permissionType });
await admin.createAcls({
  acl: [
    acl('User:alice', 2, 'orders', 4, 3),
    acl('User:alice', 3, 'orders-', 4, 3),
    acl('User:alice', 2, 'orders', 4, 8),
    acl('User:payments-svc', 2, 'payment_transactions', 3, 4),
    acl('User:payments-svc', 5, 'payments-', 4, 4),
    acl('User:intern', 2, '*', 3, 6, 2),
    acl('User:ke-client', 4, 'kafka-cluster', 3, 8),
  ] as never,
});
await admin.disconnect();

const server = await startAppServer({ env: { KAFKA_EXPLORER_USER_DATA: userData } });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Edit Orders staging' }).click();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await page.locator('[data-step="metadata"][data-status="ok"]').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshots/connections.png', fullPage: true });
  console.log('docs/screenshots/connections.png');

  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Connect to Orders staging' }).click();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'ACLs', exact: true }).click();
  await page.getByRole('table', { name: 'ACLs' }).locator('[role=row]').nth(3).waitFor();
  await page.getByRole('button', { name: 'Create ACL' }).click();
  const form = page.getByRole('form', { name: 'Create ACL' });
  await form.getByLabel('Principal').fill('User:bob');
  await form.getByLabel('Resource type').selectOption('GROUP');
  await form.getByLabel('Resource name').fill('analytics-');
  await form.getByLabel('Pattern type').selectOption('PREFIXED');
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshots/acls.png' });
  console.log('docs/screenshots/acls.png');
} finally {
  await browser.close();
  await server.stop();
  await cluster.stop();
}
