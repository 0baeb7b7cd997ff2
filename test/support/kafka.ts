import { inject } from 'vitest';
import { Kafka, logLevel } from 'kafkajs';
import { randomBytes } from 'node:crypto';

export { startCluster, type RunningCluster } from '../../scripts/kafka/cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Bootstrap of the single-node broker the integration global setup started (or was given). */
    kafkaBootstrap: string;
  }
}

/** The shared single-node broker for integration tests. */
export function sharedBootstrap(): string {
  return inject('kafkaBootstrap');
}

/** A topic name no other test (or earlier run against a reused broker) uses. */
export function uniqueTopic(prefix = 't'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

/**
 * A plain kafkajs client for tests to arrange data and check results independently of the
 * app's own client code.
 */
export function testKafka(bootstrap = sharedBootstrap()): Kafka {
  return new Kafka({ clientId: 'ke-test', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING });
}

export async function createTopic(bootstrap: string, topic: string, numPartitions = 1, replicationFactor = 1): Promise<void> {
  const admin = testKafka(bootstrap).admin();
  await admin.connect();
  try {
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions, replicationFactor }] });
  } finally {
    await admin.disconnect();
  }
}
