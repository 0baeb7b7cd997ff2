import { inject } from 'vitest';
import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { randomBytes } from 'node:crypto';

import { createTopicsReady } from '../../scripts/kafka/topics';

export { startCluster, type RunningCluster } from '../../scripts/kafka/cluster';
export { createTopicsReady };

declare module 'vitest' {
  export interface ProvidedContext {
    /** Bootstrap of the single-node broker the integration global setup started (or was given). */
    kafkaBootstrap: string;
    /** The shared Schema Registry's Confluent-compatible API (Apicurio's /apis/ccompat/v7). */
    registryUrl: string;
  }
}

/** The shared single-node broker for integration tests. */
export function sharedBootstrap(): string {
  return inject('kafkaBootstrap');
}

/** The shared Schema Registry for integration tests. */
export function sharedRegistryUrl(): string {
  return inject('registryUrl');
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

/** Creates a topic and waits until every broker knows it with a leader for each partition. */
export async function createTopic(bootstrap: string, topic: string, numPartitions = 1, replicationFactor = 1): Promise<void> {
  await createTopicsReady(bootstrap, [{ topic, numPartitions, replicationFactor }]);
}

/**
 * Consumer groups that committed offsets for `topic` or have a member assigned to it. Other
 * tests create groups on the shared broker at the same time, so a group-less reader is checked
 * by what touches its own (unique) topic, not by the whole group list.
 */
export async function groupsTouching(bootstrap: string, topic: string): Promise<string[]> {
  const admin = testKafka(bootstrap).admin();
  await admin.connect();
  try {
    const ids = (await admin.listGroups()).groups.map((g) => g.groupId);
    if (ids.length === 0) return [];
    const { groups } = await admin.describeGroups(ids);
    const touching: string[] = [];
    for (const g of groups) {
      // Only consumer-protocol assignments name topics: a Kafka Connect worker group (another test's,
      // live on the same broker) carries its own format, which the consumer decoder cannot read.
      const assigned = g.protocolType === 'consumer' && g.members.some((m) => m.memberAssignment.length > 0 && topic in (AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment ?? {}));
      const offsets = await admin.fetchOffsets({ groupId: g.groupId, topics: [topic] });
      const committed = offsets.some((t) => t.partitions.some((p) => p.offset !== '-1'));
      if (assigned || committed) touching.push(g.groupId);
    }
    return touching;
  } finally {
    await admin.disconnect();
  }
}

/** The sum of a topic's partitions' end offsets: how many records were ever written to it. */
export async function totalEndOffset(topic: string, bootstrap = sharedBootstrap()): Promise<number> {
  const admin = testKafka(bootstrap).admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}
