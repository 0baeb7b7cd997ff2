import { execFile, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePorts } from './ports';
import { isOurProcess, terminate } from './processes';
import { sideProcessRecords } from './side-process';
import { runRoot } from './state';

const run = promisify(execFile);

/**
 * Apicurio Registry: the Schema Registry Maven Central serves. Its Confluent-compatible API
 * under /apis/ccompat/v7 is the only one the app speaks, so the app works the same against
 * Confluent's registry, Redpanda or Karapace.
 */
export const REGISTRY_VERSION = process.env.KE_REGISTRY_VERSION ?? '3.3.3';
const CCOMPAT = '/apis/ccompat/v7';

export interface RegistryState {
  name: string;
  url: string;
  port: number;
  managementPort: number;
  pid: number | null;
  /** Appears in the JVM's command line: how kafka:down knows the pid is still ours. */
  marker: string;
  dir: string;
}

export interface RunningRegistry {
  /** Base URL of the Confluent-compatible API, e.g. http://127.0.0.1:8081/apis/ccompat/v7. */
  url: string;
  stop(): Promise<void>;
  /** Stops the JVM without forgetting the ports: for tests of a registry that went away. */
  kill(): Promise<void>;
  /** Starts it again on the same port (in-memory storage: schemas registered before are gone). */
  restart(): Promise<void>;
}

