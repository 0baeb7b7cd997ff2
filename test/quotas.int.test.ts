import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveQuotas } from '../src/shared/quotas/resolve';
import { startTestApp, type TestApp } from './support/app';
import { sharedBootstrap } from './support/kafka';

/** Client quotas on the shared broker: unique names, and values far above anything the other tests send. */
describe('client quotas', () => {
  let app: TestApp;
  let connectionId: string;
  const user = `alice-${randomBytes(4).toString('hex')}`;
  const clientId = `app-${randomBytes(4).toString('hex')}`;
  const HIGH = 1e12;

  beforeAll(async () => {
    app = startTestApp();
    connectionId = (await app.call('connection.connect', { config: { brokers: sharedBootstrap().split(',') } })).connectionId;
  });
  afterAll(async () => {
    // Leave nothing behind on the shared broker.
    for (const entity of [{ user, clientId }, { user }, { clientId }, { user, clientId: null }]) {
      await app.call('quotas.alter', { connectionId, entity, values: { producer_byte_rate: null, consumer_byte_rate: null, request_percentage: null } }).catch(() => undefined);
    }
    await app?.close();
  });

  const mine = async () => (await app.call('quotas.list', { connectionId })).entries.filter((e) => e.entity.user === user || e.entity.clientId === clientId);

  it('round-trips quotas for a user, a client id, both, and a user’s default client id', async () => {
    await app.call('quotas.alter', { connectionId, entity: { user, clientId }, values: { producer_byte_rate: HIGH + 1 } });
    await app.call('quotas.alter', { connectionId, entity: { user }, values: { producer_byte_rate: HIGH + 3, consumer_byte_rate: HIGH + 3 } });
    await app.call('quotas.alter', { connectionId, entity: { clientId }, values: { request_percentage: 250 } });
    await app.call('quotas.alter', { connectionId, entity: { user, clientId: null }, values: { consumer_byte_rate: HIGH + 2 } });
    const entries = await mine();
    expect(entries).toEqual(
      expect.arrayContaining([
        { entity: { user, clientId }, values: { producer_byte_rate: HIGH + 1 } },
        { entity: { user, clientId: null }, values: { consumer_byte_rate: HIGH + 2 } },
        { entity: { user }, values: { producer_byte_rate: HIGH + 3, consumer_byte_rate: HIGH + 3 } },
        { entity: { clientId }, values: { request_percentage: 250 } },
      ]),
    );
    expect(entries).toHaveLength(4);

    // What the broker stores resolves as Kafka's documented order says.
    const resolved = resolveQuotas(entries, user, clientId, ['producer_byte_rate', 'consumer_byte_rate', 'request_percentage', 'controller_mutation_rate']);
    expect(resolved.map((r) => [r.key, r.level, r.value])).toEqual([
      ['producer_byte_rate', 1, HIGH + 1],
      ['consumer_byte_rate', 2, HIGH + 2],
      ['request_percentage', 7, 250],
      ['controller_mutation_rate', null, null],
    ]);
  });

  it('validates without changing, refuses a bad value, and removes values', async () => {
    await app.call('quotas.alter', { connectionId, entity: { user }, values: { producer_byte_rate: 5 }, validateOnly: true });
    expect((await mine()).find((e) => e.entity.user === user && e.entity.clientId === undefined)?.values.producer_byte_rate).toBe(HIGH + 3);
    await expect(app.call('quotas.alter', { connectionId, entity: { user }, values: { producer_byte_rate: -1 } })).rejects.toThrow(/Invalid request/);
    await app.call('quotas.alter', { connectionId, entity: { user }, values: { producer_byte_rate: null, consumer_byte_rate: null, request_percentage: null } });
    expect((await mine()).find((e) => e.entity.user === user && e.entity.clientId === undefined)).toBeUndefined();
  });

  it('is refused on a read-only connection', async () => {
    const ro = (await app.call('connection.connect', { config: { brokers: sharedBootstrap().split(','), readOnly: true } })).connectionId;
    await expect(app.call('quotas.alter', { connectionId: ro, entity: { user }, values: { producer_byte_rate: 1 } })).rejects.toThrow(/read-only/);
  });
});
