import { Kafka, logLevel, type Admin } from 'kafkajs';

/** Topics the demo and the e2e specs expect; partition counts are part of the contract. */
export const SEED_TOPICS = [
  { topic: 'orders', numPartitions: 6, messages: 600 },
  { topic: 'rider-updates', numPartitions: 2, messages: 40 },
  { topic: 'payments', numPartitions: 3, messages: 150 },
  { topic: 'inventory.snapshots', numPartitions: 1, messages: 20, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] },
  { topic: 'audit-log', numPartitions: 1, messages: 0, configEntries: [{ name: 'retention.ms', value: String(3 * 24 * 3600 * 1000) }] },
] as const;

const REGIONS = ['NORTH', 'SOUTH', 'EAST', 'WEST'];

function messageFor(topic: string, i: number) {
  switch (topic) {
    case 'orders':
      return { key: `customer-${i % 37}`, value: JSON.stringify({ orderId: i, customer: `customer-${i % 37}`, amount: (i * 7.31) % 500, region: REGIONS[i % 4] }), headers: { source: 'seed' } };
    case 'rider-updates':
      return { key: 'location-update', value: JSON.stringify({ rider_name: i % 2 ? 'Master Chief' : 'Cortana', loc: REGIONS[i % 4] }) };
    case 'payments':
      return { key: `payment-${i}`, value: JSON.stringify({ paymentId: i, status: i % 10 === 0 ? 'FAILED' : 'OK' }) };
    default:
      return { key: `sku-${i % 5}`, value: JSON.stringify({ sku: `sku-${i % 5}`, stock: i }) };
  }
}

async function createMissing(admin: Admin): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = SEED_TOPICS.filter((t) => !existing.has(t.topic));
  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.numPartitions, replicationFactor: -1, configEntries: 'configEntries' in t ? [...t.configEntries] : [] })),
    });
  }
  return missing.map((t) => t.topic);
}

/**
 * Creates the demo topics and fills the new ones with readable JSON. Idempotent: topics
 * that exist are left alone, so running it twice never doubles the data.
 */
export async function seedCluster(bootstrap: string): Promise<{ created: string[] }> {
  const kafka = new Kafka({ clientId: 'ke-seed', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await Promise.all([admin.connect(), producer.connect()]);
  try {
    const created = await createMissing(admin);
    for (const t of SEED_TOPICS.filter((s) => created.includes(s.topic) && s.messages > 0)) {
      const messages = Array.from({ length: t.messages }, (_, i) => messageFor(t.topic, i));
      await producer.send({ topic: t.topic, acks: -1, messages });
    }
    return { created };
  } finally {
    await Promise.all([admin.disconnect(), producer.disconnect()]);
  }
}
