import { describe, expect, it } from 'vitest';
import { draftFromForm, emptyForm, formFromProfile, looksLikeProduction } from './profile-form-state';

describe('profile form state', () => {
  it('turns typed fields into a draft and leaves empty secrets out (main keeps the stored ones)', () => {
    const form = { ...emptyForm(), name: ' Staging ', brokers: 'a:9092, b:9092', auth: 'scram-sha-256' as const, username: 'alice', tls: true, caFile: '/ca.pem', connectionTimeoutS: '4' };
    expect(draftFromForm(form)).toEqual({
      profile: {
        name: 'Staging',
        color: '#4f7cff',
        brokers: ['a:9092', 'b:9092'],
        clientId: 'kafka-explorer',
        readOnly: false,
        connectionTimeoutMs: 4000,
        requestTimeoutMs: 30000,
        sasl: { mechanism: 'scram-sha-256', username: 'alice' },
        tls: { caFile: '/ca.pem', skipVerify: false },
      },
      secrets: {},
    });
  });

  it('round-trips a saved profile without its secrets', () => {
    const view = { id: 'p1', name: 'n', color: '#e5484d', brokers: ['a:1'], clientId: 'c', readOnly: true, connectionTimeoutMs: 2000, requestTimeoutMs: 5000, sasl: { mechanism: 'plain' as const, username: 'u' }, storedSecrets: ['password' as const] };
    const { profile, secrets } = draftFromForm(formFromProfile(view));
    expect(profile).toEqual({ id: 'p1', name: 'n', color: '#e5484d', brokers: ['a:1'], clientId: 'c', readOnly: true, connectionTimeoutMs: 2000, requestTimeoutMs: 5000, sasl: { mechanism: 'plain', username: 'u' } });
    expect(secrets).toEqual({});
  });

  it('suggests read-only for names and addresses that look like production', () => {
    expect(looksLikeProduction('Orders PROD', '')).toBe(true);
    expect(looksLikeProduction('orders', 'kafka.prd.example.com:9092')).toBe(true);
    expect(looksLikeProduction('Local', 'localhost:9092')).toBe(false);
    expect(looksLikeProduction('Products dev', 'localhost:9092')).toBe(false);
  });
});
