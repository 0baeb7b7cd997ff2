import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { startCluster, type RunningCluster } from '../support/kafka';

/** SCRAM users need a SASL listener: one secured single node for the file. */
describe('SCRAM users', () => {
  let cluster: RunningCluster;
  let app: TestApp;
  let adminConn: string;
  const carol = `carol-${randomBytes(3).toString('hex')}`;
  const sasl = (username: string, password: string, mechanism: 'scram-sha-256' | 'scram-sha-512') => ({
    brokers: [`127.0.0.1:${cluster.security!.saslPort}`],
    sasl: { mechanism, username, password },
    connectionTimeoutMs: 5_000,
  });

  beforeAll(async () => {
    cluster = await startCluster({ security: true });
    app = startTestApp();
    adminConn = (await app.call('connection.connect', { config: sasl(cluster.security!.admin.username, cluster.security!.admin.password, 'scram-sha-256') })).connectionId;
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await cluster?.stop();
  });

  const login = async (password: string, mechanism: 'scram-sha-256' | 'scram-sha-512') => {
    const { connectionId } = await app.call('connection.connect', { config: sasl(carol, password, mechanism) });
    await app.call('connection.disconnect', { connectionId });
  };

  it('lists the users with their mechanisms and iterations', async () => {
    const users = await app.call('scram.users', { connectionId: adminConn });
    const alice = users.find((u) => u.user === cluster.security!.alice.username);
    expect(alice?.credentials.map((c) => c.mechanism).sort()).toEqual(['SCRAM-SHA-256', 'SCRAM-SHA-512']);
    expect(alice?.credentials.every((c) => c.iterations >= 4_096)).toBe(true);
  });

  it('creates a user who can then log in, changes the password, and deletes the credential', async () => {
    await app.call('scram.alter', { connectionId: adminConn, upserts: [{ user: carol, mechanism: 'SCRAM-SHA-512', iterations: 8_192, password: 'first-secret' }] });
    expect((await app.call('scram.users', { connectionId: adminConn })).find((u) => u.user === carol)).toEqual({ user: carol, credentials: [{ mechanism: 'SCRAM-SHA-512', iterations: 8_192 }] });
    await login('first-secret', 'scram-sha-512');
    await expect(login('wrong', 'scram-sha-512')).rejects.toThrow();
    // Only the mechanism that was created works.
    await expect(login('first-secret', 'scram-sha-256')).rejects.toThrow();

    await app.call('scram.alter', { connectionId: adminConn, upserts: [{ user: carol, mechanism: 'SCRAM-SHA-512', iterations: 4_096, password: 'second-secret' }] });
    await login('second-secret', 'scram-sha-512');
    await expect(login('first-secret', 'scram-sha-512')).rejects.toThrow();

    await app.call('scram.alter', { connectionId: adminConn, deletions: [{ user: carol, mechanism: 'SCRAM-SHA-512' }] });
    expect((await app.call('scram.users', { connectionId: adminConn })).find((u) => u.user === carol)).toBeUndefined();
    await expect(login('second-secret', 'scram-sha-512')).rejects.toThrow();
  }, 120_000);
});
