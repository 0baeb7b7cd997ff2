import { describe, expect, it } from 'vitest';
import { resolveQuotas, type QuotaEntry } from './resolve';

const q = (user: string | null | undefined, clientId: string | null | undefined, producer: number): QuotaEntry => ({
  entity: { ...(user !== undefined ? { user } : {}), ...(clientId !== undefined ? { clientId } : {}) },
  values: { producer_byte_rate: producer },
});
const producerFor = (entries: QuotaEntry[], user: string, clientId: string) => resolveQuotas(entries, user, clientId, ['producer_byte_rate'])[0]!;

/** The order of Kafka's documentation ("Quotas" in the ops guide), one level removed at a time. */
describe('quota resolver: Kafka’s precedence', () => {
  const all = [q('alice', 'app', 1), q('alice', null, 2), q('alice', undefined, 3), q(null, 'app', 4), q(null, null, 5), q(null, undefined, 6), q(undefined, 'app', 7), q(undefined, null, 8)];

  it('takes the most specific entity, then each next level in turn', () => {
    for (let level = 1; level <= 8; level++) {
      const r = producerFor(all.slice(level - 1), 'alice', 'app');
      expect([r.level, r.value]).toEqual([level, level]);
    }
    expect(producerFor([], 'alice', 'app')).toMatchObject({ value: null, level: null });
  });

  it('ignores entities of other users and client ids', () => {
    const r = producerFor([q('bob', 'app', 1), q('alice', 'other', 2), q(undefined, 'other', 3), q(null, undefined, 6)], 'alice', 'app');
    expect([r.level, r.value]).toEqual([6, 6]);
  });

  it('prefers a user quota over a client-id quota, and says who shares it', () => {
    const r = producerFor([q(undefined, 'app', 7), q('alice', undefined, 3)], 'alice', 'app');
    expect(r).toMatchObject({ level: 3, value: 3 });
    expect(r.why).toBe('Level 3: set on user alice, shared by every client id of user alice.');
    const c = producerFor([q(undefined, 'app', 7)], 'bob', 'app');
    expect(c.why).toBe('Level 7: set on client id app, shared by every user connecting with client id app.');
  });

  it('resolves each quota type on its own', () => {
    const entries: QuotaEntry[] = [
      { entity: { user: 'alice' }, values: { consumer_byte_rate: 100 } },
      { entity: { clientId: null }, values: { producer_byte_rate: 50, consumer_byte_rate: 10 } },
    ];
    const [producer, consumer] = resolveQuotas(entries, 'alice', 'app', ['producer_byte_rate', 'consumer_byte_rate']);
    expect([producer!.level, producer!.value, consumer!.level, consumer!.value]).toEqual([8, 50, 3, 100]);
  });
});
