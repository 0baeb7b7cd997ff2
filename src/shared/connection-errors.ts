/** Socket error codes (and the app's TIMEOUT) that mean "the broker is not there right now". */
export const UNREACHABLE_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'TIMEOUT', 'CONNECTION_FAILED', 'CONNECTION_CLOSED']);

/**
 * True for an error that says the cluster (or a broker) cannot be reached, rather than that the
 * request was wrong: such calls are retried once the connection is healthy again, and pages keep
 * what they showed meanwhile.
 */
export function isConnectionUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; code?: unknown };
  return e.name === 'KafkaConnectionError' || (typeof e.code === 'string' && UNREACHABLE_CODES.has(e.code));
}
