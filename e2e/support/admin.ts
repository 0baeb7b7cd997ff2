import { Kafka, logLevel, type Admin } from 'kafkajs';

/** A kafkajs admin for specs to check what the UI shows against what the cluster reports. */
export async function withAdmin<T>(bootstrap: string, fn: (admin: Admin) => Promise<T>): Promise<T> {
  const kafka = new Kafka({ clientId: 'e2e-check', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Creates topics and waits until every broker knows each with a leader for every partition. */
export { createTopicsReady } from '../../scripts/kafka/topics';
