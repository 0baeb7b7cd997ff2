import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/shared/errors';
import { startTestApp, type TestApp } from './support/app';
import { createTopic, startCluster, uniqueTopic, type RunningCluster } from './support/kafka';

describe('producing without the ACLs for it (secured cluster)', () => {
  let cluster: RunningCluster;
  let app: TestApp;
  let adminConn: string;
  let aliceConn: string;
  const topic = uniqueTopic('acl-produce');
  beforeAll(async () => {
    cluster = await startCluster({ security: true, name: `produce-acl-${process.pid}` });
    await createTopic(cluster.bootstrap, topic);
    app = startTestApp();
    const sasl = (who: 'admin' | 'alice') => ({
      brokers: [`127.0.0.1:${cluster.security!.saslPort}`],
      sasl: { mechanism: 'scram-sha-256' as const, username: cluster.security![who].username, password: cluster.security![who].password },
    });
    adminConn = (await app.call('connection.connect', { config: sasl('admin') })).connectionId;
    aliceConn = (await app.call('connection.connect', { config: sasl('alice') })).connectionId;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await cluster?.stop();
  });

  const send = (connectionId: string) =>
    app.call('produce.send', { connectionId, topic, message: { key: null, value: { format: 'text', text: 'x' } } }).catch((e: unknown) => e as AppError);

  it('says "not authorized", not "does not exist", and succeeds once the WRITE ACL is there', async () => {
    const hidden = (await send(aliceConn)) as AppError;
    expect(hidden).toBeInstanceOf(AppError);
    expect(hidden.code).toBe('TOPIC_AUTHORIZATION_FAILED');

    await app.call('acls.create', { connectionId: adminConn, acl: { principal: 'User:alice', resourceType: 'TOPIC', resourceName: topic, patternType: 'LITERAL', operation: 'DESCRIBE', permission: 'ALLOW' } });
    const noWrite = (await send(aliceConn)) as AppError;
    expect(noWrite.code).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(noWrite.hint).toContain('ACL');

    await app.call('acls.create', { connectionId: adminConn, acl: { principal: 'User:alice', resourceType: 'TOPIC', resourceName: topic, patternType: 'LITERAL', operation: 'WRITE', permission: 'ALLOW' } });
    const ok = await app.call('produce.send', { connectionId: aliceConn, topic, message: { key: null, value: { format: 'text', text: 'y' } } });
    expect(ok.offset).toBe('0');
  }, 60_000);
});
