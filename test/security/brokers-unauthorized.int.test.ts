import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';
import { startCluster, type RunningCluster } from '../support/kafka';

/**
 * Managed clusters often deny ordinary users the cluster-level DESCRIBE that DescribeQuorum and
 * DescribeLogDirs need. The brokers view must still show the brokers, say what it could not
 * learn, and fall back to the metadata's controller with a note saying so.
 */
describe('brokers view for a user without cluster permissions (StandardAuthorizer)', () => {
  let cluster: RunningCluster;
  let app: TestApp;
  let alice: string;
  let admin: string;

  beforeAll(async () => {
    cluster = await startCluster({ security: true });
    app = startTestApp();
    const sasl = (who: 'admin' | 'alice') => ({
      brokers: [`127.0.0.1:${cluster.security!.saslPort}`],
      sasl: { mechanism: 'scram-sha-256' as const, username: cluster.security![who].username, password: cluster.security![who].password },
    });
    alice = (await app.call('connection.connect', { config: sasl('alice') })).connectionId;
    admin = (await app.call('connection.connect', { config: sasl('admin') })).connectionId;
  });
  afterAll(async () => {
    await app?.close();
    await cluster?.stop();
  });

  it('denied: brokers still listed, disk unknown with the reason, controller from the metadata with a note', async () => {
    const [broker] = await app.call('cluster.brokers', { connectionId: alice });
    expect(broker).toMatchObject({ status: 'online', diskUsedBytes: null, diskError: 'CLUSTER_AUTHORIZATION_FAILED' });
    const controller = await app.call('cluster.controller', { connectionId: alice });
    expect(controller).toMatchObject({ nodeId: broker!.nodeId, source: 'metadata', voters: [] });
    expect(controller.note).toMatch(/CLUSTER_AUTHORIZATION_FAILED/);
    await expect(app.call('brokers.configs', { connectionId: alice, nodeId: broker!.nodeId })).rejects.toMatchObject({
      code: 'CLUSTER_AUTHORIZATION_FAILED',
      message: expect.stringMatching(/broker 1: Cluster authorization failed/),
      hint: expect.stringMatching(/cluster-level ACL/),
    });
  });

  it('allowed (super user on the same listener): the quorum leader and the disk', async () => {
    const [broker] = await app.call('cluster.brokers', { connectionId: admin });
    expect(broker).toMatchObject({ status: 'online', diskError: null, isController: true, quorumRole: 'leader' });
    expect(broker!.diskUsedBytes).not.toBeNull();
    const controller = await app.call('cluster.controller', { connectionId: admin });
    expect(controller.source).toBe('quorum');
  });
});
