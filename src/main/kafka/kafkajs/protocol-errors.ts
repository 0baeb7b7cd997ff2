import { errorCodes } from 'kafkajs/src/protocol/error.js';

// kafkajs ships Kafka's error table; reuse it instead of copying a hundred codes.
const byCode = new Map(errorCodes.map((e) => [e.code, e.type]));

/** Kafka's error name for a protocol error code, e.g. 3 → UNKNOWN_TOPIC_OR_PARTITION. */
export function errorNameForCode(code: number): string {
  return byCode.get(code) ?? `KAFKA_ERROR_${code}`;
}
