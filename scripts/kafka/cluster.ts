import { spawn, execFile } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { ensureKafkaJars, KAFKA_VERSION } from './jars';
import { kafkaJavaArgs, registeredBrokers } from './node-process';
import { freePorts, isPortFree } from './ports';
import { isAlive, isOurProcess, terminate } from './processes';
import { newClusterId, oauthJvmProperties, serverProperties, type NodeLayout, type OauthListener } from './server-properties';
import { makeTlsMaterial, scramFormatArgs, SECURITY_USERS, type ClusterSecurity, type SecurityLayout } from './security';
import { destroyCluster, liveNodes, readState, runRoot, writeState, type ClusterState } from './state';

const execFileAsync = promisify(execFile);
export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));


export interface StartClusterOptions {
  /** 1 for most tests, 3 where replication, leaders and failover matter. */
  nodes?: number;
  /** Names the folder under .kafka/run; a random one when omitted. */
  name?: string;
  /** Client ports, one per node; free ones when omitted. */
  ports?: number[];
  /** Keep running after this process exits (`npm run kafka:up`). */
  detached?: boolean;
  readyTimeoutMs?: number;
  /**
   * Adds SASL_PLAINTEXT (PLAIN, SCRAM-SHA-256/512), SSL and mutual-TLS listeners and the
   * StandardAuthorizer to a single-node cluster; the PLAINTEXT listener stays as it is.
   */
  security?: boolean;
  /**
   * Adds a REMOTE listener per node advertising `kafka-<id>.internal:<port>`, a name that
   * does not resolve here (remote-cluster tests: SSH tunnels, proxies, address mapping).
   */
  remote?: boolean;
  /**
   * Adds an OAUTH listener (SASL_PLAINTEXT, OAUTHBEARER) validating JWTs against this OIDC
   * provider's JWKS (single-node clusters; `oauthPort` in the result).
   */
  oauth?: { jwksUrl: string; audience: string; issuer: string; maxReauthMs?: number };
  /** Maximum heap per node; 384 MB unless a benchmark holds tens of thousands of partitions. */
  heapMb?: number;
  /** The Apache Kafka version from Maven Central (KAFKA_VERSION, or the default in jars.ts). */
  version?: string;
}

export interface RunningCluster {
  name: string;
  clusterId: string;
  bootstrap: string;
  /** The Apache Kafka version it runs. */
  version: string;
  nodes: { id: number; port: number; controllerPort: number; remote?: { port: number; host: string } }[];
  /** Ports, users and PEM files of the secured listeners, when started with `security: true`. */
  security?: ClusterSecurity;
  /** The OAUTH listener's port, when started with `oauth`. */
  oauthPort?: number;
  /** Clean shutdown of one node (a 3-node cluster keeps its quorum with two). */
  stopNode(id: number): Promise<void>;
  /** Restarts a stopped node and waits until the cluster sees it again. */
  startNode(id: number): Promise<void>;
  /** Signals one node's JVM: SIGKILL (a crash; startNode restarts it), SIGSTOP (frozen), SIGCONT (thawed). */
  signalNode(id: number, signal: 'SIGKILL' | 'SIGSTOP' | 'SIGCONT'): Promise<void>;
  /** Waits until the cluster's metadata lists exactly `count` brokers. */
  waitForBrokers(count: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Formats and starts a local KRaft cluster from the Maven jars, and waits until every broker is up. */
export async function startCluster(options: StartClusterOptions = {}): Promise<RunningCluster> {
  const size = options.nodes ?? 1;
  const name = options.name ?? `test-${randomBytes(4).toString('hex')}`;
  const dataDir = join(runRoot(repoRoot), name);
  const previous = readState(dataDir);
  if (previous) await destroyCluster(previous);
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });

  const jars = await ensureKafkaJars(repoRoot, options.version ?? KAFKA_VERSION);
  const clientPorts = options.ports ?? (await freePorts(size));
  for (const port of clientPorts) {
    if (!(await isPortFree(port))) throw new Error(`port ${port} is already in use; stop what runs there or pick another (--port)`);
  }
  const controllerPorts = await freePorts(size, new Set(clientPorts));
  let security: SecurityLayout | undefined;
  let clusterSecurity: ClusterSecurity | undefined;
  if (options.security) {
    if (size !== 1) throw new Error('security: true is for single-node clusters');
    const [saslPort, sslPort, mtlsPort, saslSslPort] = await freePorts(4, new Set([...clientPorts, ...controllerPorts]));
    const tls = await makeTlsMaterial(join(dataDir, 'tls'));
    security = { saslPort: saslPort!, saslSslPort: saslSslPort!, sslPort: sslPort!, mtlsPort: mtlsPort!, keystoreFile: tls.keystoreFile, keystorePassword: tls.keystorePassword, caFile: tls.caFile };
    clusterSecurity = {
      saslPort: saslPort!,
      saslSslPort: saslSslPort!,
      sslPort: sslPort!,
      mtlsPort: mtlsPort!,
      admin: { ...SECURITY_USERS.admin },
      alice: { ...SECURITY_USERS.alice },
      caFile: tls.caFile,
      clientCertFile: tls.clientCertFile,
      clientKeyFile: tls.clientKeyFile,
      clientPrincipal: 'User:ke-client',
    };
  }
  const remotePorts = options.remote ? await freePorts(size, new Set([...clientPorts, ...controllerPorts, ...(security ? [security.saslPort, security.saslSslPort, security.sslPort, security.mtlsPort] : [])])) : [];
  let oauth: OauthListener | undefined;
  if (options.oauth) {
    if (size !== 1) throw new Error('oauth is for single-node clusters');
    const [oauthPort] = await freePorts(1, new Set([...clientPorts, ...controllerPorts, ...remotePorts, ...(security ? [security.saslPort, security.saslSslPort, security.sslPort, security.mtlsPort] : [])]));
    oauth = { port: oauthPort!, ...options.oauth };
  }
  const layout: NodeLayout[] = clientPorts.map((port, i) => ({
    id: i + 1,
    port,
    controllerPort: controllerPorts[i]!,
    logDir: join(dataDir, `node-${i + 1}`, 'data'),
    ...(security ? { security } : {}),
    ...(oauth ? { oauth } : {}),
    ...(options.remote ? { remote: { port: remotePorts[i]!, host: `kafka-${i + 1}.internal` } } : {}),
  }));
  const state: ClusterState = {
    name,
    clusterId: newClusterId(),
    version: jars.version,
    bootstrap: layout.map((n) => `127.0.0.1:${n.port}`).join(','),
    dataDir,
    nodes: layout.map((n) => ({ id: n.id, port: n.port, controllerPort: n.controllerPort, pid: null, properties: join(dataDir, `node-${n.id}`, 'server.properties') })),
  };
  const java = (mainClass: string, args: string[], logsDir: string) => kafkaJavaArgs(jars, mainClass, args, logsDir, options.heapMb, oauthJvmProperties(oauth));

