import kafkajs, { type IHeaders, type Kafka, type Producer, type Admin } from 'kafkajs';
import { lazyClient, type LazyClient } from './lazy-client';
import type { Acks, Compression } from '../../../shared/api';
import type { Logger } from '../../log';
import type { OutgoingRecord, PartitionAck, ProduceOptions, ProducerPort } from '../ports/producer';
import { rethrowAsAppError } from './errors';

// Node's ESM loader cannot see CompressionTypes as a named export of the CommonJS kafkajs.
const { CompressionTypes } = kafkajs;
const COMPRESSION: Record<Compression, number> = {
  none: CompressionTypes.None,
  gzip: CompressionTypes.GZIP,
  snappy: CompressionTypes.Snappy,
  lz4: CompressionTypes.LZ4,
  zstd: CompressionTypes.ZSTD,
};
const ACKS: Record<Acks, number> = { all: -1, leader: 1, none: 0 };
/**
 * Sends ride out what Java's producer rides out (a leader moving, a topic created a moment
 * ago): a few quick retries with fresh metadata, about 10 s in all, before a failure is counted.
 */
const PRODUCER_RETRY = { retries: 5, initialRetryTime: 200, maxRetryTime: 2_000 };

/** One lazily connected producer per connection; the shared admin only for error details. */
export function createProducerPort(kafka: Kafka, admin: LazyClient<Admin>, log: Logger): ProducerPort & { closeProducer(): Promise<void> } {
  const producer = lazyClient(() => kafka.producer({ allowAutoTopicCreation: false, idempotent: false, retry: PRODUCER_RETRY }));

  return {
    async produce(topic, records, options) {
      const used = producer.get();
      try {
        return await sendWith(used, topic, records, options);
      } catch (error) {
        // kafkajs keeps refreshing metadata for every topic its producer ever sent to; once one
        // of them is deleted, every refresh fails with UNKNOWN_TOPIC_OR_PARTITION and so does
        // every send, to any topic. The service checked this topic exists: start a clean
        // producer (once, however many batches noticed) and send again.
        if ((error as { code?: string }).code !== 'UNKNOWN_TOPIC_OR_PARTITION') throw error;
        log.debug('producer metadata stuck on a deleted topic; reconnecting it');
        producer.replace(used);
        return sendWith(producer.get(), topic, records, options);
      }
    },

    async topicConfig(topic, name) {
      const a = await admin.get();
      const { resources } = await a.describeConfigs({ includeSynonyms: false, resources: [{ type: 2 /* TOPIC */, name: topic, configNames: [name] }] });
      return resources[0]?.configEntries.find((e) => e.configName === name)?.configValue ?? null;
    },

    closeProducer: () => producer.close(),
  };
}

async function sendWith(producer: Promise<Producer>, topic: string, records: OutgoingRecord[], options: ProduceOptions): Promise<PartitionAck[]> {
  const p = await producer.catch(rethrowAsAppError('Connecting the producer'));
  const result = await p
    .send({
      topic,
      acks: ACKS[options.acks],
      compression: COMPRESSION[options.compression],
      messages: records.map((r) => ({
        key: r.key,
        value: r.value,
        partition: r.partition,
        timestamp: String(r.timestamp),
        headers: toHeaders(r.headers),
      })),
    })
    .catch(rethrowAsAppError('Sending'));
  return result.map(
    (m): PartitionAck => ({
      partition: m.partition,
      baseOffset: m.baseOffset ?? null,
      logAppendTime: m.logAppendTime && m.logAppendTime !== '-1' ? m.logAppendTime : null,
    }),
  );
}

/** Kafka allows repeated header keys; kafkajs expresses them as arrays. */
function toHeaders(headers: { key: string; value: Buffer }[]): IHeaders {
  const out: IHeaders = {};
  for (const { key, value } of headers) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}
