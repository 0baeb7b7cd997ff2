import { AppError, ErrorCode, type AppErrorData } from '../../../shared/errors';
import { redact } from '../../log';
import { brokerUnreachableData, UNREACHABLE_CODES } from '../connection-errors';

/** Fields kafkajs puts on its errors (it has no exported types for them). */
interface KafkajsErrorLike {
  name?: string;
  message?: string;
  type?: string;
  code?: string | number;
  retriable?: boolean;
  broker?: string;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown[];
}

const HINTS: Record<string, string> = {
  ECONNREFUSED: 'Nothing accepts connections at that address: check the host and port, and that the broker is running.',
  ENOTFOUND: 'The host name does not resolve: check the bootstrap address for typos.',
  EAI_AGAIN: 'The host name could not be resolved right now: check your network or DNS.',
  ETIMEDOUT: 'The broker did not answer in time: check the address, firewalls and VPN.',
  EHOSTUNREACH: 'The host is unreachable from this machine: check the network route or VPN.',
  ECONNRESET: 'The broker closed the connection: the port may expect TLS or SASL, or the broker is restarting.',
  UNKNOWN_TOPIC_OR_PARTITION: 'The topic does not exist (or is still being created): refresh the topic list.',
  TOPIC_AUTHORIZATION_FAILED: 'The connection’s principal lacks an ACL for this topic.',
  GROUP_AUTHORIZATION_FAILED: 'The connection’s principal lacks an ACL for this consumer group.',
  CLUSTER_AUTHORIZATION_FAILED: 'The connection’s principal lacks a cluster-level ACL for this operation.',
  SASL_AUTHENTICATION_FAILED: 'The broker rejected the credentials: check the user name, password and SASL mechanism.',
  UNSUPPORTED_SASL_MECHANISM: 'The broker does not enable this SASL mechanism on that listener: pick another mechanism.',
  ILLEGAL_SASL_STATE: 'This listener does not use SASL: turn SASL off, or use the port of the broker’s SASL listener.',
  CONNECTION_CLOSED: 'The broker closed the connection at once: the listener probably expects SASL or TLS (or the other way round): check the security settings and the port.',
  TLS_UNTRUSTED: 'The broker’s certificate is not trusted here: give the CA certificate (PEM) that signed it, or — for a throw-away test cluster only — turn off verification.',
  TLS_HOSTNAME: 'The broker’s certificate is not issued for this host name: connect with the name in its certificate, or fix the certificate’s subject alternative names.',
  TLS_EXPIRED: 'The broker’s certificate has expired (or is not valid yet): check the certificate and this machine’s clock.',
  TLS_CLIENT_CERT: 'The broker requires a client certificate (mutual TLS) and did not accept this one: give a certificate and key signed by a CA the broker trusts.',
  TLS_HANDSHAKE: 'The TLS handshake failed: check that this port serves TLS and the certificate settings.',
  SECURITY_DISABLED: 'This cluster has no authorizer (authorizer.class.name is not set), so it has no ACLs to list or change.',
  POLICY_VIOLATION: 'A broker-side policy rejected the request.',
  INVALID_REPLICATION_FACTOR: 'The replication factor cannot exceed the number of live brokers.',
  TOPIC_ALREADY_EXISTS: 'Pick another name or open the existing topic.',
  NOT_ENOUGH_REPLICAS: 'Fewer in-sync replicas than min.insync.replicas: a broker is probably down.',
  MESSAGE_TOO_LARGE: 'The message is larger than the topic’s max.message.bytes (or the broker’s message.max.bytes).',
  NOT_CONTROLLER: 'The controller moved: try again.',
  SILENT: 'Something accepts connections there but does not answer as a Kafka broker: check the port, and whether the listener expects TLS or SASL.',
  REQUEST_TIMED_OUT: 'The broker did not finish in time: try again, or raise the request timeout.',
};

function unwrap(error: KafkajsErrorLike): KafkajsErrorLike {
  // KafkaJSNumberOfRetriesExceeded wraps the last real failure.
  let current = error;
  for (let i = 0; i < 5; i++) {
    const inner = (current.originalError ?? (current.name === 'KafkaJSNumberOfRetriesExceeded' ? current.cause : undefined)) as
      | KafkajsErrorLike
      | undefined;
    if (!inner || typeof inner !== 'object') break;
    current = inner;
  }
  return current;
}

