import { AppError } from '../../../../shared/errors';
import type { InternalBroker } from '../internals';
import type { AbortedTransaction } from './record-batch-decode';
import { sendRaw } from './send';
import { WireWriter } from './wire';

export interface FetchedPartition {
  partition: number;
  errorCode: number;
  highWatermark: string;
  abortedTransactions: AbortedTransaction[];
  /** The record batches as the broker sent them (decoded by record-batch-decode.ts). */
  records: Buffer;
}

/**
 * Fetch (API key 1) v11, the newest non-flexible version, read committed, without a fetch
 * session and without a group: what a browser needs, answered as raw record batches so they
 * can be decoded in one pass (kafkajs decodes every record into Long-based objects first).
 *
 * Request v11:  replica_id INT32, max_wait_ms INT32, min_bytes INT32, max_bytes INT32, isolation_level INT8,
 *               session_id INT32, session_epoch INT32, topics [topic STRING, partitions [partition INT32,
 *               current_leader_epoch INT32, fetch_offset INT64, log_start_offset INT64, partition_max_bytes INT32]],
 *               forgotten_topics_data [topic STRING, partitions [INT32]], rack_id STRING
 * Response v11: throttle_time_ms INT32, error_code INT16, session_id INT32, responses [topic STRING,
 *               partitions [partition_index INT32, error_code INT16, high_watermark INT64, last_stable_offset INT64,
 *               log_start_offset INT64, aborted_transactions [producer_id INT64, first_offset INT64] (nullable),
 *               preferred_read_replica INT32, records RECORDS (nullable)]]
 */
export async function fetchRecords(
  leader: InternalBroker,
  topic: string,
  positions: { partition: number; offset: string }[],
  maxBytesPerPartition: number,
  maxWaitMs: number,
): Promise<{ errorCode: number; partitions: FetchedPartition[] }> {
  const supported = (leader as unknown as { versions?: Record<number, { maxVersion: number }> | null }).versions?.[FETCH]?.maxVersion;
  if (supported !== undefined && supported < 11) {
    throw new AppError({
      name: 'KafkaProtocolError',
      code: 'UNSUPPORTED_VERSION',
      message: `This broker speaks Fetch up to v${supported}: reading messages needs Kafka 2.3 or newer (Fetch v11).`,
      retriable: false,
    });
  }
  const body = new WireWriter()
    .int32(-1) // replica id: a consumer
    .int32(maxWaitMs)
    .int32(1) // min bytes
    .int32(Math.min(0x7fffffff, maxBytesPerPartition * positions.length))
    .int8(1) // read committed
    .int32(0) // no fetch session
    .int32(-1) // session epoch: sessionless
    .array([topic], (name, w) =>
      w.string(name).array(positions, (p, pw) => pw.int32(p.partition).int32(-1).int64(BigInt(p.offset)).int64(-1n).int32(maxBytesPerPartition)),
    )
    .array([], () => undefined) // forgotten topics
    .string('')
    .build();
  return sendRaw(leader, {
    apiKey: FETCH,
    apiVersion: 11,
    apiName: 'Fetch',
    body,
    parse: (r) => {
      r.int32(); // throttle
      const errorCode = r.int16();
      r.int32(); // session id
      const partitions = r.array((t) => {
        t.string();
        return t.array((p): FetchedPartition => {
          const partition = p.int32();
          const partitionError = p.int16();
          const highWatermark = p.int64();
          p.int64(); // last stable offset
          p.int64(); // log start offset
          const abortedTransactions = p.nullableArray((a) => ({ producerId: a.int64(), firstOffset: a.int64() })) ?? [];
          p.int32(); // preferred read replica
          return { partition, errorCode: partitionError, highWatermark, abortedTransactions, records: p.nullableBytes() ?? EMPTY };
        });
      }).flat();
      return { errorCode, partitions };
    },
  });
}

const EMPTY = Buffer.alloc(0);
const FETCH = 1;
