import type { InternalBroker } from '../internals';
import { readTopicResults, throwIfFailed } from './broker-error';
import { sendRaw } from './send';
import { WireWriter } from './wire';

export interface CreateTopicRequest {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
}

/**
 * CreateTopics (API key 19) v2, the lowest version Kafka 4 accepts and non-flexible. Sent by hand
 * because kafkajs drops the broker's error_message, the only place that says why, e.g.
 * "Replication factor: 3 larger than available brokers: 1."
 *
 * Request v2:  topics [name STRING, num_partitions INT32, replication_factor INT16,
 *              assignments [partition_index INT32, broker_ids [INT32]], configs [name STRING, value NULLABLE_STRING]],
 *              timeout_ms INT32, validate_only BOOLEAN
 * Response v2: throttle_time_ms INT32, topics [name STRING, error_code INT16, error_message NULLABLE_STRING]
 */
export async function createTopic(controller: InternalBroker, topic: CreateTopicRequest, validateOnly: boolean, timeoutMs: number): Promise<void> {
  const body = new WireWriter()
    .array([topic], (t, w) =>
      w
        .string(t.name)
        .int32(t.partitions)
        .int16(t.replicationFactor)
        .array([], () => undefined)
        .array(Object.entries(t.configs), ([name, value], c) => c.string(name).nullableString(value)),
    )
    .int32(timeoutMs)
    .bool(validateOnly)
    .build();
  const results = await sendRaw(controller, {
    apiKey: 19,
    apiVersion: 2,
    apiName: 'CreateTopics',
    body,
    parse: readTopicResults,
  });
  throwIfFailed(results, validateOnly ? `The broker would not create ${topic.name}` : `Creating ${topic.name}`);
}
