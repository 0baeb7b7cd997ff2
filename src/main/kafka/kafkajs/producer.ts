import kafkajs, { type IHeaders, type Kafka, type Producer, type Admin } from 'kafkajs';
import type { Acks, Compression } from '../../../shared/api';
import type { Logger } from '../../log';
import type { PartitionAck, ProducerPort } from '../ports/producer';
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

/** One lazily connected producer per connection (and an admin, only for error details). */
export function createProducerPort(kafka: Kafka, log: Logger): ProducerPort & { closeProducer(): Promise<void> } {
  let producer: Promise<Producer> | null = null;
  let admin: Promise<Admin> | null = null;

  const connected = <T extends { connect(): Promise<void> }>(make: () => T) => {
    const client = make();
    return client.connect().then(() => client);
  };
  const getProducer = () =>
    (producer ??= connected(() => kafka.producer({ allowAutoTopicCreation: false, idempotent: false })).catch((error: unknown) => {
      producer = null;
      throw error;
    }));

  return {
    async produce(topic, records, options) {
      const p = await getProducer().catch(rethrowAsAppError('Connecting the producer'));
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
    },

    async topicConfig(topic, name) {
      admin ??= connected(() => kafka.admin());
      const a = await admin;
      const { resources } = await a.describeConfigs({ includeSynonyms: false, resources: [{ type: 2 /* TOPIC */, name: topic, configNames: [name] }] });
      return resources[0]?.configEntries.find((e) => e.configName === name)?.configValue ?? null;
    },

    async closeProducer() {
      const [p, a] = [producer, admin];
      producer = admin = null;
      await Promise.all([p?.then((x) => x.disconnect()), a?.then((x) => x.disconnect())].map((x) => x?.catch((error: unknown) => log.debug('producer close failed', { error }))));
    },
  };
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
