import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/app';
import { eventually } from './support/eventually';
import { startHangingProducer } from './support/hanging-transaction';
import { createTopic, sharedBootstrap, testKafka, uniqueTopic } from './support/kafka';

/**
 * A producer killed inside a transaction leaves it open on the partition: the last stable offset
 * stops there and read_committed consumers see nothing after it. The app finds it and aborts it.
 */
describe('stuck transactions', () => {
  let app: TestApp;
  let connectionId: string;
  let readOnlyId: string;
  let producer: ChildProcess | undefined;
  const bootstrap = () => sharedBootstrap();
  const topic = uniqueTopic('txn');
  const transactionalId = `hang-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    await createTopic(bootstrap(), topic, 2);
    app = startTestApp();
    connectionId = (await app.call('connection.connect', { config: { brokers: bootstrap().split(',') } })).connectionId;
    readOnlyId = (await app.call('connection.connect', { config: { brokers: bootstrap().split(','), readOnly: true } })).connectionId;
  }, 120_000);
  afterAll(async () => {
    producer?.kill('SIGKILL');
    await app?.close();
  });

  it('finds the open transaction left by a killed producer, aborts it, and the last stable offset reaches the high watermark', async () => {
    const kafka = testKafka(bootstrap());
    const plain = kafka.producer();
    await plain.connect();
    try {
      await plain.send({ topic, messages: [0, 1, 2].map((i) => ({ partition: 0, value: `before-${i}` })) });
      producer = await startHangingProducer(bootstrap(), topic, transactionalId, 5);
      producer.kill('SIGKILL');
      await plain.send({ topic, messages: [0, 1].map((i) => ({ partition: 0, value: `after-${i}` })) });
    } finally {
      await plain.disconnect();
    }

    // Held back: the last stable offset stops at the transaction's first record.
    const before = await app.call('transactions.topic', { connectionId, topic });
    const p0 = before.partitions.find((p) => p.partition === 0)!;
    expect(p0).toMatchObject({ highWatermark: '10', lastStableOffset: '3', held: '7', error: null });
    expect(p0.open).toHaveLength(1);
    const open = p0.open[0]!;
    expect(open).toMatchObject({ startOffset: '3', transactionalId, state: 'Ongoing', timeoutMs: 900_000, hanging: false });
    expect(open.startedAt).not.toBeNull();
    expect(before.partitions.find((p) => p.partition === 1)).toMatchObject({ highWatermark: '0', lastStableOffset: '0', open: [] });
    expect(before.brokerMaxTimeoutMs).toBe(900_000);
    expect(before.coordinatorError).toBeNull();

    // Judged by a shorter timeout (find-hanging's --max-transaction-timeout), it hangs.
    await new Promise((r) => setTimeout(r, 1_100));
    const judged = await app.call('transactions.topic', { connectionId, topic, hangingAfterMs: 1_000 });
    expect(judged.partitions[0]!.open[0]).toMatchObject({ producerId: open.producerId, hanging: true, limitMs: 1_000 });

    const abort = { topic, partition: 0, producerId: open.producerId, producerEpoch: open.producerEpoch, coordinatorEpoch: open.coordinatorEpoch };
    const refused = await app.call('transactions.abort', { connectionId: readOnlyId, ...abort }).catch((e: { code: string }) => e);
    expect(refused).toMatchObject({ code: 'READ_ONLY' });

    await app.call('transactions.abort', { connectionId, ...abort });
    const after = await eventually(
      () => app.call('transactions.topic', { connectionId, topic }),
      (r) => r.partitions[0]!.lastStableOffset === r.partitions[0]!.highWatermark,
      30_000,
    );
    // The abort marker takes one offset: 3 + 5 + 2 + marker.
    expect(after.partitions[0]).toMatchObject({ highWatermark: '11', lastStableOffset: '11', held: '0', open: [] });

    // A read_committed consumer now reads past it, and sees none of the aborted records.
    const consumer = kafka.consumer({ groupId: `txn-reader-${randomBytes(4).toString('hex')}`, readUncommitted: false });
    const seen: string[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void seen.push(message.value?.toString() ?? '') });
      await eventually(async () => seen.length, (n) => n >= 5, 30_000);
    } finally {
      await consumer.disconnect();
    }
    expect(seen).toEqual(['before-0', 'before-1', 'before-2', 'after-0', 'after-1']);
  }, 120_000);
});
