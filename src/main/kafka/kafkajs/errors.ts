import { AppError, ErrorCode, type AppErrorData } from '../../../shared/errors';
import { redact } from '../../log';

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
    const code = /mechanism/i.test(e.message ?? '') ? 'UNSUPPORTED_SASL_MECHANISM' : 'SASL_AUTHENTICATION_FAILED';
    return withOptional({ name: 'KafkaAuthenticationError', code, message, retriable: false, hint: HINTS[code] }, e.broker);
  }
  if (e.name === 'KafkaJSConnectionError' || e.name === 'KafkaJSConnectionClosedError') {
    const sys = typeof e.code === 'string' ? e.code : connectionCodeFromMessage(e.message);
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
  const sys = typeof e.code === 'string' && /^E[A-Z]+$/.test(e.code) ? e.code : undefined;
  return withOptional(
    { name: e.name ?? 'KafkaError', code: sys ?? ErrorCode.Unknown, message, retriable: Boolean(e.retriable), hint: sys ? HINTS[sys] : undefined },
    e.broker,
  );
}

/** Throws the mapped error; use as `.catch(rethrowAsAppError('Fetching metadata'))`. */
export function rethrowAsAppError(context?: string) {
  return (error: unknown): never => {
    throw new AppError(kafkaErrorData(error, context));
  };
}

function connectionCodeFromMessage(message: string | undefined): string | undefined {
  return message?.match(/\b(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH|ECONNRESET|EAI_AGAIN)\b/)?.[1];
}

function withOptional(data: Omit<AppErrorData, 'hint'> & { hint?: string | undefined }, broker: string | undefined): AppErrorData {
  const out: AppErrorData = { name: data.name, code: data.code, message: data.message, retriable: data.retriable };
  if (data.hint) out.hint = data.hint;
  if (broker) out.broker = broker;
  return out;
}
