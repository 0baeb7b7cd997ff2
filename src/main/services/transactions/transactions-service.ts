import type { KafkaClient } from '../../kafka/client';
import { joinTransactions } from './join-transactions';

/** The broker's transaction.max.timeout.ms, or null when its config cannot be read (e.g. no DescribeConfigs permission). */
async function brokerMaxTimeoutMs(client: KafkaClient, nodeId: number): Promise<number | null> {
  if (nodeId < 0) return null;
  try {
    const value = (await client.describeBrokerConfigs(nodeId)).find((c) => c.name === 'transaction.max.timeout.ms')?.value;
    return value ? Number(value) : null;
  } catch {
    return null;
  }
}

/** A topic's partitions with their last stable offsets and the open transactions holding them back. */
export async function topicTransactions(client: KafkaClient, topic: string, hangingAfterMs?: number) {
  const partitions = await client.describeTopicTransactions(topic);
  const producerIds = [...new Set(partitions.flatMap((p) => p.openProducers.map((o) => o.producerId)))];
  const [coordinators, maxTimeout] = await Promise.all([
    // The coordinators' view only adds names and timeouts: without it (a broker down, no
    // DescribeTransactions permission, Kafka before 3.0) the partitions still say what is held.
    (producerIds.length > 0 ? client.describeCoordinatorTransactions(producerIds) : Promise.resolve([])).then(
      (list) => ({ list, error: null }),
      (error: unknown) => ({ list: [], error: error instanceof Error ? error.message : String(error) }),
    ),
    brokerMaxTimeoutMs(client, partitions.find((p) => p.leader >= 0)?.leader ?? -1),
  ]);
  const checkedAt = Date.now();
  return {
    partitions: joinTransactions(partitions, coordinators.list, { now: checkedAt, brokerMaxTimeoutMs: maxTimeout, hangingAfterMs }),
    brokerMaxTimeoutMs: maxTimeout,
    coordinatorError: coordinators.error,
    checkedAt,
  };
}
