import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/kafka/cluster';
import { ensureKafkaJars, KAFKA_VERSION } from '../../scripts/kafka/jars';

/**
 * Starts java/HangingTransaction.java (a single-file source launch, Java 11+) against the Kafka
 * client jars of the test broker's version; resolves once its transactional records are flushed.
 * SIGKILL the child to leave the transaction open on partition 0 of the topic.
 */
export async function startHangingProducer(bootstrap: string, topic: string, transactionalId: string, count: number): Promise<ChildProcess> {
  const { lib, logArgs } = await ensureKafkaJars(repoRoot, KAFKA_VERSION);
  const source = join(repoRoot, 'test/support/java/HangingTransaction.java');
  const child = spawn('java', ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', ...logArgs, '-cp', `${lib}/*`, source, bootstrap, topic, transactionalId, String(count)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never outlive the test run.
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  child.once('exit', () => process.off('exit', kill));
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`HangingTransaction did not send within 60 s: ${err}`)), 60_000);
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('SENT') && (clearTimeout(timer), resolve()));
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`HangingTransaction exited (${code}): ${err}`))));
  });
  return child;
}