/** Maps whatever kafkajs (or Node's net/tls) threw to the app's error data. */
export function kafkaErrorData(error: unknown, context?: string): AppErrorData {
  if (AppError.is(error)) return error.toData();
  if (typeof error !== 'object' || error === null) {
    return { name: 'KafkaError', code: ErrorCode.Unknown, message: String(error), retriable: false };
  }
  const e = unwrap(error as KafkajsErrorLike);
  const prefix = context ? `${context}: ` : '';
  const message = prefix + (redact(e.message ?? 'Kafka error') as string);

  if (e.name === 'KafkaJSProtocolError' || e.name === 'KafkaJSCreateTopicError' || typeof e.type === 'string') {
    const code = e.type ?? String(e.code ?? ErrorCode.Unknown);
    return withOptional({ name: 'KafkaProtocolError', code, message, retriable: Boolean(e.retriable), hint: HINTS[code] }, e.broker);
  }
  if (e.name === 'KafkaJSSASLAuthenticationError') {
    // kafkajs' SCRAM failure reads "invalid credentials with SASL mechanism SCRAM-…": credentials, not mechanism.
    const credentials = /invalid credentials|invalid username or password|authentication failed/i.test(e.message ?? '');
    const code = !credentials && /mechanism.*not supported|unsupported.*mechanism|not enabled/i.test(e.message ?? '') ? 'UNSUPPORTED_SASL_MECHANISM' : 'SASL_AUTHENTICATION_FAILED';
    return withOptional({ name: 'KafkaAuthenticationError', code, message, retriable: false, hint: HINTS[code] }, e.broker);
  }
  const tls = tlsProblem(e);
  if (tls) {
    return withOptional({ name: 'KafkaTlsError', code: tls.code, message: prefix + tls.message, retriable: false, hint: HINTS[tls.hint] }, e.broker);
  }
  if ((e.name === 'KafkaJSConnectionClosedError' || e.name === 'KafkaJSConnectionError') && /^Closed connection$/i.test(e.message ?? '')) {
    return withOptional({ name: 'KafkaConnectionError', code: 'CONNECTION_CLOSED', message, retriable: true, hint: HINTS.CONNECTION_CLOSED }, e.broker);
  }
  if (e.name === 'KafkaJSConnectionError' || e.name === 'KafkaJSConnectionClosedError') {
    const sys = typeof e.code === 'string' ? e.code : connectionCodeFromMessage(e.message);
    // A broker that is not there reads as the connection test says it ("Broker … refused the connection").
    if (sys && UNREACHABLE_CODES.has(sys) && e.broker) return unreachable(sys, e.broker, prefix);
    return withOptional(
      {
        name: 'KafkaConnectionError',
        code: sys ?? ErrorCode.ConnectionFailed,
        message,
        retriable: true,
        hint: (sys && HINTS[sys]) ?? 'Could not reach the broker: check the address, the port and the security settings.',
      },
      e.broker,
    );
  }
  if (e.name === 'KafkaJSRequestTimeoutError' || e.name === 'KafkaJSTimeout') {
    return withOptional({ name: 'KafkaTimeoutError', code: ErrorCode.Timeout, message, retriable: true, hint: HINTS.REQUEST_TIMED_OUT }, e.broker);
  }
  if (e.name === 'KafkaJSBrokerNotFound' || e.name === 'KafkaJSNoBrokerAvailableError') {
    return { name: 'KafkaConnectionError', code: ErrorCode.ConnectionFailed, message, retriable: true, hint: 'No broker of the cluster is reachable right now.' };
  }
  if (/Broker not connected|Connection timeout/i.test(e.message ?? '')) {
    // kafkajs drops a connection whose first request never gets an answer and reports it this way.
    return withOptional({ name: 'KafkaTimeoutError', code: ErrorCode.Timeout, message, retriable: true, hint: HINTS.SILENT }, e.broker);
  }
  const sys = typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code) ? e.code : connectionCodeFromMessage(e.message);
  if (sys && UNREACHABLE_CODES.has(sys) && e.broker) return unreachable(sys, e.broker, prefix);
  if (sys && UNREACHABLE_CODES.has(sys)) return { name: 'KafkaConnectionError', code: sys, message, retriable: true, ...(HINTS[sys] ? { hint: HINTS[sys] } : {}) };
  return withOptional(
    { name: e.name ?? 'KafkaError', code: sys ?? ErrorCode.Unknown, message, retriable: Boolean(e.retriable), hint: sys ? HINTS[sys] : undefined },
    e.broker,
  );
}

