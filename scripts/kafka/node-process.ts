import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Small heap, serial GC, quick start: what every local node runs with (cluster.ts starts, resume.ts restarts). */
const JVM_OPTS = ['-Xms128m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Djava.awt.headless=true'];

/** The `java` arguments for a Kafka main class from the Maven jars. */
export function kafkaJavaArgs(jars: { lib: string; logArgs: string[] }, mainClass: string, args: string[], logsDir: string, heapMb = 384, systemProperties: string[] = []): string[] {
  return [...JVM_OPTS, `-Xmx${heapMb}m`, `-Dkafka.logs.dir=${logsDir}`, ...systemProperties, ...jars.logArgs, '-cp', `${jars.lib}/*`, mainClass, ...args];
}

/**
 * How many brokers the cluster's metadata lists, asked with kcat: kafkajs' admin refuses the
 * whole metadata while any partition is offline, which is exactly the state a failover waits in.
 */
export async function registeredBrokers(bootstrap: string): Promise<number> {
  const { stdout } = await execFileAsync('kcat', ['-b', bootstrap, '-L', '-J', '-m', '2'], { timeout: 5_000, maxBuffer: 256 * 1024 * 1024 });
  return (JSON.parse(stdout) as { brokers: unknown[] }).brokers.length;
}
