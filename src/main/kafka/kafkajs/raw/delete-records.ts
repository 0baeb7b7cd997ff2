import type { InternalBroker } from '../internals';
import { throwIfFailed } from './broker-error';
import { sendRaw } from './send';
import { WireWriter } from './wire';

/**
 * DeleteRecords (API key 21) v0 to one partition leader: moves the log start offset up to
 * `offset` (-1: the high watermark). By hand because kafkajs' version discards the new low
 * watermarks the broker returns.
 *
 * Request v0:  topics [name STRING, partitions [partition_index INT32, offset INT64]], timeout_ms INT32
 * Response v0: throttle_time_ms INT32, topics [name STRING, partitions [partition_index INT32, low_watermark INT64, error_code INT16]]
 */
export async function deleteRecords(
  leader: InternalBroker,
  topic: string,
  before: { partition: number; offset: string }[],
  timeoutMs: number,
): Promise<{ partition: number; lowWatermark: string }[]> {
  const body = new WireWriter()
    .array([topic], (name, w) => w.string(name).array(before, (p, pw) => pw.int32(p.partition).int64(p.offset)))
    .int32(timeoutMs)
    .build();
  const partitions = await sendRaw(leader, {
    apiKey: 21,
    apiVersion: 0,
    apiName: 'DeleteRecords',
    body,
    parse: (r) => {
      r.int32(); // throttle
      return r.array((t) => (t.string(), t.array((p) => ({ partition: p.int32(), lowWatermark: p.int64(), errorCode: p.int16() })))).flat();
    },
  });
  throwIfFailed(partitions.map((p) => ({ errorCode: p.errorCode, errorMessage: null, subject: `partition ${p.partition}` })), `Deleting records of ${topic}`);
  return partitions.map(({ partition, lowWatermark }) => ({ partition, lowWatermark }));
}
