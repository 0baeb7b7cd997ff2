import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { KAFKA_VERSION } from './jars';
import { freePorts } from './ports';
import { isOurProcess } from './processes';
import { sideProcessRecords } from './side-process';
import { runRoot } from './state';

const run = promisify(execFile);
const LOG4J_VERSION = '2.24.3';

/**
 * A real distributed Kafka Connect worker from Maven Central (connect-runtime + connect-file, the
 * broker's own version so a version bump moves both), for tests, `kafka:up --connect` and the demo.
 */
export interface ConnectState {
  name: string;
  url: string;
  port: number;
  pid: number | null;
  /** Appears in the JVM's command line: how kafka:down knows the pid is still ours. */
  marker: string;
  dir: string;
}

export interface RunningConnect {
  /** The worker's REST API, e.g. http://127.0.0.1:8083. */
  url: string;
  /** Folder the worker runs in (FileStream connectors' files can go there). */
  dir: string;
  stop(): Promise<void>;
}

function pom(version: string): string {
  const dep = (g: string, a: string, v: string) => `<dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>${v}</version></dependency>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.kafkaexplorer</groupId><artifactId>connect-runtime</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
    ${dep('org.apache.kafka', 'connect-runtime', version)}
    ${dep('org.apache.kafka', 'connect-file', version)}
    ${dep('org.apache.logging.log4j', 'log4j-api', LOG4J_VERSION)}
    ${dep('org.apache.logging.log4j', 'log4j-core', LOG4J_VERSION)}
    ${dep('org.apache.logging.log4j', 'log4j-slf4j-impl', LOG4J_VERSION)}
  </dependencies>
  <build><plugins><plugin>
    <groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version>
  </plugin></plugins></build>
</project>
`;
}

/** Worker logging: warnings, plus the line that says the REST server started. */
const LOG4J2 = `status = warn
appender.out.type = Console
appender.out.name = out
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.out.ref = out
logger.rest.name = org.apache.kafka.connect.runtime.rest.RestServer
logger.rest.level = info
`;

/**
 * The newest Connect release whose connect-file jar Maven Central serves here (4.4.0's is not
 * published there). A worker of another 4.x release talks to any broker from 2.1 on.
 */
export const FALLBACK_CONNECT_VERSION = '4.3.1';

/**
 * The worker's version: the broker's own when it is a 4.x whose jars Maven Central serves, so a
 * version bump moves both; else FALLBACK_CONNECT_VERSION (3.x workers would need log4j 1).
 * KAFKA_CONNECT_VERSION overrides it.
 */
export async function ensureConnectJars(root: string, kafkaVersion = KAFKA_VERSION): Promise<{ lib: string; log4j: string; version: string }> {
  const wanted = process.env.KAFKA_CONNECT_VERSION?.trim() || (kafkaVersion.startsWith('3.') ? FALLBACK_CONNECT_VERSION : kafkaVersion);
  try {
    return { ...(await fetchConnectJars(root, wanted)), version: wanted };
  } catch (error) {
    if (wanted === FALLBACK_CONNECT_VERSION) throw error;
    process.stderr.write(`connect: Kafka Connect ${wanted} is not (fully) on Maven Central here; using ${FALLBACK_CONNECT_VERSION}\n`);
    return { ...(await fetchConnectJars(root, FALLBACK_CONNECT_VERSION)), version: FALLBACK_CONNECT_VERSION };
  }
}

