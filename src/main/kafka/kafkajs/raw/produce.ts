import type { InternalBroker } from '../internals';
import { sendRaw, sendRawUnanswered } from './send';
import { sendFramed } from './send-framed';
import { WireReader, WireWriter } from './wire';

export interface PartitionProduceResult {
  partition: number;
  errorCode: number;
  /** The broker's own words (v8+), e.g. which record was invalid. */
  errorMessage: string | null;
  baseOffset: string;
  /** -1 unless the topic uses LogAppendTime. */
  logAppendTime: string;
}

const ANSWER_GRACE_MS = 5_000;

/**
 * Produce (API key 0) v8, the newest non-flexible version, to one partition leader: one record
 * batch per partition. With acks=0 the broker answers nothing and this returns null.
 *
 * Request v8:  transactional_id NULLABLE_STRING, acks INT16, timeout_ms INT32,
 *              topic_data [name STRING, partition_data [index INT32, records RECORDS]]
 * Response v8: responses [name STRING, partition_responses [index INT32, error_code INT16, base_offset INT64,
 *              log_append_time_ms INT64, log_start_offset INT64, record_errors [batch_index INT32,
 *              batch_index_error_message NULLABLE_STRING], error_message NULLABLE_STRING]], throttle_time_ms INT32
 */
export async function produce(
  leader: InternalBroker,
  topic: string,
  batches: { partition: number; batch: Buffer }[],
  acks: -1 | 0 | 1,
  timeoutMs: number,
): Promise<PartitionProduceResult[] | null> {
  const body = new WireWriter()
    .nullableString(null)
    .int16(acks)
    .int32(timeoutMs)
    .array([topic], (name, w) => w.string(name).array(batches, (b, bw) => bw.int32(b.partition).bytes(b.batch)));
  // The broker's own timeout must fire first: its REQUEST_TIMED_OUT says the batch was written
  // and not confirmed, where a client-side timeout could not say whether it was written at all.
  const waitMs = acks === 0 ? null : timeoutMs + ANSWER_GRACE_MS;
  const framed = await sendFramed(leader, { ...PRODUCE_V8, parts: body.pieces(), expectResponse: acks !== 0, requestTimeout: waitMs });
  if (framed.sent) return framed.payload ? parseResponse(new WireReader(framed.payload)) : null;
  // The connection has yet to authenticate (SASL), which only kafkajs' own send does.
  const request = { ...PRODUCE_V8, body: body.build() };
  if (acks === 0) {
    await sendRawUnanswered(leader, request);
    return null;
  }
  return sendRaw(leader, { ...request, waitMs: waitMs!, parse: parseResponse });
}

const PRODUCE_V8 = { apiKey: 0, apiVersion: 8, apiName: 'Produce' };

function parseResponse(r: WireReader): PartitionProduceResult[] {
  const results = r.array((t) => {
    t.string();
    return t.array((p) => {
      const partition = p.int32();
      const errorCode = p.int16();
      const baseOffset = p.int64();
      const logAppendTime = p.int64();
      p.int64(); // log start offset
      const recordErrors = p.array((e) => `record ${e.int32()}: ${e.nullableString() ?? 'invalid'}`);
      const message = p.nullableString();
      const errorMessage = [message, ...recordErrors].filter(Boolean).join('; ') || null;
      return { partition, errorCode, errorMessage, baseOffset, logAppendTime };
    });
  });
  r.int32(); // throttle
  return results.flat();
}
