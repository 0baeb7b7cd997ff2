import { Kafka, logLevel, type Admin } from 'kafkajs';
import { startTestApp, type TestApp } from '../test/support/app';
import { startCluster, type RunningCluster } from '../scripts/kafka/cluster';

/** A broker for a benchmark: KAFKA_BROKERS if set, else a fresh single node (stopped by `done`). */
export async function benchBroker(): Promise<{ bootstrap: string; done(): Promise<void> }> {
  if (process.env.KAFKA_BROKERS) return { bootstrap: process.env.KAFKA_BROKERS, done: async () => undefined };
  const cluster: RunningCluster = await startCluster({ nodes: 1, name: `bench-${process.pid}` });
  return { bootstrap: cluster.bootstrap, done: () => cluster.stop() };
}

export const smoke = process.argv.includes('--smoke');

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/**
 * The usual bench setup: a broker (see benchBroker), a kafkajs admin for preparing topics, and the
 * app's main-process services connected to the broker. `close` undoes all of it.
 */
export async function benchApp(): Promise<{ bootstrap: string; admin: Admin; app: TestApp; connectionId: string; close(): Promise<void> }> {
  const { bootstrap, done } = await benchBroker();
  const admin = new Kafka({ clientId: 'bench', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  const app = startTestApp();
  const { connectionId } = await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } });
  return {
    bootstrap,
    admin,
    app,
    connectionId,
    async close() {
      await app.close();
      await admin.disconnect();
      await done();
    },
  };
}
