import { AppError } from '../../../shared/errors';

/** Errors of a Connect worker's REST API in the user's terms: down, slow, rebalancing, failing, gone. */
export function connectError(code: string, message: string, retriable: boolean, hint?: string): AppError {
  return new AppError({ name: 'KafkaConnectError', code, message, retriable, ...(hint ? { hint } : {}) });
}

/** The worker could not be reached, or did not answer in time. */
export function connectUnreachable(cluster: string, where: string, error: Error & { code?: string }): AppError {
  // The route (SSH tunnel, proxy) failed: keep its code and hint, which say which hop, and name the worker.
  if (AppError.is(error)) return new AppError({ ...error.toData(), message: `Kafka Connect "${cluster}" (${where}): ${error.message}` });
  if (error.code === 'ETIMEDOUT') {
    return connectError('CONNECT_TIMEOUT', `Kafka Connect "${cluster}" (${where}) did not answer in time.`, true, 'The worker may be overloaded or starting; the page shows its last data until it answers.');
  }
  const why: Record<string, string> = {
    ECONNREFUSED: 'refused the connection: is the worker running?',
    ENOTFOUND: 'does not resolve from this machine',
    ECONNRESET: 'closed the connection',
    EHOSTUNREACH: 'cannot be reached from this machine',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'presented a self-signed certificate (add its CA to the profile)',
    SELF_SIGNED_CERT_IN_CHAIN: 'presented a certificate from an unknown CA (add the CA to the profile)',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'presented a certificate that cannot be verified (add the CA to the profile)',
    ERR_TLS_CERT_ALTNAME_INVALID: 'presented a certificate for another host name',
  };
  const reason = why[error.code ?? ''] ?? error.message;
  return connectError('CONNECT_UNREACHABLE', `Kafka Connect "${cluster}" (${where}) ${reason}${/[.?!]$/.test(reason) ? '' : '.'}`, true);
}

/** An HTTP error status with the worker's `{ error_code, message }` body. */
export function connectFromStatus(cluster: string, where: string, status: number, body: unknown, what: string): AppError {
  const said = typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string' ? (body as { message: string }).message : '';
  const tail = said ? `: ${said}` : '.';
  const name = `Kafka Connect "${cluster}"`;
  if (status === 401) return connectError('CONNECT_UNAUTHORIZED', `${name} refused the credentials (401)${tail}`, false, 'Check the Connect user and password or token in the profile.');
  if (status === 403) return connectError('CONNECT_FORBIDDEN', `${name} does not allow ${what} (403)${tail}`, false);
  if (status === 404) return connectError('CONNECT_NOT_FOUND', said || `${name} has no such resource (${what}).`, false, 'It may have been deleted meanwhile: refresh the list.');
  // A rebalance under way comes as 409, or as 500 "a rebalance is expected" right after a config change.
  if ((status === 409 || status >= 500) && /rebalanc|momentarily|stale configuration/i.test(said)) {
    return connectError('CONNECT_REBALANCING', `${name} is rebalancing its workers and cannot ${what} now${tail}`, true, 'Try again in a few seconds, when the rebalance is over.');
  }
  if (status === 409) return connectError('CONNECT_CONFLICT', `${name} refused to ${what} (409)${tail}`, false);
  if (status === 400 || status === 422) return connectError('CONNECT_BAD_REQUEST', `${name} refused to ${what} (${status})${tail}`, false);
  if (status >= 500) return connectError('CONNECT_SERVER_ERROR', `${name} failed to ${what} (${status})${tail}`, true, 'The worker had an internal error; its log says more.');
  return connectError(`CONNECT_HTTP_${status}`, `${name} answered ${status} to ${what}${tail}`, false);
}
