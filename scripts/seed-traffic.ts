/**
 * The demo's live traffic: `node --import tsx scripts/seed-traffic.ts <bootstrap>`, started
 * detached by `npm run demo` and stopped by `npm run kafka:down` (its pid is recorded with the
 * cluster's). A producer trickles courier positions into `delivery_locations`, which two
 * consumers of the `courier-tracker` group read: the groups view has a group with members, an
 * assignment map (3 partitions over 2 members) and a lag that moves, while `analytics-pipeline`
 * (no consumers) falls further behind on the same topic, so its lag trend climbs.
 */
import { Kafka, logLevel, Partitioners, type Consumer } from 'kafkajs';
import { DEMO_LIVE_GROUP, messageFor } from './seed-data';

/** How often the producer sends, and how many courier positions. */
const TICK_MS = 1_000;
const PER_TICK = 3;

export async function runDemoTraffic(bootstrap: string, signal: AbortSignal): Promise<void> {
  // kafkajs logs every rebalance as an error; what matters (a consumer crashing) is logged below, one line each.
  const kafka = new Kafka({ clientId: 'ke-demo-traffic', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const consumers: Consumer[] = [];
  for (let i = 0; i < 2; i++) {
    const consumer = kafka.consumer({ groupId: DEMO_LIVE_GROUP.groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
    consumer.on(consumer.events.CRASH, (e) => console.error(`${new Date().toISOString()} demo traffic: consumer ${i + 1} crashed (${e.payload.error.message}); restart: ${e.payload.restart}`));
    await consumer.connect();
    // From the beginning on its first start: the seeded positions are read over a few seconds, so the group is seen catching up.
    await consumer.subscribe({ topic: DEMO_LIVE_GROUP.topic, fromBeginning: true });
    // A little slower than instant, so the lag is seen moving rather than always zero.
    await consumer.run({ eachMessage: () => new Promise((r) => setTimeout(r, 20)) });
    consumers.push(consumer);
  }
  let seq = Date.now() % 1_000_000;
  const timer = setInterval(() => {
    const messages = Array.from({ length: PER_TICK }, () => messageFor(DEMO_LIVE_GROUP.topic, seq++));
    producer.send({ topic: DEMO_LIVE_GROUP.topic, messages, acks: -1 }).catch((error: Error) => console.error(`demo traffic: send failed: ${error.message}`));
  }, TICK_MS);
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  clearInterval(timer);
  // Leave the group cleanly, so the next start does not wait for the old members to time out.
  await Promise.allSettled([...consumers.map((c) => c.disconnect()), producer.disconnect()]);
}

if (process.argv[1]?.endsWith('seed-traffic.ts')) {
  const bootstrap = process.argv[2] ?? process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
  const stop = new AbortController();
  for (const s of ['SIGTERM', 'SIGINT'] as const) process.on(s, () => stop.abort());
  console.log(`${new Date().toISOString()} demo traffic on ${bootstrap}: ${DEMO_LIVE_GROUP.groupId} reads ${DEMO_LIVE_GROUP.topic} with 2 consumers; producing every ${TICK_MS} ms`);
  try {
    await runDemoTraffic(bootstrap, stop.signal);
    process.exit(0);
  } catch (error) {
    console.error(`${new Date().toISOString()} demo traffic stopped: ${(error as Error).message}`);
    process.exit(1);
  }
}
