import type { LogDirDescription } from '../../ports/brokers';
import type { InternalBroker } from '../internals';
import { errorNameForCode } from '../protocol-errors';
import { CompactReader, CompactWriter } from './compact-wire';
import { parseFlexibleResponse, sendFlexible, sharedVersion } from './send-flexible';
import { sendRaw } from './send';
import { WireReader, WireWriter } from './wire';

/** Versions we speak: v1 (classic, Kafka 1.1+; v0 is gone from Kafka 4) to v4 (total/usable bytes, Kafka 3.3+). */
export const LOG_DIRS_VERSIONS = { min: 1, max: 4 } as const;

export interface LogDirsResult {
  /** Top-level error code (v3+), 0 before. */
  errorCode: number;
  logDirs: LogDirDescription[];
}

/**
 * DescribeLogDirs (API key 35), which kafkajs lacks: the replicas each log directory of ONE
 * broker holds and their size on disk. `partitions` null asks for every replica. An answer that
 * arrives after `signal` aborted is not read: it resolves with no dirs, and the caller checks the signal.
 *
 * Request v1:  topics NULLABLE [topic STRING, partitions [INT32]]
 * Request v2+ (flexible): the same with compact strings/arrays and tagged fields.
 * Response v1: throttle_time_ms INT32, results [error_code INT16, log_dir STRING, topics [name STRING,
 *              partitions [partition_index INT32, partition_size INT64, offset_lag INT64, is_future_key BOOLEAN]]]
 * v2: flexible. v3: error_code INT16 after throttle_time_ms. v4: total_bytes INT64, usable_bytes INT64 after topics.
 */
export async function describeLogDirs(broker: InternalBroker, partitions: Map<string, number[]> | null, signal?: AbortSignal): Promise<LogDirsResult> {
  const version = sharedVersion(broker, 35, LOG_DIRS_VERSIONS) ?? 1;
  // The broker answers anyway; once the caller has gone, the answer is dropped unread (the caller
  // checks the signal; throwing here would have kafkajs log an error for a plain cancellation).
  const parse = (r: WireReader): LogDirsResult => (signal?.aborted ? { errorCode: 0, logDirs: [] } : parseLogDirs(r, version));
  const topics = partitions === null ? null : [...partitions.entries()];
  if (version === 1) {
    const w = new WireWriter();
    if (topics === null) w.int32(-1);
    else w.array(topics, ([topic, ids], tw) => tw.string(topic).array(ids, (p, pw) => pw.int32(p)));
    return sendRaw(broker, { apiKey: 35, apiVersion: 1, apiName: 'DescribeLogDirs', body: w.build(), parse });
  }
  const body = new CompactWriter()
    .compactNullableArray(topics, ([topic, ids], w) => w.compactString(topic).compactArray(ids, (p, pw) => pw.int32(p)).tags())
    .tags()
    .build();
  return sendFlexible(broker, { apiKey: 35, apiVersion: version, apiName: 'DescribeLogDirs', body, parse });
}

/** Decodes a whole response body as received after the correlation id (unit tests feed it bytes). */
export function decodeLogDirs(raw: Buffer, version: number): LogDirsResult {
  return version >= 2 ? parseFlexibleResponse(raw, (r) => parseLogDirs(r, version)) : parseLogDirs(new WireReader(raw), version);
}

function parseLogDirs(r: WireReader, version: number): LogDirsResult {
  const flexible = version >= 2;
  const c = r as CompactReader;
  const str = () => (flexible ? c.compactString() : r.string());
  const arr = <T>(read: () => T): T[] => (flexible ? c.compactArray(read) : r.array(read));
  const endStruct = () => {
    if (flexible) c.skipTags();
  };

  r.int32(); // throttle
  const errorCode = version >= 3 ? r.int16() : 0;
  const logDirs = arr(() => {
    const dirError = r.int16();
    const path = str();
    const replicas = arr(() => {
      const topic = str();
      const parts = arr(() => {
        const replica = { topic, partition: r.int32(), sizeBytes: r.int64Size(), offsetLag: r.int64Size(), isFuture: r.bool() };
        endStruct();
        return replica;
      });
      endStruct();
      return parts;
    }).flat();
    let totalBytes: number | null = null;
    let usableBytes: number | null = null;
    if (version >= 4) {
      // -1 means the broker could not tell.
      const total = r.int64Size();
      const usable = r.int64Size();
      totalBytes = total >= 0 ? total : null;
      usableBytes = usable >= 0 ? usable : null;
    }
    endStruct();
    return { path, error: dirError === 0 ? null : errorNameForCode(dirError), totalBytes, usableBytes, replicas };
  });
  endStruct();
  return { errorCode, logDirs };
}
