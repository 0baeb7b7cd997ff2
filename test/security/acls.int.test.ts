import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AclBindingInput } from '../../src/shared/api';
import { AppError } from '../../src/shared/errors';
import { startTestApp, type TestApp } from '../support/app';
import { createTopic, sharedBootstrap, startCluster, uniqueTopic, type RunningCluster } from '../support/kafka';

const run = promisify(execFile);

describe('ACLs on the secured cluster (StandardAuthorizer)', () => {
  let cluster: RunningCluster;
  let app: TestApp;
  let adminConn: string;
  let aliceConn: string;
  const topic = uniqueTopic('acl');
  beforeAll(async () => {
    cluster = await startCluster({ security: true });
    await createTopic(cluster.bootstrap, topic);
    app = startTestApp();
    const sasl = (who: 'admin' | 'alice', readOnly = false) => ({
      brokers: [`127.0.0.1:${cluster.security!.saslPort}`],
      readOnly,
      sasl: { mechanism: 'scram-sha-256' as const, username: cluster.security![who].username, password: cluster.security![who].password },
    });
    adminConn = (await app.call('connection.connect', { config: sasl('admin') })).connectionId;
    aliceConn = (await app.call('connection.connect', { config: sasl('alice') })).connectionId;
  });
  afterAll(async () => {
    await app?.close();
    await cluster?.stop();
  });

  /** What alice sees of the topic, through kcat (an independent client) over SASL/PLAIN. */
  async function aliceSeesTopic(): Promise<string> {
    const sec = cluster.security!;
    const args = ['-L', '-t', topic, '-m', '5', '-b', `127.0.0.1:${sec.saslPort}`, '-X', 'security.protocol=SASL_PLAINTEXT', '-X', 'sasl.mechanism=PLAIN', '-X', `sasl.username=${sec.alice.username}`, '-X', `sasl.password=${sec.alice.password}`];
    const { stdout } = await run('kcat', args, { timeout: 20_000 });
    return stdout;
  }

  const readAcl: AclBindingInput = { principal: 'User:alice', resourceType: 'TOPIC', resourceName: topic.slice(0, 8), patternType: 'PREFIXED', operation: 'READ', permission: 'ALLOW' };
  const describeAcl: AclBindingInput = { principal: 'User:alice', resourceType: 'TOPIC', resourceName: topic, patternType: 'LITERAL', operation: 'DESCRIBE', permission: 'ALLOW' };

  it('creates ACLs that the broker enforces, and lists them with filters', async () => {
    expect(await aliceSeesTopic()).toMatch(/Topic authorization failed/i);
    await app.call('acls.create', { connectionId: adminConn, acl: readAcl });
    await app.call('acls.create', { connectionId: adminConn, acl: describeAcl });
    expect(await aliceSeesTopic()).toMatch(new RegExp(`topic "${topic}" with 1 partitions`));

    const all = await app.call('acls.list', { connectionId: adminConn, filter: {} });
    expect(all.acls).toEqual(
      expect.arrayContaining([
        { ...readAcl, host: '*' },
        { ...describeAcl, host: '*' },
      ]),
    );
    const prefixed = await app.call('acls.list', { connectionId: adminConn, filter: { patternType: 'PREFIXED', principal: 'alice' } });
    expect(prefixed.acls).toEqual([{ ...readAcl, host: '*' }]);
    const byOperation = await app.call('acls.list', { connectionId: adminConn, filter: { operation: 'DESCRIBE', resourceName: topic.slice(4) } });
    expect(byOperation.acls.map((a) => a.operation)).toEqual(['DESCRIBE']);
    const nobody = await app.call('acls.list', { connectionId: adminConn, filter: { principal: 'User:bob' } });
    expect(nobody.acls).toEqual([]);
  });

  it('refuses ACL changes on a read-only connection, and nothing changes', async () => {
    const sec = cluster.security!;
    const ro = await app.call('connection.connect', {
      config: { brokers: [`127.0.0.1:${sec.saslPort}`], readOnly: true, sasl: { mechanism: 'plain', username: 'admin', password: sec.admin.password } },
    });
    const extra: AclBindingInput = { ...describeAcl, operation: 'WRITE' };
    await expect(app.call('acls.create', { connectionId: ro.connectionId, acl: extra })).rejects.toMatchObject({ code: 'READ_ONLY' });
    await expect(app.call('acls.delete', { connectionId: ro.connectionId, acls: [readAcl] })).rejects.toMatchObject({ code: 'READ_ONLY' });
    const listed = await app.call('acls.list', { connectionId: ro.connectionId, filter: { principal: 'alice' } });
    expect(listed.acls).toHaveLength(2);
  });

  it('deletes exactly the given ACLs', async () => {
    const { deleted } = await app.call('acls.delete', { connectionId: adminConn, acls: [readAcl, describeAcl] });
    expect(deleted).toBe(2);
    expect((await app.call('acls.list', { connectionId: adminConn, filter: {} })).acls).toEqual([]);
    expect(await aliceSeesTopic()).toMatch(/Topic authorization failed/i);
  });

  it('says clearly when the user may not describe ACLs', async () => {
    const error = await app.call('acls.list', { connectionId: aliceConn, filter: {} }).catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CLUSTER_AUTHORIZATION_FAILED');
    expect((error as AppError).hint).toMatch(/cluster-level ACL/);
  });
});

describe('ACLs on a cluster without an authorizer', () => {
  it('says there is no authorizer', async () => {
    const app = startTestApp();
    try {
      const { connectionId } = await app.call('connection.connect', { config: { brokers: sharedBootstrap().split(',') } });
      const error = await app.call('acls.list', { connectionId, filter: {} }).catch((e: AppError) => e);
      expect((error as AppError).code).toBe('SECURITY_DISABLED');
      expect((error as AppError).hint).toMatch(/no authorizer/);
    } finally {
      await app.close();
    }
  });
});
