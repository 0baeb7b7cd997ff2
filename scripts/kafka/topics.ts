import { Kafka, logLevel, type ITopicConfig } from 'kafkajs';
import { createInternalCluster, type InternalCluster, type RawMetadata } from '../../src/main/kafka/kafkajs/internals';
import { lenientMetadata } from '../../src/main/kafka/kafkajs/raw/lenient-metadata';

export interface ReadyTopicsOptions {
  /** How long to wait for every broker to know every partition's leader. */
  timeoutMs?: number;
}

/**
 * Creates topics and returns only once every broker's own metadata shows each one with all its
 * partitions, a leader for each, and every replica in sync. A new topic reaches the brokers one
 * after the other through the metadata log: kafkajs' `waitForLeaders` asks whichever broker it
 * likes and fails with UNKNOWN_TOPIC_OR_PARTITION on a busy 3-node cluster, and a test that
 * then reads from a broker that has not caught up sees no topic at all.
 */
export async function createTopicsReady(bootstrap: string, topics: ITopicConfig[], options: ReadyTopicsOptions = {}): Promise<void> {
  if (topics.length === 0) return;
  const kafka = new Kafka({ clientId: 'ke-harness', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await createOnce(admin, topics);
  } finally {
    await admin.disconnect();
  }
  await waitUntilReady(kafka, topics, options.timeoutMs ?? 60_000);
}

/** Creates the topics; a retry after a create that timed out but happened is not an error. */
async function createOnce(admin: ReturnType<Kafka['admin']>, topics: ITopicConfig[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.createTopics({ waitForLeaders: false, timeout: 30_000, topics });
      return;
    } catch (error) {
      const alreadyThere = JSON.stringify((error as { errors?: unknown }).errors ?? (error as Error).message).includes('TOPIC_ALREADY_EXISTS');
      if (attempt > 1 && alreadyThere) return;
      if (attempt >= 5 || !isRetriable(error)) throw error;
      await sleep(500 * attempt);
    }
  }
}

async function waitUntilReady(kafka: Kafka, topics: ITopicConfig[], timeoutMs: number): Promise<void> {
  const cluster = createInternalCluster(kafka);
  const names = topics.map((t) => t.topic);
  const deadline = Date.now() + timeoutMs;
  let lastProblem: string;
  try {
    await cluster.connect();
    for (;;) {
      try {
        await cluster.refreshMetadata();
        const nodes = cluster.brokerPool.metadata?.brokers.map((b) => b.nodeId) ?? [];
        const views = await Promise.all(nodes.map(async (nodeId) => ({ nodeId, md: await lenientMetadata(await cluster.findBroker({ nodeId }), names) })));
        const problem = views.map(({ nodeId, md }) => notReadyOn(md, topics, nodeId)).find((p) => p !== null) ?? null;
        if (problem === null && views.length > 0) return;
        lastProblem = problem ?? 'no broker is registered';
      } catch (error) {
        lastProblem = (error as Error).message;
      }
      if (Date.now() > deadline) throw new Error(`Topics ${names.join(', ')} not ready after ${timeoutMs / 1000} s: ${lastProblem}`);
      await sleep(100);
    }
  } finally {
    await (cluster as InternalCluster).disconnect().catch(() => undefined);
  }
}

/** Why the topics are not usable through this broker yet, or null when they are. */
export function notReadyOn(md: RawMetadata, topics: ITopicConfig[], nodeId: number): string | null {
  for (const wanted of topics) {
    const t = md.topicMetadata.find((x) => x.topic === wanted.topic);
    if (!t || t.topicErrorCode !== 0) return `broker ${nodeId} does not know ${wanted.topic} yet`;
    const expected = wanted.numPartitions ?? 1;
    if (expected > 0 && t.partitionMetadata.length < expected) return `broker ${nodeId} sees ${t.partitionMetadata.length} of ${expected} partitions of ${wanted.topic}`;
    for (const p of t.partitionMetadata) {
      if (p.leader < 0) return `${wanted.topic}-${p.partitionId} has no leader on broker ${nodeId}`;
      if (p.isr.length < p.replicas.length) return `${wanted.topic}-${p.partitionId} has ${p.isr.length} of ${p.replicas.length} replicas in sync`;
    }
  }
  return null;
}

function isRetriable(error: unknown): boolean {
  const e = error as { retriable?: boolean; name?: string };
  return e.retriable === true || /Connection|Timeout|NumberOfRetriesExceeded/.test(e.name ?? '');
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
