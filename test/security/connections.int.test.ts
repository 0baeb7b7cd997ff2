import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionConfigInput } from '../../src/shared/api';
import { AppError } from '../../src/shared/errors';
import { startTestApp, type TestApp } from '../support/app';
import { startCluster, type RunningCluster } from '../support/kafka';

const run = promisify(execFile);

/** kcat -L through one listener: the independent client proves the harness' listeners work. */
async function kcatMetadata(port: number, props: Record<string, string>): Promise<string> {
  const args = ['-L', '-b', `127.0.0.1:${port}`, '-m', '3', ...Object.entries(props).flatMap(([k, v]) => ['-X', `${k}=${v}`])];
  const { stdout, stderr } = await run('kcat', args, { timeout: 20_000 }).catch((error: { stdout?: string; stderr?: string }) => ({
    stdout: error.stdout ?? '',
    stderr: error.stderr ?? '',
  }));
  return stdout + stderr;
}

describe('secured cluster: harness listeners (kcat) and the app connecting through each', () => {
  let cluster: RunningCluster;
  let app: TestApp;
  beforeAll(async () => {
    cluster = await startCluster({ security: true });
    app = startTestApp();
  });
  afterAll(async () => {
    await app?.close();
    await cluster?.stop();
  });

  const TIMEOUT_MS = 4000;
  /** Connects through the real dispatcher; returns the connection info or the AppError, and how long it took. */
  async function connect(config: Omit<ConnectionConfigInput, 'connectionTimeoutMs'>) {
    const started = Date.now();
    try {
      const info = await app.call('connection.connect', { config: { connectionTimeoutMs: TIMEOUT_MS, ...config } });
      await app.call('connection.disconnect', { connectionId: info.connectionId });
      return { info, ms: Date.now() - started };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { error, ms: Date.now() - started };
    }
  }
  const sasl = () => [`127.0.0.1:${cluster.security!.saslPort}`];
  const ssl = () => [`127.0.0.1:${cluster.security!.sslPort}`];
  const mtls = () => [`127.0.0.1:${cluster.security!.mtlsPort}`];

  it.each(['plain', 'scram-sha-256', 'scram-sha-512'] as const)('connects with SASL/%s', async (mechanism) => {
    const { alice } = cluster.security!;
    const { info, error } = await connect({ brokers: sasl(), sasl: { mechanism, username: alice.username, password: alice.password } });
    expect(error).toBeUndefined();
    expect(info!.securityProtocol).toBe('SASL_PLAINTEXT');
    expect(info!.clusterId).toBe(cluster.clusterId);
  });

  it.each(['plain', 'scram-sha-256', 'scram-sha-512'] as const)('says "wrong credentials" (not "wrong mechanism") for a bad SASL/%s password, within the timeout', async (mechanism) => {
    const { error, ms } = await connect({ brokers: sasl(), sasl: { mechanism, username: 'alice', password: 'not-her-password' } });
    expect(error?.code).toBe('SASL_AUTHENTICATION_FAILED');
    expect(error?.hint).toMatch(/user name, password/);
    expect(error?.message).not.toContain('not-her-password');
    expect(ms).toBeLessThan(TIMEOUT_MS + 2000);
  });

  it('says "wrong mechanism" when the listener does not enable the mechanism', async () => {
    const { error, ms } = await connect({ brokers: sasl(), sasl: { mechanism: 'oauthbearer', token: 'static-token' } });
    expect(error?.code).toBe('UNSUPPORTED_SASL_MECHANISM');
    expect(ms).toBeLessThan(TIMEOUT_MS + 2000);
  });

  it('says the listener expects SASL/TLS when connecting without security to the SASL port', async () => {
    const { error, ms } = await connect({ brokers: sasl() });
    expect(error?.code).toBe('CONNECTION_CLOSED');
    expect(error?.hint).toMatch(/SASL or TLS/);
    expect(ms).toBeLessThan(TIMEOUT_MS + 2000);
  });

  it('connects with SASL/SCRAM-SHA-512 over TLS (SASL_SSL)', async () => {
    const sec = cluster.security!;
    const { info, error } = await connect({
      brokers: [`127.0.0.1:${sec.saslSslPort}`],
      tls: { caFile: sec.caFile },
      sasl: { mechanism: 'scram-sha-512', username: sec.alice.username, password: sec.alice.password },
    });
    expect(error).toBeUndefined();
    expect(info!.securityProtocol).toBe('SASL_SSL');
  });

  it('connects with TLS and the cluster CA, and with "do not verify" (flagged) without it', async () => {
    const verified = await connect({ brokers: ssl(), tls: { caFile: cluster.security!.caFile } });
    expect(verified.info?.securityProtocol).toBe('SSL');
    expect(verified.info?.tlsUnverified).toBe(false);
    const unverified = await connect({ brokers: ssl(), tls: { skipVerify: true } });
    expect(unverified.info?.tlsUnverified).toBe(true);
  });

  it('names an untrusted certificate when only the system CAs are used', async () => {
    const { error, ms } = await connect({ brokers: ssl(), tls: {} });
    expect(error?.code).toBe('TLS_UNTRUSTED_CERTIFICATE');
    expect(error?.hint).toMatch(/CA certificate/);
    expect(ms).toBeLessThan(TIMEOUT_MS + 2000);
  });

  it('connects with mutual TLS, and says a client certificate is required without one', async () => {
    const sec = cluster.security!;
    const ok = await connect({ brokers: mtls(), tls: { caFile: sec.caFile, certFile: sec.clientCertFile, keyFile: sec.clientKeyFile } });
    expect(ok.error).toBeUndefined();
    const { error, ms } = await connect({ brokers: mtls(), tls: { caFile: sec.caFile } });
    expect(error?.code).toBe('TLS_CLIENT_CERTIFICATE_REJECTED');
    expect(ms).toBeLessThan(TIMEOUT_MS + 2000);
  });

  it('names a missing CA file before touching the network', async () => {
    const { error } = await connect({ brokers: ssl(), tls: { caFile: '/nonexistent/ca.pem' } });
    expect(error?.message).toMatch(/Cannot read the CA certificate file \/nonexistent\/ca.pem/);
  });

  it('says an unreachable host is refused or does not resolve, within the timeout', async () => {
    const refused = await connect({ brokers: ['127.0.0.1:1'] });
    expect(refused.error?.code).toBe('ECONNREFUSED');
    expect(refused.ms).toBeLessThan(TIMEOUT_MS + 2000);
    const unknown = await connect({ brokers: ['no-such-host.invalid:9092'] });
    expect(['ENOTFOUND', 'EAI_AGAIN']).toContain(unknown.error?.code);
    expect(unknown.ms).toBeLessThan(TIMEOUT_MS + 2000);
  });

  it('serves SASL/PLAIN and rejects a wrong password', async () => {
    const sec = cluster.security!;
    const base = { 'security.protocol': 'SASL_PLAINTEXT', 'sasl.mechanism': 'PLAIN', 'sasl.username': sec.alice.username };
    expect(await kcatMetadata(sec.saslPort, { ...base, 'sasl.password': sec.alice.password })).toContain(`sasl_plaintext://127.0.0.1:${sec.saslPort}`);
    expect(await kcatMetadata(sec.saslPort, { ...base, 'sasl.password': 'nope' })).toMatch(/Invalid username or password/);
  });

  it('serves TLS with the harness CA, and mutual TLS only with the client certificate', async () => {
    const sec = cluster.security!;
    expect(await kcatMetadata(sec.sslPort, { 'security.protocol': 'SSL', 'ssl.ca.location': sec.caFile })).toContain(`ssl://127.0.0.1:${sec.sslPort}`);
    const mtls = { 'security.protocol': 'SSL', 'ssl.ca.location': sec.caFile };
    expect(await kcatMetadata(sec.mtlsPort, { ...mtls, 'ssl.certificate.location': sec.clientCertFile, 'ssl.key.location': sec.clientKeyFile })).toContain(
      `ssl://127.0.0.1:${sec.mtlsPort}`,
    );
    expect(await kcatMetadata(sec.mtlsPort, mtls)).toMatch(/bad certificate|certificate required|handshake/i);
  });
});
