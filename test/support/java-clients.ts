import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot } from '../../scripts/kafka/cluster';
import { ensureKafkaJars, KAFKA_VERSION } from '../../scripts/kafka/jars';

const run = promisify(execFile);

/** The broker version the integration suite runs against (KAFKA_VERSION; see scripts/kafka/jars.ts). */
export const kafkaVersion = KAFKA_VERSION;

/** True when the test broker is at least `major.minor`: tests of newer features skip themselves otherwise. */
export function kafkaAtLeast(major: number, minor: number): boolean {
  const [a = 0, b = 0] = kafkaVersion.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

async function javaArgs(mainClass: string, args: string[], classpath?: string[]): Promise<string[]> {
  const { lib, logArgs } = await ensureKafkaJars(repoRoot, KAFKA_VERSION);
  return ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', ...logArgs, '-cp', (classpath ?? [`${lib}/*`]).join(':'), mainClass, ...args];
}

/** Starts one of Kafka's own Java clients (kafka-tools jar; or a class on `classpath`) in the background; kill it when done. */
export async function startJavaClient(mainClass: string, args: string[], classpath?: string[]): Promise<ChildProcess> {
  const child = spawn('java', await javaArgs(mainClass, args, classpath), { stdio: 'ignore' });
  child.unref();
  // Never outlive the test run.
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  child.once('exit', () => process.off('exit', kill));
  return child;
}

/** A ConsoleConsumer that joins `groupId` with the new consumer protocol (KIP-848) and reads from the beginning. */
export function startNewProtocolConsumer(bootstrap: string, topic: string, groupId: string): Promise<ChildProcess> {
  return startJavaClient('org.apache.kafka.tools.consumer.ConsoleConsumer', ['--bootstrap-server', bootstrap, '--topic', topic, '--group', groupId, '--from-beginning', '--consumer-property', 'group.protocol=consumer']);
}

/** A ConsoleShareConsumer in share group `groupId` (KIP-932). */
export function startShareConsumer(bootstrap: string, topic: string, groupId: string): Promise<ChildProcess> {
  return startJavaClient('org.apache.kafka.tools.consumer.ConsoleShareConsumer', ['--bootstrap-server', bootstrap, '--topic', topic, '--group', groupId]);
}

/** Runs one of Kafka's CLI tools (kafka-consumer-groups = ConsumerGroupCommand, kafka-share-groups = ShareGroupCommand) and returns its stdout. */
export async function kafkaTool(mainClass: string, args: string[]): Promise<string> {
  const { stdout } = await run('java', await javaArgs(mainClass, args), { maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  return stdout;
}

/**
 * Runs a Kafka CLI tool whose class moved between releases (e.g. ConfigCommand and
 * DumpLogSegments went from the kafka_2.13 jar's kafka.admin/kafka.tools to org.apache.kafka.tools
 * in 4.x): the first class the broker's jars hold is run.
 */
export async function kafkaToolOf(simpleName: string, args: string[]): Promise<string> {
  const candidates = [`org.apache.kafka.tools.${simpleName}`, `kafka.admin.${simpleName}`, `kafka.tools.${simpleName}`];
  let last: unknown;
  for (const mainClass of candidates) {
    try {
      return await kafkaTool(mainClass, args);
    } catch (error) {
      last = error;
      if (!/Could not find or load main class/.test(String((error as { stderr?: string }).stderr ?? error))) throw error;
    }
  }
  throw last;
}

/** The rows of a kafka-*-groups table (header line, then whitespace-separated columns), as objects by header. */
export function parseToolTable(text: string): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  let header: string[] | null = null;
  for (const line of text.split('\n')) {
    const cells = line.trim().split(/\s+/).filter(Boolean);
    if (cells.length === 0) {
      header = null;
      continue;
    }
    if (cells[0] === 'GROUP') header = cells;
    else if (header) rows.push(Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
  }
  return rows;
}
