import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnectionConfig } from '../../../shared/api';
import { kafkaErrorData } from './errors';
import { toKafkajsSecurity } from './security-config';

const dir = mkdtempSync(join(tmpdir(), 'ke-sec-'));
const pem = (name: string) => {
  const file = join(dir, name);
  writeFileSync(file, `-----BEGIN CERTIFICATE-----\n${name}\n-----END CERTIFICATE-----\n`);
  return file;
};

describe('toKafkajsSecurity', () => {
  it('leaves security off when the profile has none', () => {
    expect(toKafkajsSecurity({})).toEqual({});
  });

  it('uses the system CAs for TLS without a CA file, and reads CA, certificate and key for mutual TLS', () => {
    expect(toKafkajsSecurity({ tls: { skipVerify: false } }).ssl).toBe(true);
    const ssl = toKafkajsSecurity({ tls: { caFile: pem('ca.pem'), certFile: pem('c.pem'), keyFile: pem('k.pem'), keyPassphrase: 'pp', skipVerify: false } }).ssl as Record<string, unknown>;
    expect(ssl.ca).toEqual([expect.stringContaining('ca.pem')]);
    expect(ssl.cert).toContain('c.pem');
    expect(ssl.key).toContain('k.pem');
    expect(ssl.passphrase).toBe('pp');
    expect(ssl.rejectUnauthorized).toBeUndefined();
  });

  it('turns both certificate and host-name checks off for "do not verify"', () => {
    const ssl = toKafkajsSecurity({ tls: { skipVerify: true } }).ssl as { rejectUnauthorized: boolean; checkServerIdentity: () => unknown };
    expect(ssl.rejectUnauthorized).toBe(false);
    expect(ssl.checkServerIdentity()).toBeUndefined();
  });

  it('hands kafkajs a static OAUTHBEARER token through a provider', async () => {
    const sasl = toKafkajsSecurity({ sasl: { mechanism: 'oauthbearer', token: 'eyJ.static.token' } }).sasl as { mechanism: string; oauthBearerProvider: () => Promise<{ value: string }> };
    expect(sasl.mechanism).toBe('oauthbearer');
    await expect(sasl.oauthBearerProvider()).resolves.toEqual({ value: 'eyJ.static.token' });
  });

  it('refuses a file that is not PEM, naming it', () => {
    const file = join(dir, 'store.p12');
    writeFileSync(file, Buffer.from([0x30, 0x82, 0x01]));
    expect(() => toKafkajsSecurity({ tls: { caFile: file, skipVerify: false } })).toThrow(/store\.p12 is not PEM/);
  });
});

describe('ConnectionConfig security schema', () => {
  it('needs both certificate and key for mutual TLS', () => {
    const r = ConnectionConfig.safeParse({ brokers: ['a:1'], tls: { certFile: '/c.pem' } });
    expect(r.success).toBe(false);
  });
});

describe('kafkaErrorData for SASL and TLS failures', () => {
  it('reads kafkajs’ SCRAM failure as wrong credentials, although its text mentions the mechanism', () => {
    const e = { name: 'KafkaJSSASLAuthenticationError', message: 'SASL SCRAM SHA256 authentication failed: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256' };
    expect(kafkaErrorData(e).code).toBe('SASL_AUTHENTICATION_FAILED');
  });

  it('names an untrusted certificate and a certificate for another host', () => {
    expect(kafkaErrorData({ name: 'KafkaJSConnectionError', message: 'Connection error: self-signed certificate in certificate chain', code: 'SELF_SIGNED_CERT_IN_CHAIN' }).code).toBe('TLS_UNTRUSTED_CERTIFICATE');
    expect(kafkaErrorData({ name: 'KafkaJSConnectionError', message: "Connection error: Hostname/IP does not match certificate's altnames", code: 'ERR_TLS_CERT_ALTNAME_INVALID' }).code).toBe(
      'TLS_HOSTNAME_MISMATCH',
    );
    expect(kafkaErrorData({ name: 'KafkaJSConnectionError', message: 'Connection error: certificate has expired', code: 'CERT_HAS_EXPIRED' }).code).toBe('TLS_CERTIFICATE_EXPIRED');
  });
});
