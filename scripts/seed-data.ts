import { Kafka, logLevel, type Admin } from 'kafkajs';
import { createTopicsReady } from './kafka/topics';

/** Topics the demo and the e2e specs expect; partition counts are part of the contract. */
export const SEED_TOPICS = [
  { topic: 'orders', numPartitions: 6, messages: 600 },
  { topic: 'rider-updates', numPartitions: 2, messages: 40 },
  { topic: 'delivery_locations', numPartitions: 3, messages: 300 },
  { topic: 'payment_transactions', numPartitions: 3, messages: 150 },
  { topic: 'inventory.snapshots', numPartitions: 1, messages: 20, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] },
  { topic: 'audit-log', numPartitions: 1, messages: 0, configEntries: [{ name: 'retention.ms', value: String(3 * 24 * 3600 * 1000) }] },
] as const;

const REGIONS = ['NORTH', 'SOUTH', 'EAST', 'WEST'];
const round = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * Two consumer groups with committed offsets: one caught up, one behind (half its topic
 * unread), so the groups view has lag to show. They have no live members (state Empty).
 */
export const SEED_GROUPS = [
  { groupId: 'order-service', topic: 'orders', readFraction: 1 },
  { groupId: 'analytics-pipeline', topic: 'delivery_locations', readFraction: 0.5 },
] as const;

/**
 * The group the demo keeps running (scripts/seed-traffic.ts): live members on the topic the
 * lagging `analytics-pipeline` reads. Not part of the seed, so tests never meet live members.
 */
export const DEMO_LIVE_GROUP = { groupId: 'courier-tracker', topic: 'delivery_locations' } as const;

/** The i-th demo message of a seeded topic: readable JSON, keys that repeat. */
export function messageFor(topic: string, i: number) {
  switch (topic) {
    case 'orders':
      return { key: `customer-${i % 37}`, value: JSON.stringify({ orderId: i, customer: `customer-${i % 37}`, amount: round((i * 7.31) % 500), region: REGIONS[i % 4] }), headers: { source: 'seed' } };
    case 'rider-updates':
      return { key: 'location-update', value: JSON.stringify({ rider_name: i % 2 ? 'Master Chief' : 'Cortana', loc: REGIONS[i % 4] }) };
    case 'delivery_locations':
      return {
        key: `courier-${i % 12}`,
        value: JSON.stringify({ courier: `courier-${i % 12}`, lat: round(52.37 + ((i * 13) % 100) / 1000), lon: round(4.89 + ((i * 7) % 100) / 1000), at: new Date(Date.UTC(2026, 10, 20, 14, 0, i % 86_400)).toISOString() }),
      };
    case 'payment_transactions':
      return { key: `txn-${i}`, value: JSON.stringify({ transactionId: `txn-${i}`, orderId: i, amount: round((i * 7.31) % 500), currency: 'EUR', status: i % 10 === 0 ? 'DECLINED' : 'APPROVED' }) };
    default:
      return { key: `sku-${i % 5}`, value: JSON.stringify({ sku: `sku-${i % 5}`, stock: i }) };
  }
}

async function createMissing(admin: Admin, bootstrap: string): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = SEED_TOPICS.filter((t) => !existing.has(t.topic));
  if (missing.length > 0) {
    await createTopicsReady(bootstrap, missing.map((t) => ({ topic: t.topic, numPartitions: t.numPartitions, replicationFactor: -1, configEntries: 'configEntries' in t ? [...t.configEntries] : [] })));
  }
  return missing.map((t) => t.topic);
}

async function commitGroupOffsets(admin: Admin): Promise<void> {
  const { groups } = await admin.listGroups();
  for (const g of SEED_GROUPS.filter((sg) => !groups.some((existing) => existing.groupId === sg.groupId))) {
    const ends = await admin.fetchTopicOffsets(g.topic);
    const partitions = ends.map((p) => ({ partition: p.partition, offset: String(Math.floor(Number(p.high) * g.readFraction)) }));
    await admin.setOffsets({ groupId: g.groupId, topic: g.topic, partitions });
  }
}

/**
 * Creates the demo topics, fills the new ones with readable JSON and commits offsets for the demo groups. Idempotent: topics
 * that exist are left alone, so running it twice never doubles the data.
 */
export async function seedCluster(bootstrap: string): Promise<{ created: string[] }> {
  const kafka = new Kafka({ clientId: 'ke-seed', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await Promise.all([admin.connect(), producer.connect()]);
  try {
    const created = await createMissing(admin, bootstrap);
    for (const t of SEED_TOPICS.filter((s) => created.includes(s.topic) && s.messages > 0)) {
      const messages = Array.from({ length: t.messages }, (_, i) => messageFor(t.topic, i));
      await producer.send({ topic: t.topic, acks: -1, messages });
    }
    await commitGroupOffsets(admin);
    return { created };
  } finally {
    await Promise.all([admin.disconnect(), producer.disconnect()]);
  }
}
