import type { ConnectionConfig, ConnectionTestResult, TestStep, TestStepName } from '../../../shared/api';
import { AppError, type AppErrorData } from '../../../shared/errors';
import type { Logger } from '../../log';
import { resolveHost, splitAddress, tcpConnect, tlsHandshake } from '../../kafka/network-probe';
import { kafkaErrorData } from '../../kafka/kafkajs/errors';
import type { KafkaClientFactory } from '../connections/connection-manager';
import { probeRegistry, registryClientFor } from '../../schemas/registry-for-connection';
import { routeFor } from '../../network/route-registry';
import { formatAddress } from '../../network/address-map';
import { SshHostKeyError } from '../../network/ssh-errors';
import { checkAdvertised } from './advertised-check';
import { probeConnectClusters } from '../connect-clusters/connect-probe';
import { tokenProviderFor } from '../../kafka/oauth/token-provider-for';
import { describeToken, tokenFacts } from '../../kafka/oauth/token-facts';

/** Rejects with a TIMEOUT AppError when `work` takes longer than `ms`. */
async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new AppError({ name: 'OAuthTokenError', code: 'OAUTH_ENDPOINT_UNREACHABLE', message, retriable: true })), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Tests a connection one step at a time — SSH, address resolution, TCP, TLS, token, SASL, metadata,
 * the advertised brokers — and stops at the first that fails, so the user learns which layer is
 * wrong. Every step is bounded by the connection timeout; `onStep` reports each step as it
 * starts and ends. Through an SSH tunnel or proxy every step after the first runs through it.
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
      record({ step, status: 'failed', detail, error: data, ms: Date.now() - started, ...(error instanceof SshHostKeyError ? { hostKey: error.hostKey } : {}) });
      return null;
    }
  };
  const skip = (...names: TestStepName[]) => names.forEach((step) => record({ step, status: 'skipped' }));
  const done = (): ConnectionTestResult => {
    const failed = steps.find((s) => s.status === 'failed');
    return { ok: !failed, failedStep: failed?.step ?? null, steps };
  };

  // The client below shares this route (one SSH connection) and closes it when it closes.
  const route = routeFor(config);
  const client = deps.createClient(config, deps.log);
  const through = route && route.via !== 'direct' ? ` through ${route.via}` : '';
  try {
    if (route?.ssh) {
      const tunnel = route.ssh;
      const ok = await run('ssh', `SSH to ${tunnel.name}`, () => tunnel.check(), (s) => `${s.describe}, host key ${s.hostKey.keyType} ${s.hostKey.fingerprint}`);
      if (!ok) return skip('resolve', 'tcp', 'tls', 'token', 'sasl', 'metadata', 'brokers', 'registry', 'connect'), done();
    } else {
      skip('ssh');
    }

    const addresses = config.brokers.map(splitAddress).map((a) => ({ ...a, target: route ? route.target(a.host, a.port) : a }));
    const mapped = (a: (typeof addresses)[number]) => (a.target.host !== a.host || a.target.port !== a.port ? `${formatAddress(a)} → ${formatAddress(a.target)}` : formatAddress(a));
    if (route && !route.resolvesLocally) {
      record({ step: 'resolve', status: 'skipped', detail: `names are resolved by ${route.via}` });
    } else {
      const resolved = await run(
        'resolve',
        addresses.map((a) => a.target.host).join(', '),
        async () => {
          const results = await Promise.allSettled(addresses.map(async (a) => ({ ...a, ips: await resolveHost(a.target.host, timeout) })));
          const ok = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
          if (ok.length === 0) throw (results[0] as PromiseRejectedResult).reason;
          return ok;
        },
        (ok) => ok.map((a) => `${a.target.host} → ${a.ips[0]}`).join(', '),
      );
      if (!resolved) return skip('tcp', 'tls', 'token', 'sasl', 'metadata', 'brokers', 'registry', 'connect'), done();
    }

    const reachable = await run(
      'tcp',
      `${addresses.map(mapped).join(', ')}${through}`,
      async () => {
        const results = await Promise.allSettled(
          addresses.map(async (a) => {
            if (route) (await route.open(a.host, a.port)).destroy();
            else await tcpConnect(a.host, a.port, timeout);
            return a;
          }),
        );
        const ok = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
        if (ok.length === 0) throw (results[0] as PromiseRejectedResult).reason;
        return ok[0]!;
      },
      (a) => `connected to ${mapped(a)}${through}`,
    );
    if (!reachable) return skip('tls', 'token', 'sasl', 'metadata', 'brokers', 'registry', 'connect'), done();

    if (config.tls) {
      const tls = config.tls;
      const handshake = await run(
        'tls',
        `${formatAddress(reachable)}${tls.skipVerify ? ' (certificate NOT verified)' : ''}`,
        async () => tlsHandshake(reachable.host, reachable.port, tls, timeout, route ? await route.open(reachable.host, reachable.port) : undefined),
        (s) => s,
      );
      if (handshake === null) return skip('token', 'sasl', 'metadata', 'brokers', 'registry', 'connect'), done();
    } else {
      skip('tls');
    }

    const tokens = tokenProviderFor(config, deps.log);
    let principal: string | undefined;
    if (tokens) {
      const provider = tokens;
      const where = provider.endpoint ? `${provider.name} from ${provider.endpoint}${provider.scope ? `, scope ${provider.scope}` : ''}` : provider.name;
      record({ step: 'token', status: 'running', detail: where });
      const started = Date.now();
      try {
        const token = await withTimeout(provider.token(), timeout + 2_000, `No token from ${provider.endpoint ?? provider.name} within ${Math.round((timeout + 2_000) / 1000)} s.`);
        const facts = tokenFacts(provider, token);
        principal = facts.subject;
        record({ step: 'token', status: 'ok', detail: describeToken(facts), ms: Date.now() - started, token: facts });
      } catch (error) {
        const data: AppErrorData = AppError.is(error) ? error.toData() : kafkaErrorData(error);
        record({ step: 'token', status: 'failed', detail: where, error: data, ms: Date.now() - started, token: tokenFacts(provider) });
        return skip('sasl', 'metadata', 'brokers', 'registry', 'connect'), done();
      }
    } else {
      skip('token');
    }

    if (config.sasl) {
      const who = config.sasl.mechanism === 'oauthbearer' ? (principal ? `token for ${principal}` : 'token') : config.sasl.username;
      const auth = await run('sasl', `SASL/${config.sasl.mechanism.toUpperCase()} as ${who}`, () => client.authenticate(), () => `authenticated as ${who}`);
      if (auth === null) return skip('metadata', 'brokers', 'registry', 'connect'), done();
    } else {
      skip('sasl');
    }
    const cluster = await run(
      'metadata',
      'cluster metadata',
      async () => {
        await client.connect();
        return client.describeCluster();
      },
      (d) => `${d.brokers.length} broker${d.brokers.length === 1 ? '' : 's'}${d.clusterId ? `, cluster id ${d.clusterId}` : ''}`,
    );
    // When the metadata could not be read, the reason is often the advertised addresses: check them anyway.
    const advertised = cluster?.brokers ?? (await client.advertisedBrokers?.().catch(() => []));
    if (advertised?.length) await checkBrokers(advertised, reachable.target);
    else skip('brokers');
    const registry = config.schemaRegistry;
    if (registry) {
      await run('registry', registry.urls.join(', '), async () => probeRegistry(await registryClientFor(registry, timeout, route)), (s) => s);
    } else {
      skip('registry');
    }
    // Connect workers, like the registry, are reached through the route (tunnel, proxy, mapping).
    const connect = config.connectClusters ?? [];
    if (connect.length > 0) {
      await run('connect', connect.map((c) => `${c.name} ${c.url}`).join(', '), () => probeConnectClusters(connect, timeout, route), (s) => s);
    } else {
      skip('connect');
    }
    return done();
  } finally {
    await client.close();
  }

  /** Each advertised broker, as the app will reach it; a failure names the address and offers a mapping. */
  async function checkBrokers(brokers: { nodeId: number; host: string; port: number }[], bootstrap: { host: string; port: number }) {
    const detail = brokers.map((b) => formatAddress(b)).join(', ');
    record({ step: 'brokers', status: 'running', detail });
    const started = Date.now();
    const { findings, suggestedMapping } = await checkAdvertised(config, brokers, bootstrap, route);
    const ms = Date.now() - started;
    if (findings.length === 0) return record({ step: 'brokers', status: 'ok', detail: `${brokers.length} advertised address${brokers.length === 1 ? '' : 'es'} answer${through}`, ms });
    const first = findings[0]!;
    record({
      step: 'brokers',
      status: 'failed',
      detail,
      ms,
      unreachable: findings,
      suggestedMapping,
      error: {
        name: 'AdvertisedAddressError',
        code: 'ADVERTISED_UNREACHABLE',
        message: findings.map((f) => f.message).join('; '),
        retriable: false,
        broker: first.advertised,
        hint: route?.ssh
          ? 'The bootstrap address answered through the tunnel, but the brokers tell clients to use addresses the SSH server cannot reach (advertised.listeners). Map them to addresses it can reach: the offered mapping sends them to the bootstrap host, through the tunnel.'
          : 'The bootstrap address answered, but the brokers tell clients to use addresses this machine cannot reach (advertised.listeners). Map them to reachable ones, or connect through an SSH tunnel.',
      },
    });
  }
}