function pom(version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.kafkaexplorer</groupId><artifactId>registry-runtime</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies><dependency>
    <groupId>io.apicurio</groupId><artifactId>apicurio-registry-app</artifactId><version>${version}</version>
    <classifier>all</classifier><type>tar.gz</type>
    <exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions>
  </dependency></dependencies>
  <build><plugins><plugin>
    <groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version>
  </plugin></plugins></build>
</project>
`;
}

/** Unpacks the registry's runnable distribution into `<root>/.kafka/apicurio-<version>` once (~/.m2 caches the download). */
export async function ensureRegistryDist(root: string, version = REGISTRY_VERSION): Promise<string> {
  const home = join(root, '.kafka', `apicurio-${version}`);
  const dist = join(home, 'dist');
  if (!existsSync(join(dist, 'quarkus-run.jar'))) {
    await mkdir(home, { recursive: true });
    await writeFile(join(home, 'pom.xml'), pom(version));
    process.stderr.write(`registry: fetching Apicurio Registry ${version} from Maven Central…\n`);
    await run('mvn', ['-B', '-q', '-f', join(home, 'pom.xml'), 'dependency:unpack-dependencies', `-DoutputDirectory=${dist}`], { maxBuffer: 16 * 1024 * 1024 });
    if (!existsSync(join(dist, 'quarkus-run.jar'))) throw new Error(`Maven did not deliver apicurio-registry-app ${version}`);
  }
  return dist;
}

/**
 * A Java 21+ runtime (Apicurio 3 needs it): KE_JAVA21_HOME, JAVA_HOME, the `java` on PATH, then
 * the JVM folders (Temurin sits beside OpenJDK 17 on these machines without being the default).
 */
export function findJava21(): string {
  const candidates = [process.env.KE_JAVA21_HOME, process.env.JAVA_HOME].filter(Boolean).map((h) => join(h!, 'bin', 'java'));
  candidates.push('java');
  for (const base of ['/usr/lib/jvm', '/Library/Java/JavaVirtualMachines']) {
    if (!existsSync(base)) continue;
    for (const dir of readdirSync(base).sort().reverse()) candidates.push(join(base, dir, 'bin', 'java'), join(base, dir, 'Contents', 'Home', 'bin', 'java'));
  }
  for (const java of candidates) {
    if (java !== 'java' && !existsSync(java)) continue;
    if (javaMajor(java) >= 21) return java;
  }
  throw new Error('The Schema Registry (Apicurio Registry 3) needs Java 21 or newer: install one, or point KE_JAVA21_HOME at it.');
}

function javaMajor(java: string): number {
  // `java -version` prints to stderr.
  const { stdout, stderr, error } = spawnSync(java, ['-version'], { encoding: 'utf8' });
  return error ? 0 : versionOf(`${stderr}${stdout}`);
}

function versionOf(text: string): number {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(text);
  if (!m) return 0;
  return m[1] === '1' ? Number(m[2]) : Number(m[1]);
}

const records = sideProcessRecords<RegistryState>('registry.json', 10_000);
const stateFile = records.stateFile;
/** The registry a `kafka:up --registry` left running under this cluster name, if any. */
export const readRegistryState = records.read;
/** Every recorded registry under .kafka/run, for kafka:down and status. */
export const listRegistries = records.list;
export const registryAlive = records.alive;
export const stopRegistry = records.stop;

export interface StartRegistryOptions {
  root: string;
  /** Folder under .kafka/run the state is recorded in (the cluster's, so kafka:down finds it). */
  name: string;
  port?: number;
  detached?: boolean;
  readyTimeoutMs?: number;
  /**
   * Keep schemas in this Kafka cluster (Apicurio's kafkasql storage) instead of memory, so they
   * outlive the registry like the topics whose data needs them (`kafka:up --registry`, the demo).
   */
  kafkasqlBootstrap?: string;
}

/** Starts Apicurio Registry (in-memory storage) on loopback and waits until its ccompat API answers. */
export async function startRegistry(options: StartRegistryOptions): Promise<RunningRegistry> {
  const dist = await ensureRegistryDist(options.root);
  const java = findJava21();
  const dir = join(runRoot(options.root), options.name);
  await mkdir(dir, { recursive: true });
  const previous = readRegistryState(dir);
  if (previous) await stopRegistry(previous);
  const [port, managementPort] = options.port ? [options.port, (await freePorts(1, new Set([options.port])))[0]!] : await freePorts(2);
  const marker = `-Dke.registry=${dir}`;
  const state: RegistryState = { name: options.name, url: `http://127.0.0.1:${port}${CCOMPAT}`, port: port!, managementPort: managementPort!, pid: null, marker, dir };
  const logFile = join(dir, 'registry.log');

  const launch = () => {
    const log = openSync(logFile, 'a');
    const child = spawn(
      java,
      [
        '-Xms64m',
        '-Xmx512m',
        '-XX:+UseSerialGC',
        '-XX:TieredStopAtLevel=1',
        marker,
        '-Dquarkus.http.host=127.0.0.1',
        `-Dquarkus.http.port=${port}`,
        '-Dquarkus.management.host=127.0.0.1',
        `-Dquarkus.management.port=${managementPort}`,
        '-Dquarkus.http.access-log.enabled=false',
        ...(options.kafkasqlBootstrap ? ['-Dapicurio.storage.kind=kafkasql', `-Dapicurio.kafkasql.bootstrap.servers=${options.kafkasqlBootstrap}`] : []),
        '-jar',
        join(dist, 'quarkus-run.jar'),
      ],
      { cwd: dir, detached: options.detached ?? false, stdio: ['ignore', log, log] },
    );
    closeSync(log);
    if (options.detached) child.unref();
    state.pid = child.pid ?? null;
  };
  const killOnExit = () => {
    if (state.pid !== null && isOurProcess(state.pid, marker)) process.kill(state.pid, 'SIGKILL');
  };
  const waitReady = async () => {
    const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
    for (;;) {
      if (state.pid === null || !isOurProcess(state.pid, marker)) {
        throw new Error(`Schema Registry exited during start-up:\n${readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n')}`);
      }
      try {
        const res = await fetch(`${state.url}/subjects`, { signal: AbortSignal.timeout(2_000) });
        if (res.ok) return;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`Schema Registry not ready on ${state.url} after ${(options.readyTimeoutMs ?? 120_000) / 1000} s`);
      await new Promise((r) => setTimeout(r, 300));
    }
  };

  if (!options.detached) process.on('exit', killOnExit);
  launch();
  await writeFile(stateFile(dir), JSON.stringify(state, null, 2));
  try {
    await waitReady();
  } catch (error) {
    await stopRegistry(state);
    throw error;
  }
  return {
    url: state.url,
    async stop() {
      process.off('exit', killOnExit);
      await stopRegistry(state);
    },
    async kill() {
      if (state.pid !== null) await terminate(state.pid, marker, 5_000);
    },
    async restart() {
      if (state.pid !== null && isOurProcess(state.pid, marker)) return;
      launch();
      await writeFile(stateFile(dir), JSON.stringify(state, null, 2));
      await waitReady();
    },
  };
}
