import { describe, expect, it } from 'vitest';
import { ConnectionConfig } from '../../../shared/api';
import { profileFromConnection } from './profile-from-connection';
import { toConnectionConfig } from './profile-service';

describe('profileFromConnection', () => {
  it('splits a secured connection into a profile without secrets and its secrets, and joins back to the same settings', () => {
    const config = ConnectionConfig.parse({
      name: 'prod',
      brokers: ['k1:9093', 'k2:9093'],
      readOnly: true,
      tls: { caFile: '/ca.pem', certFile: '/c.pem', keyFile: '/k.pem', keyPassphrase: 'kp' },
      sasl: { mechanism: 'scram-sha-512', username: 'alice', password: 'pw' },
      schemaRegistry: { urls: ['https://sr:8081'], auth: { kind: 'basic', username: 'bob', password: 'srpw' } },
    });
    const { draft, secrets } = profileFromConnection(config, { name: 'Prod', color: '#112233' });
    expect(JSON.stringify(draft)).not.toMatch(/"pw"|srpw|"kp"/);
    expect(secrets).toEqual({ password: 'pw', keyPassphrase: 'kp', registryPassword: 'srpw' });
    expect(draft).toMatchObject({ name: 'Prod', color: '#112233', sasl: { mechanism: 'scram-sha-512', username: 'alice' }, schemaRegistry: { auth: 'basic', username: 'bob' } });
    expect(toConnectionConfig(draft, secrets)).toEqual({ ...config, name: 'Prod' });
  });

  it('keeps an OAUTHBEARER token and a bearer registry token as secrets', () => {
    const config = ConnectionConfig.parse({ brokers: ['k:9092'], sasl: { mechanism: 'oauthbearer', token: 't0k' }, schemaRegistry: { urls: ['http://sr'], auth: { kind: 'bearer', token: 'rt' } } });
    const { draft, secrets } = profileFromConnection(config, { name: 'k:9092' });
    expect(secrets).toEqual({ token: 't0k', registryToken: 'rt' });
    expect(draft.sasl).toEqual({ mechanism: 'oauthbearer', username: '' });
    expect(draft.color).toBe('#4f7cff');
    expect(toConnectionConfig(draft, secrets)).toEqual({ ...config, name: 'k:9092' });
  });
});
