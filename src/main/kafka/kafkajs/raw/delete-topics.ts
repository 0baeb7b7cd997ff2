import type { InternalBroker } from '../internals';
import { throwIfFailed } from './broker-error';
import { sendRaw } from './send';
import { WireWriter } from './wire';

/**
 * DeleteTopics (API key 20) v1, the oldest version Kafka 4 accepts, non-flexible.
 *
 * Request v1:  topic_names [STRING], timeout_ms INT32
 * Response v1: throttle_time_ms INT32, responses [name STRING, error_code INT16]
 */
export async function deleteTopics(controller: InternalBroker, names: string[], timeoutMs: number): Promise<void> {
  const body = new WireWriter()
    .array(names, (n, w) => w.string(n))
    .int32(timeoutMs)
    .build();
  const results = await sendRaw(controller, {
    apiKey: 20,
    apiVersion: 1,
    apiName: 'DeleteTopics',
    body,
    parse: (r) => {
      r.int32(); // throttle
      return r.array((t) => ({ subject: t.string(), errorCode: t.int16(), errorMessage: null }));
    },
  });
  throwIfFailed(results, 'Deleting the topic');
}
