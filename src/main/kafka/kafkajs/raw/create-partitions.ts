import type { InternalBroker } from '../internals';
import { readTopicResults, throwIfFailed } from './broker-error';
import { sendRaw } from './send';
import { WireWriter } from './wire';

/**
 * CreatePartitions (API key 37) v1, non-flexible, by hand for the broker's error_message
 * (kafkajs drops it). Raises a topic's partition count to `totalCount`.
 *
 * Request v1:  topics [name STRING, count INT32, assignments NULLABLE [broker_ids [INT32]]], timeout_ms INT32, validate_only BOOLEAN
 * Response v1: throttle_time_ms INT32, results [name STRING, error_code INT16, error_message NULLABLE_STRING]
 */
export async function createPartitions(controller: InternalBroker, topic: string, totalCount: number, validateOnly: boolean, timeoutMs: number): Promise<void> {
  const body = new WireWriter()
    .array([topic], (name, w) => w.string(name).int32(totalCount).int32(-1)) // -1: no manual assignment
    .int32(timeoutMs)
    .bool(validateOnly)
    .build();
  const results = await sendRaw(controller, {
    apiKey: 37,
    apiVersion: 1,
    apiName: 'CreatePartitions',
    body,
    parse: readTopicResults,
  });
  throwIfFailed(results, `Adding partitions to ${topic}`);
}
