import metadataRequests from 'kafkajs/src/protocol/requests/metadata/index.js';
import type { InternalBroker, InternalCluster, RawMetadata } from '../internals';
import { WireWriter } from './wire';

/**
 * Metadata v5 with kafkajs' own encoder and decoder but without its all-or-nothing check:
 * kafkajs throws when any partition carries an error, so one offline partition
 * (LEADER_NOT_AVAILABLE) anywhere would hide the whole cluster. Partition errors stay on their
 * partitions; topics that answer with an error are kept, or left out with `dropTopicErrors`.
 */
export async function lenientMetadata(broker: InternalBroker, topics: string[] | null, options: { dropTopicErrors?: boolean } = {}): Promise<RawMetadata> {
  const { response } = metadataRequests.protocol({ version: 5 })({ topics, allowAutoTopicCreation: false });
  // Encoded here because kafkajs writes an empty list as null, i.e. "every topic".
  const w = new WireWriter();
  if (topics === null) w.int32(-1);
  else w.array(topics, (t, tw) => tw.string(t));
  const body = w.bool(false).build();
  const request = { apiKey: 3, apiVersion: 5, apiName: 'Metadata', encode: async () => ({ buf: body, buffer: body }) };
  const pool = (broker as unknown as { connectionPool: { send<R>(args: { request: unknown; response: unknown }): Promise<R> } }).connectionPool;
  const md = await pool.send<RawMetadata>({ request, response: { decode: response.decode, parse: async (decoded: unknown) => decoded } });
  return options.dropTopicErrors ? { ...md, topicMetadata: md.topicMetadata.filter((t) => t.topicErrorCode === 0) } : md;
}

/**
 * Makes every broker of this (internal, explorer-only) cluster read metadata leniently, so
 * kafkajs' own metadata refreshes survive offline partitions. Must run before connect().
 */
export function tolerateOfflinePartitions(cluster: InternalCluster): void {
  const pool = cluster.brokerPool as unknown as { createBroker(options: unknown): InternalBroker };
  const create = pool.createBroker.bind(pool);
  pool.createBroker = (options) => {
    const broker = create(options);
    // kafkajs refreshes with its target topics, or with none when it only needs the brokers:
    // "none" stays none instead of becoming every topic (25,000 partitions on a big cluster).
    // A target topic deleted since (kafkajs never forgets one) is left out instead of failing
    // every later refresh, and so every later read of any topic.
    broker.metadata = (topics: string[] = []) => lenientMetadata(broker, topics, { dropTopicErrors: true });
    return broker;
  };
}
