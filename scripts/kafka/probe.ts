import { Kafka, logLevel } from 'kafkajs';

/** True when a Kafka cluster answers metadata at `bootstrap` within `timeoutMs`. */
export async function answersAsKafka(bootstrap: string, timeoutMs = 4000): Promise<boolean> {
  const kafka = new Kafka({ clientId: 'ke-probe', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: timeoutMs, requestTimeout: timeoutMs });
  const admin = kafka.admin();
  // kafkajs can wait forever on a server that accepts but never answers: race a deadline.
  const deadline = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs + 500).unref());
  const probe = (async () => {
    await admin.connect();
    await admin.describeCluster();
    return true;
  })().catch(() => false);
  const answered = await Promise.race([probe, deadline]);
  await admin.disconnect().catch(() => undefined);
  return answered;
}
