import { AppError } from '../../../../shared/errors';
import { protocolHint } from '../errors';
import { errorNameForCode } from '../protocol-errors';
import type { WireReader } from './wire';

/** A result the broker answered with: its error code and, where the API has one, its own words. */
export interface BrokerResult {
  errorCode: number;
  errorMessage: string | null;
  /** What the result is about when the request covers several things, e.g. "partition 3". */
  subject?: string;
}

/**
 * Throws the first failed result as an AppError whose message is the broker's own reason
 * (e.g. "Replication factor: 3 larger than available brokers: 1."), which kafkajs would drop.
 */
export function throwIfFailed(results: BrokerResult[], context: string): void {
  const failed = results.find((r) => r.errorCode !== 0);
  if (!failed) return;
  const code = errorNameForCode(failed.errorCode);
  const reason = (failed.subject ? `${failed.subject}: ` : '') + (failed.errorMessage?.trim() || code);
  throw new AppError({ name: 'KafkaProtocolError', code, message: `${context}: ${reason}`, retriable: false, ...hintFor(code) });
}

/**
 * The answer CreateTopics (v1+) and CreatePartitions share: throttle_time_ms INT32, then per
 * topic name STRING, error_code INT16, error_message NULLABLE_STRING.
 */
export function readTopicResults(r: WireReader): (BrokerResult & { name: string })[] {
  r.int32(); // throttle
  return r.array((t) => ({ name: t.string(), errorCode: t.int16(), errorMessage: t.nullableString() }));
}

function hintFor(code: string): { hint?: string } {
  const hint = protocolHint(code);
  return hint ? { hint } : {};
}
