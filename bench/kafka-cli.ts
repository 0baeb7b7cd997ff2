import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot } from '../scripts/kafka/cluster';
import { ensureKafkaJars, KAFKA_VERSION } from '../scripts/kafka/jars';

const run = promisify(execFile);

/** Runs one of Kafka's own CLI tools (a main class from the broker jars), as the .sh scripts do. */
export async function kafkaTool(mainClass: string, args: string[]): Promise<string> {
  const { lib, logArgs } = await ensureKafkaJars(repoRoot, KAFKA_VERSION);
  const { stdout } = await run('java', ['-Xmx512m', ...logArgs, '-cp', `${lib}/*`, mainClass, ...args], { maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}
