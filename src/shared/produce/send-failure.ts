import { ErrorCode } from '../errors';

/**
 * Kafka's answers to a Produce that come after the leader wrote the records: acks=all then waited
 * for replicas that fell away (AFTER_APPEND) or did not copy them in time (REQUEST_TIMED_OUT).
 */
export const WRITTEN_UNCONFIRMED = new Set(['NOT_ENOUGH_REPLICAS_AFTER_APPEND', 'REQUEST_TIMED_OUT']);

/** The heading over a failed send: it must not say "not sent" of a message the leader holds. */
export function sendFailureTitle(code: string | undefined): string {
  if (code && WRITTEN_UNCONFIRMED.has(code)) return 'Written, but not confirmed';
  if (code === ErrorCode.Timeout) return 'No answer: the message may have been written';
  return 'The message was not sent';
}
