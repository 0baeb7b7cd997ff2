import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('secured test cluster (harness)', () => {
  let cluster: RunningCluster;
  beforeAll(async () => {
    cluster = await startCluster({ security: true });
  });
  afterAll(async () => {
    await cluster?.stop();
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