  await Promise.all(
    layout.map(async (node) => {
      const nodeDir = join(dataDir, `node-${node.id}`);
      await mkdir(node.logDir, { recursive: true });
      const properties = join(nodeDir, 'server.properties');
      await writeFile(properties, serverProperties({ nodes: layout }, node));
      await execFileAsync('java', java('kafka.tools.StorageTool', ['format', '-t', state.clusterId, '-c', properties, ...(security ? scramFormatArgs() : [])], nodeDir));
    }),
  );

  const launch = (id: number) => {
    const node = state.nodes.find((n) => n.id === id)!;
    const nodeDir = join(dataDir, `node-${id}`);
    const log = openSync(join(nodeDir, 'server.log'), 'a');
    const child = spawn('java', java('kafka.Kafka', [node.properties], nodeDir), {
      detached: options.detached ?? false,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    if (options.detached) child.unref();
    node.pid = child.pid ?? null;
  };
  const logTail = (id: number) => {
    const file = join(dataDir, `node-${id}`, 'server.log');
    return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-25).join('\n') : '';
  };

  const waitForBrokers = async (count: number, timeoutMs = options.readyTimeoutMs ?? 120_000) => {
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer yet';
    while (Date.now() < deadline) {
      // Gone, not "not ours": just after spawn the child may not have exec'd java yet, and its
      // command line is still node's (CI once failed here with an empty server.log).
      const dead = state.nodes.filter((n) => n.pid !== null && !isAlive(n.pid));
      if (dead.length > 0 && dead.length + count > state.nodes.length) {
        throw new Error(`kafka node ${dead[0]!.id} exited during start-up:\n${logTail(dead[0]!.id)}`);
      }
      try {
        const brokers = await registeredBrokers(state.bootstrap);
        if (brokers === count) return;
        last = `${brokers} of ${count} brokers registered`;
      } catch (error) {
        last = (error as Error).message.split('\n')[0] ?? 'kcat failed';
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`kafka cluster ${name} not ready after ${timeoutMs} ms (${last})\n${logTail(1)}`);
  };

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', killOnExit);
    // A frozen node would sit out its SIGTERM grace: thaw it first.
    for (const n of state.nodes) if (n.pid !== null && isOurProcess(n.pid, n.properties)) process.kill(n.pid, 'SIGCONT');
    await destroyCluster(state);
  };
  // If the owning process dies without stop(), do not leave JVMs behind (detached ones are meant to stay).
  const killOnExit = () => {
    for (const n of state.nodes) if (n.pid !== null && isOurProcess(n.pid, n.properties)) process.kill(n.pid, 'SIGKILL');
  };
  if (!options.detached) process.on('exit', killOnExit);

  for (const node of state.nodes) launch(node.id);
  await writeState(state);
  try {
    await waitForBrokers(size);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    name,
    clusterId: state.clusterId,
    bootstrap: state.bootstrap,
    version: jars.version,
    nodes: layout.map(({ id, port, controllerPort, remote }) => ({ id, port, controllerPort, ...(remote ? { remote } : {}) })),
    ...(clusterSecurity ? { security: clusterSecurity } : {}),
    ...(oauth ? { oauthPort: oauth.port } : {}),
    waitForBrokers,
    stop,
    async stopNode(id) {
      const node = state.nodes.find((n) => n.id === id);
      if (!node?.pid) return;
      await terminate(node.pid, node.properties);
      node.pid = null;
      await writeState(state);
    },
    async signalNode(id, signal) {
      const node = state.nodes.find((n) => n.id === id);
      if (!node?.pid || !isOurProcess(node.pid, node.properties)) return;
      process.kill(node.pid, signal);
      if (signal !== 'SIGKILL') return;
      const pid = node.pid;
      while (isOurProcess(pid, node.properties)) await new Promise((r) => setTimeout(r, 100));
      node.pid = null;
      await writeState(state);
    },
    async startNode(id) {
      const node = state.nodes.find((n) => n.id === id);
      if (!node || (node.pid !== null && isOurProcess(node.pid, node.properties))) return;
      launch(id);
      await writeState(state);
      await waitForBrokers(liveNodes(state).length);
    },
  };
}

/** The cluster `npm run kafka:up` started under this name, if it still runs. */
export function runningCluster(name: string): ClusterState | null {
  const state = readState(join(runRoot(repoRoot), name));
  if (!state || liveNodes(state).length === 0) return null;
  return state;
}