/** Fetches the worker's jars into `<root>/.kafka/connect-<version>/lib` once (~/.m2 caches them). */
async function fetchConnectJars(root: string, version: string): Promise<{ lib: string; log4j: string }> {
  const home = join(root, '.kafka', `connect-${version}`);
  const lib = join(home, 'lib');
  const log4j = join(home, 'log4j2.properties');
  const done = join(home, '.complete');
  if (!existsSync(done)) {
    await rm(lib, { recursive: true, force: true });
    await mkdir(lib, { recursive: true });
    await writeFile(join(home, 'pom.xml'), pom(version));
    process.stderr.write(`connect: fetching Kafka Connect ${version} jars from Maven Central…\n`);
    await run('mvn', ['-B', '-q', '-f', join(home, 'pom.xml'), 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${lib}`], { maxBuffer: 16 * 1024 * 1024 });
    const jars = (await readdir(lib)).filter((f) => f.endsWith('.jar'));
    if (!jars.some((j) => j.startsWith(`connect-runtime-${version}`))) throw new Error(`Maven did not deliver connect-runtime-${version}`);
    await writeFile(done, jars.join('\n'));
  }
  await writeFile(log4j, LOG4J2);
  return { lib, log4j };
}

const records = sideProcessRecords<ConnectState>('connect.json', 15_000);
const stateFile = records.stateFile;
/** The worker recorded under this cluster's folder, if any. */
export const readConnectState = records.read;
/** Every recorded worker under .kafka/run, for kafka:down and status. */
export const listConnectWorkers = records.list;
export const connectAlive = records.alive;
export const stopConnect = records.stop;

/** The worker's properties: JSON without schemas, single-replica internal topics, quick offset flushes. */
export function workerProperties(options: { bootstrap: string; port: number; groupId: string }): string {
  const id = options.groupId;
  return [
    `bootstrap.servers=${options.bootstrap}`,
    `group.id=${id}`,
    'key.converter=org.apache.kafka.connect.json.JsonConverter',
    'value.converter=org.apache.kafka.connect.json.JsonConverter',
    'key.converter.schemas.enable=false',
    'value.converter.schemas.enable=false',
    `config.storage.topic=${id}-configs`,
    `offset.storage.topic=${id}-offsets`,
    `status.storage.topic=${id}-status`,
    'config.storage.replication.factor=1',
    'offset.storage.replication.factor=1',
    'status.storage.replication.factor=1',
    'offset.storage.partitions=1',
    'status.storage.partitions=1',
    'offset.flush.interval.ms=1000',
    `listeners=http://127.0.0.1:${options.port}`,
    'rest.advertised.host.name=127.0.0.1',
    `rest.advertised.port=${options.port}`,
    'plugin.discovery=service_load',
    // A stopped or deleted connector's tasks go quickly: tests pause and stop often.
    'task.shutdown.graceful.timeout.ms=2000',
    'scheduled.rebalance.max.delay.ms=0',
    '',
  ].join('\n');
}

export interface StartConnectOptions {
  root: string;
  /** Folder under .kafka/run the state is recorded in (the cluster's, so kafka:down finds it). */
  name: string;
  bootstrap: string;
  port?: number;
  detached?: boolean;
  readyTimeoutMs?: number;
}

/** Starts a distributed worker on loopback and waits until `GET /connectors` answers. */
export async function startConnect(options: StartConnectOptions): Promise<RunningConnect> {
  const { lib, log4j } = await ensureConnectJars(options.root);
  const dir = join(runRoot(options.root), options.name);
  await mkdir(dir, { recursive: true });
  const previous = readConnectState(dir);
  if (previous) await stopConnect(previous);
  const port = options.port ?? (await freePorts(1))[0]!;
  const marker = `-Dke.connect=${dir}`;
  const properties = join(dir, 'connect-distributed.properties');
  // One group per cluster folder: a worker started again finds its connectors in its topics.
  await writeFile(properties, workerProperties({ bootstrap: options.bootstrap, port, groupId: `ke-connect-${options.name}` }));
  const state: ConnectState = { name: options.name, url: `http://127.0.0.1:${port}`, port, pid: null, marker, dir };
  const logFile = join(dir, 'connect.log');
  const log = openSync(logFile, 'a');
  const child = spawn(
    'java',
    ['-Xms128m', '-Xmx384m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Djava.awt.headless=true', marker, `-Dlog4j2.configurationFile=${log4j}`, '-cp', join(lib, '*'), 'org.apache.kafka.connect.cli.ConnectDistributed', properties],
    { cwd: dir, detached: options.detached ?? false, stdio: ['ignore', log, log] },
  );
  closeSync(log);
  if (options.detached) child.unref();
  state.pid = child.pid ?? null;
  const killOnExit = () => {
    if (state.pid !== null && isOurProcess(state.pid, marker)) process.kill(state.pid, 'SIGKILL');
  };
  if (!options.detached) process.on('exit', killOnExit);
  await writeFile(stateFile(dir), JSON.stringify(state, null, 2));
  try {
    const timeout = options.readyTimeoutMs ?? 180_000;
    const deadline = Date.now() + timeout;
    for (;;) {
      if (state.pid === null || !isOurProcess(state.pid, marker)) {
        throw new Error(`Kafka Connect exited during start-up:\n${readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n')}`);
      }
      try {
        const res = await fetch(`${state.url}/connectors`, { signal: AbortSignal.timeout(2_000) });
        if (res.ok) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`Kafka Connect not ready on ${state.url} after ${timeout / 1000} s`);
      await new Promise((r) => setTimeout(r, 300));
    }
  } catch (error) {
    await stopConnect(state);
    throw error;
  }
  return {
    url: state.url,
    dir,
    async stop() {
      process.off('exit', killOnExit);
      await stopConnect(state);
    },
  };
}
