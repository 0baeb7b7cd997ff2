import type { ConnectionConfig, ConnectionTestResult, TestStep, TestStepName } from '../../../shared/api';
import { AppError, type AppErrorData } from '../../../shared/errors';
import type { Logger } from '../../log';
import { resolveHost, splitAddress, tcpConnect, tlsHandshake } from '../../kafka/network-probe';
import { kafkaErrorData } from '../../kafka/kafkajs/errors';
import type { KafkaClientFactory } from '../connections/connection-manager';
import { probeRegistry, registryClientFor } from '../../schemas/registry-for-connection';
import { probeConnectClusters } from '../connect-clusters/connect-probe';

/**
 * Tests a connection one step at a time — address resolution, TCP, TLS, SASL, metadata — and
 * stops at the first that fails, so the user learns which layer is wrong. Every step is
 * bounded by the connection timeout; `onStep` reports each step as it starts and ends.
 */
export async function testConnection(
  config: ConnectionConfig,
  deps: { createClient: KafkaClientFactory; log: Logger; onStep: (step: TestStep) => void; signal?: AbortSignal },
): Promise<ConnectionTestResult> {
  const steps: TestStep[] = [];
  const timeout = config.connectionTimeoutMs;
  const record = (step: TestStep) => {
    const at = steps.findIndex((s) => s.step === step.step);
    if (at >= 0) steps[at] = step;
    else steps.push(step);
    deps.onStep(step);
  };
  const run = async <T>(step: TestStepName, detail: string, work: () => Promise<T>, describe: (value: T) => string): Promise<T | null> => {
    if (deps.signal?.aborted) throw deps.signal.reason;
    record({ step, status: 'running', detail });
    const started = Date.now();
    try {
      const value = await work();
      record({ step, status: 'ok', detail: describe(value), ms: Date.now() - started });
      return value;
    } catch (error) {
      const data: AppErrorData = AppError.is(error) ? error.toData() : kafkaErrorData(error);
      record({ step, status: 'failed', detail, error: data, ms: Date.now() - started });
      return null;
    }
  };
  const skip = (...names: TestStepName[]) => names.forEach((step) => record({ step, status: 'skipped' }));
  const done = (): ConnectionTestResult => {
    const failed = steps.find((s) => s.status === 'failed');
    return { ok: !failed, failedStep: failed?.step ?? null, steps };
  };

  const addresses = config.brokers.map(splitAddress);
  const resolved = await run(
    'resolve',
    addresses.map((a) => a.host).join(', '),
    async () => {
      const results = await Promise.allSettled(addresses.map(async (a) => ({ ...a, ips: await resolveHost(a.host, timeout) })));
      const ok = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      if (ok.length === 0) throw (results[0] as PromiseRejectedResult).reason;
      return ok;
    },
    (ok) => ok.map((a) => `${a.host} → ${a.ips[0]}`).join(', '),
  );
  if (!resolved) return skip('tcp', 'tls', 'sasl', 'metadata', 'registry', 'connect'), done();

  const reachable = await run(
    'tcp',
    resolved.map((a) => `${a.host}:${a.port}`).join(', '),
    async () => {
      const results = await Promise.allSettled(resolved.map(async (a) => (await tcpConnect(a.host, a.port, timeout), a)));
      const ok = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      if (ok.length === 0) throw (results[0] as PromiseRejectedResult).reason;
      return ok[0]!;
    },
    (a) => `connected to ${a.host}:${a.port}`,
  );
  if (!reachable) return skip('tls', 'sasl', 'metadata', 'registry', 'connect'), done();

  if (config.tls) {
    const tls = config.tls;
    const handshake = await run('tls', `${reachable.host}:${reachable.port}${tls.skipVerify ? ' (certificate NOT verified)' : ''}`, () => tlsHandshake(reachable.host, reachable.port, tls, timeout), (s) => s);
    if (handshake === null) return skip('sasl', 'metadata', 'registry', 'connect'), done();
  } else {
    skip('tls');
  }

  const client = deps.createClient(config, deps.log);
  try {
    if (config.sasl) {
      const who = config.sasl.mechanism === 'oauthbearer' ? 'token' : config.sasl.username;
      const auth = await run('sasl', `SASL/${config.sasl.mechanism.toUpperCase()} as ${who}`, () => client.authenticate(), () => `authenticated as ${who}`);
      if (auth === null) return skip('metadata', 'registry', 'connect'), done();
    } else {
      skip('sasl');
    }
    await run(
      'metadata',
      'cluster metadata',
      async () => {
        await client.connect();
        return client.describeCluster();
      },
      (d) => `${d.brokers.length} broker${d.brokers.length === 1 ? '' : 's'}${d.clusterId ? `, cluster id ${d.clusterId}` : ''}`,
    );
    const registry = config.schemaRegistry;
    if (registry) {
      await run('registry', registry.urls.join(', '), async () => probeRegistry(await registryClientFor(registry, timeout)), (s) => s);
    } else {
      skip('registry');
    }
    const connect = config.connectClusters ?? [];
    if (connect.length > 0) {
      await run('connect', connect.map((c) => `${c.name} ${c.url}`).join(', '), () => probeConnectClusters(connect, timeout), (s) => s);
    } else {
      skip('connect');
    }
    return done();
  } finally {
    await client.close();
  }
}
