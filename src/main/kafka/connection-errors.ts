import type { AppErrorData } from '../../shared/errors';
export { UNREACHABLE_CODES } from '../../shared/connection-errors';

/** What each socket failure means, said of the broker ("Broker 127.0.0.1:9092 refused the connection"). */
const WHAT_HAPPENED: Record<string, string> = {
  ECONNREFUSED: 'refused the connection',
  ECONNRESET: 'closed the connection',
  ETIMEDOUT: 'did not answer in time',
  EHOSTUNREACH: 'cannot be reached from this machine',
  ENETUNREACH: 'cannot be reached from this machine (no route to its network)',
  ENOTFOUND: 'has a host name that does not resolve',
  EAI_AGAIN: 'has a host name that could not be resolved right now',
  EPIPE: 'closed the connection',
  TIMEOUT: 'did not answer in time',
};

const HINTS: Record<string, string> = {
  ECONNREFUSED: 'Nothing accepts connections at that address: check the host and port, and that the broker is running.',
  ENOTFOUND: 'The host name does not resolve: check the bootstrap address for typos.',
  EAI_AGAIN: 'The host name could not be resolved right now: check your network or DNS.',
  ETIMEDOUT: 'The broker did not answer in time: check the address, firewalls and VPN.',
  TIMEOUT: 'The broker accepts connections but does not answer: it may be overloaded, paused or stuck.',
  EHOSTUNREACH: 'The host is unreachable from this machine: check the network route or VPN.',
  ENETUNREACH: 'The host is unreachable from this machine: check the network route or VPN.',
  ECONNRESET: 'The broker closed the connection: the port may expect TLS or SASL, or the broker is restarting.',
  EPIPE: 'The broker closed the connection: the port may expect TLS or SASL, or the broker is restarting.',
};

/**
 * The one wording of "this broker cannot be reached", used by the connection test and by every
 * call on an open connection, so an outage reads the same everywhere and is never `UNKNOWN`.
 */
export function brokerUnreachableData(code: string, broker: string, detail?: string): AppErrorData {
  const what = WHAT_HAPPENED[code] ?? `could not be reached${detail ? ` (${detail})` : ''}`;
  const data: AppErrorData = { name: 'KafkaConnectionError', code, message: `Broker ${broker} ${what}`, retriable: true, broker };
  const hint = HINTS[code];
  if (hint) data.hint = hint;
  return data;
}

/** The hint for a socket error code, if the app has one. */
export function unreachableHint(code: string): string | undefined {
  return HINTS[code];
}
