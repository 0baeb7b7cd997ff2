import { describe, expect, it } from 'vitest';
import { ProfileDraft } from '../../../shared/api';
import { exportProperties, importProfile } from './profile-files';

describe('importProfile', () => {
  it('reads a Java client .properties with SASL_SSL, SCRAM in the JAAS line and PEM stores', () => {
    const text = [
      '# Confluent-style client config',
      'bootstrap.servers=pkc-1.example.com:9092, pkc-2.example.com:9092',
      'security.protocol=SASL_SSL',
      'sasl.mechanism=SCRAM-SHA-512',
      'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\',
      '   username="svc-orders" password="s3cr=t\\"x";',
      'ssl.truststore.type=PEM',
      'ssl.truststore.location=/etc/kafka/ca.pem',
      'ssl.keystore.type=PEM',
      'ssl.keystore.location=/etc/kafka/client.pem',
      'ssl.key.password=kp',
      'client.id=orders-debug',
      'acks=all',
    ].join('\n');
    const { draft, secrets, ignored } = importProfile('properties', text, 'Prod');
    expect(draft).toEqual({
      name: 'Prod',
      brokers: ['pkc-1.example.com:9092', 'pkc-2.example.com:9092'],
      clientId: 'orders-debug',
      sasl: { mechanism: 'scram-sha-512', username: 'svc-orders' },
      tls: { caFile: '/etc/kafka/ca.pem', certFile: '/etc/kafka/client.pem', keyFile: '/etc/kafka/client.pem' },
    });
    expect(secrets).toEqual({ password: 's3cr=t"x', keyPassphrase: 'kp' });
    expect(ignored).toEqual(['acks']);
  });

  it('says which Java stores it cannot use (JKS)', () => {
    const { draft, ignored } = importProfile('properties', 'bootstrap.servers=a:9093\nsecurity.protocol=SSL\nssl.truststore.location=/x.jks\nssl.truststore.password=changeit');
    expect(draft.tls).toEqual({});
    expect(ignored.join(' ')).toMatch(/ssl.truststore.location \(JKS/);
    expect(ignored.join(' ')).toMatch(/ssl.truststore.password \(secret, not used\)/);
  });

  it('reads a kcat -F config (librdkafka names)', () => {
    const text = 'metadata.broker.list=b1:9096\nsecurity.protocol=sasl_ssl\nsasl.mechanisms=PLAIN\nsasl.username=u\nsasl.password=p\nssl.ca.location=/ca.pem\nenable.ssl.certificate.verification=false\n';
    const { draft, secrets } = importProfile('kcat', text);
    expect(draft).toMatchObject({ brokers: ['b1:9096'], sasl: { mechanism: 'plain', username: 'u' }, tls: { caFile: '/ca.pem', skipVerify: true } });
    expect(secrets).toEqual({ password: 'p' });
  });
});

describe('exportProperties', () => {
  it('writes no secret, and reads back to the same profile', () => {
    const profile = { ...ProfileDraft.parse({ name: 'Staging', brokers: ['s1:9092'], sasl: { mechanism: 'scram-sha-256', username: 'alice' }, tls: { caFile: '/ca.pem' } }), id: 'p1' };
    const text = exportProperties(profile);
    expect(text).toContain('password="<password>"');
    const back = importProfile('properties', text, 'Staging');
    expect(ProfileDraft.parse(back.draft)).toEqual(ProfileDraft.parse({ ...profile, id: undefined }));
    expect(back.secrets).toEqual({ password: '<password>' });
  });
});

describe('OAUTHBEARER with OIDC client credentials in a Java client .properties', () => {
  it('imports the token endpoint, client id, scope and extensions; the secret apart', () => {
    const text = [
      'bootstrap.servers=pkc-1.example.com:9092',
      'security.protocol=SASL_SSL',
      'sasl.mechanism=OAUTHBEARER',
      'sasl.oauthbearer.token.endpoint.url=https://idp.example.com/oauth2/token',
      'sasl.login.callback.handler.class=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler',
      'sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required clientId="svc" clientSecret="cs-1" scope="kafka" extension_logicalCluster="lkc-1";',
    ].join('\n');
    const imported = importProfile('properties', text, 'cloud');
    expect(imported.draft.sasl).toEqual({ mechanism: 'oauthbearer', username: '', oauth: { provider: 'oidc-client-credentials', tokenUrl: 'https://idp.example.com/oauth2/token', clientId: 'svc', scope: 'kafka', extensions: { logicalCluster: 'lkc-1' } } });
    expect(imported.secrets).toEqual({ oauthClientSecret: 'cs-1' });
  });

  it('exports without the secret and reads back to the same profile', () => {
    const profile = ProfileDraft.parse({ name: 'cloud', brokers: ['k:9092'], sasl: { mechanism: 'oauthbearer', oauth: { provider: 'oidc-client-credentials', tokenUrl: 'https://idp/token', clientId: 'svc', scope: 'kafka', extensions: { logicalCluster: 'lkc-1' } } } });
    const text = exportProperties({ ...profile, id: 'p1' });
    expect(text).toContain('clientSecret="<client secret>"');
    const back = importProfile('properties', text, 'cloud');
    expect(back.secrets).toEqual({});
    expect(ProfileDraft.parse(back.draft).sasl).toEqual(profile.sasl);
  });
});
