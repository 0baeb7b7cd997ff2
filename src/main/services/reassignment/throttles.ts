import { BROKER_THROTTLE_RATES, TOPIC_THROTTLED_REPLICAS, type ThrottleLeft, type ThrottlePlan } from '../../../shared/reassignment/throttle';
import type { KafkaClient } from '../../kafka/client';

/** Sets the throttle of a plan: both rates on every broker involved, the throttled replica lists on each topic. */
export async function setThrottles(client: KafkaClient, plan: ThrottlePlan, bytesPerSec: number): Promise<void> {
  const rate = String(bytesPerSec);
  for (const nodeId of plan.brokers) await client.alterBrokerConfigs(nodeId, BROKER_THROTTLE_RATES.map((name) => ({ name, value: rate })));
  for (const t of plan.topics) {
    await client.alterTopicConfigs(
      t.topic,
      [
        { name: 'leader.replication.throttled.replicas', value: t.leaderReplicas },
        { name: 'follower.replication.throttled.replicas', value: t.followerReplicas },
      ],
      false,
    );
  }
}

/**
 * Every reassignment throttle set on the cluster: the rates on each broker (its own override)
 * and the throttled replica lists on every topic. Read, not remembered, so one left behind by
 * anyone (the CLI, a crash of this app) shows too.
 */
export async function findThrottles(client: KafkaClient): Promise<ThrottleLeft[]> {
  const [cluster, metadata] = await Promise.all([client.describeCluster(), client.fetchMetadata()]);
  const left: ThrottleLeft[] = [];
  const brokerConfigs = await Promise.all(cluster.brokers.map(async (b) => ({ nodeId: b.nodeId, configs: await client.describeBrokerConfigs(b.nodeId).catch(() => []) })));
  for (const { nodeId, configs } of brokerConfigs.sort((a, b) => a.nodeId - b.nodeId)) {
    for (const c of configs) {
      if ((BROKER_THROTTLE_RATES as readonly string[]).includes(c.name) && c.source === 'dynamic-broker') left.push({ resource: 'broker', name: String(nodeId), config: c.name, value: c.value });
    }
  }
  const topics = metadata.filter((t) => !t.internal).map((t) => t.name);
  const topicConfigs = await client.describeTopicConfigs(topics, { keys: [...TOPIC_THROTTLED_REPLICAS] });
  for (const [topic, configs] of [...topicConfigs].sort(([a], [b]) => a.localeCompare(b))) {
    for (const c of configs) {
      if (c.source === 'dynamic-topic' && c.value) left.push({ resource: 'topic', name: topic, config: c.name, value: c.value });
    }
  }
  return left;
}

/** Removes the given throttles (each config deleted back to its default); returns the ones that could not be removed. */
export async function removeThrottles(client: KafkaClient, throttles: ThrottleLeft[]): Promise<ThrottleLeft[]> {
  const failed: ThrottleLeft[] = [];
  const group = (resource: ThrottleLeft['resource']) => {
    const by = new Map<string, ThrottleLeft[]>();
    for (const t of throttles.filter((x) => x.resource === resource)) by.set(t.name, [...(by.get(t.name) ?? []), t]);
    return by;
  };
  for (const [name, items] of group('broker')) {
    await client.alterBrokerConfigs(Number(name), items.map((t) => ({ name: t.config, value: null }))).catch(() => failed.push(...items));
  }
  for (const [name, items] of group('topic')) {
    await client.alterTopicConfigs(name, items.map((t) => ({ name: t.config, value: null })), false).catch(() => failed.push(...items));
  }
  return failed;
}

/** The throttles a plan set, as they appear on the cluster (for removing exactly those). */
export function throttlesOf(plan: ThrottlePlan): ThrottleLeft[] {
  return [
    ...plan.brokers.flatMap((nodeId) => BROKER_THROTTLE_RATES.map((config): ThrottleLeft => ({ resource: 'broker', name: String(nodeId), config, value: null }))),
    ...plan.topics.flatMap((t) => TOPIC_THROTTLED_REPLICAS.map((config): ThrottleLeft => ({ resource: 'topic', name: t.topic, config, value: null }))),
  ];
}