/** The app's one-line advice for a Kafka error name, if it has one. */
export function protocolHint(code: string): string | undefined {
  return HINTS[code];
}

/** Throws the mapped error; use as `.catch(rethrowAsAppError('Fetching metadata'))`. */
export function rethrowAsAppError(context?: string) {
  return (error: unknown): never => {
    throw new AppError(kafkaErrorData(error, context));
  };
}

const TLS_UNTRUSTED = /^(SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|CERT_UNTRUSTED|CERT_SIGNATURE_FAILURE)$/;

/** A Node TLS socket error (the connection test's own handshake) as app error data, or null when it is not about TLS. */
export function tlsErrorData(error: { message?: string; code?: string }, broker: string): AppErrorData | null {
  const tls = tlsProblem({ message: error.message ?? '', code: error.code ?? '', broker });
  return tls ? { name: 'KafkaTlsError', code: tls.code, message: tls.message, retriable: false, hint: HINTS[tls.hint]!, broker } : null;
}

/** Node's TLS failures (a code on the error kafkajs wraps, or the text of its message), in the user's terms. */
function tlsProblem(e: KafkajsErrorLike): { code: string; hint: string; message: string } | null {
  const text = e.message ?? '';
  const code = typeof e.code === 'string' ? e.code : '';
  const broker = e.broker ? ` from ${e.broker}` : '';
  if (TLS_UNTRUSTED.test(code) || /self[- ]signed certificate|unable to verify the first certificate|unable to get (local )?issuer certificate/i.test(text)) {
    return { code: 'TLS_UNTRUSTED_CERTIFICATE', hint: 'TLS_UNTRUSTED', message: `untrusted TLS certificate${broker} (${code || text})` };
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || /does not match certificate's altnames|Hostname\/IP does not match/i.test(text)) {
    return { code: 'TLS_HOSTNAME_MISMATCH', hint: 'TLS_HOSTNAME', message: `the TLS certificate${broker} is for another host name (${text.replace(/^Connection error: /, '')})` };
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID' || /certificate has expired|certificate is not yet valid/i.test(text)) {
    return { code: 'TLS_CERTIFICATE_EXPIRED', hint: 'TLS_EXPIRED', message: `the TLS certificate${broker} has expired or is not valid yet` };
  }
  if (/alert (bad certificate|certificate required|unknown ca|certificate unknown)|alert number (42|116|48|46)/i.test(text) || /ALERT_(BAD_CERTIFICATE|CERTIFICATE_REQUIRED|UNKNOWN_CA)/.test(code)) {
    const alert = text.match(/alert ([a-z ]+?)(?::|$)/i)?.[1]?.trim() ?? 'bad certificate';
    return { code: 'TLS_CLIENT_CERTIFICATE_REJECTED', hint: 'TLS_CLIENT_CERT', message: `the broker${broker ? ` ${e.broker}` : ''} refused the TLS handshake: ${alert}` };
  }
  if (/^ERR_SSL_/.test(code) || /wrong version number|packet length too long|before secure TLS connection/i.test(text)) {
    return { code: 'TLS_HANDSHAKE_FAILED', hint: 'TLS_HANDSHAKE', message: `TLS handshake failed${broker}: ${text.replace(/^Connection error: /, '').split('\n')[0]}` };
  }
  return null;
}

/** The connection test's wording, after the caller's context when there is one ("Could not connect to …: Broker … refused the connection"). */
function unreachable(code: string, broker: string, prefix: string): AppErrorData {
  const data = brokerUnreachableData(code, broker);
  return prefix ? { ...data, message: prefix + data.message } : data;
}

function connectionCodeFromMessage(message: string | undefined): string | undefined {
  return message?.match(/\b(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ECONNRESET|EAI_AGAIN|EPIPE)\b/)?.[1];
}

function withOptional(data: Omit<AppErrorData, 'hint'> & { hint?: string | undefined }, broker: string | undefined): AppErrorData {
  const out: AppErrorData = { name: data.name, code: data.code, message: data.message, retriable: data.retriable };
  if (data.hint) out.hint = data.hint;
  if (broker) out.broker = broker;
  return out;
}
