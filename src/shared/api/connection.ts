import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { BrokerAddress, ConnectionId } from './common';
import type { AppErrorData } from '../errors';
import { ConnectClusterName } from './connect';
import { AddressMapping, ProxyConfig, SshConfig } from './route';

const Secret = z.string().max(64 * 1024);
const FilePath = z.string().trim().min(1).max(4096);

/** SASL mechanisms the app speaks; the value is what kafkajs (and Kafka) call them, lower-cased. */
export const SaslMechanism = z.enum(['plain', 'scram-sha-256', 'scram-sha-512', 'oauthbearer']);
export type SaslMechanism = z.infer<typeof SaslMechanism>;

const UserPassword = { username: z.string().trim().min(1, 'user name is empty').max(1024), password: Secret };

/** SASL extension keys are letters only (RFC 7628 §3.1); Kafka reserves `auth`. */
export const SaslExtensions = z
  .record(z.string().regex(/^[A-Za-z]{1,64}$/, 'an extension key is letters only').refine((k) => k !== 'auth', '"auth" is not allowed as an extension key'), z.string().max(1024).regex(/^[\x21-\x7E \t\r\n]*$/, 'an extension value is printable ASCII'))
  .refine((e) => Object.keys(e).length <= 20, 'at most 20 extensions');

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4) at an OIDC provider's token endpoint: main asks
 * for a token, caches it and asks again before it expires (docs/connections-and-security.md).
 */
export const OidcClientCredentials = z.object({
  tokenUrl: z
    .string()
    .trim()
    .url('give the token endpoint URL, e.g. https://idp.example.com/oauth2/token')
    .refine((u) => /^https?:\/\//i.test(u), 'the token endpoint starts with http:// or https://'),
  clientId: z.string().trim().min(1, 'client id is empty').max(1024),
  clientSecret: Secret.min(1, 'client secret is empty'),
  /** Space-separated scopes; none asks for the client's default. */
  scope: z.string().trim().max(2048).optional(),
  /** Sent in the OAUTHBEARER initial response (e.g. Confluent Cloud's logicalCluster, identityPoolId). */
  extensions: SaslExtensions.optional(),
});
export type OidcClientCredentials = z.infer<typeof OidcClientCredentials>;

/**
 * SASL authentication. OAUTHBEARER takes either a static token (e.g. one pasted from a CLI
 * login) or OIDC client credentials, whose tokens main fetches and refreshes.
 */
export const SaslConfig = z
  .discriminatedUnion('mechanism', [
    z.object({ mechanism: z.literal('plain'), ...UserPassword }),
    z.object({ mechanism: z.literal('scram-sha-256'), ...UserPassword }),
    z.object({ mechanism: z.literal('scram-sha-512'), ...UserPassword }),
    z.object({ mechanism: z.literal('oauthbearer'), token: Secret.min(1, 'token is empty').optional(), oidc: OidcClientCredentials.optional() }),
  ])
  .refine((s) => s.mechanism !== 'oauthbearer' || Boolean(s.token) !== Boolean(s.oidc), { message: 'OAUTHBEARER needs either a token or OIDC client credentials', path: ['token'] });
export type SaslConfig = z.infer<typeof SaslConfig>;

/**
 * TLS to the brokers. Without `caFile` the system's trusted CAs verify the broker; with
 * `certFile` + `keyFile` the client proves itself (mutual TLS). Files are PEM, read by main
 * when the connection opens. `skipVerify` accepts any server certificate and is shown as a
 * warning wherever the connection appears.
 */
export const TlsConfig = z.object({
  caFile: FilePath.optional(),
  certFile: FilePath.optional(),
  keyFile: FilePath.optional(),
  /** Passphrase of an encrypted private key. */
  keyPassphrase: Secret.optional(),
  skipVerify: z.boolean().default(false),
}).refine((t) => Boolean(t.certFile) === Boolean(t.keyFile), { message: 'mutual TLS needs both a certificate file and a key file', path: ['keyFile'] });
export type TlsConfig = z.output<typeof TlsConfig>;

/**
 * A Schema Registry speaking Confluent's REST API (Confluent, Redpanda, Karapace, Apicurio's
 * /apis/ccompat/v7). Several URLs are tried in order when one cannot be reached.
 */
export const SchemaRegistryConfig = z.object({
  urls: z
    .array(z.string().trim().url('give the registry URL, e.g. http://localhost:8081').refine((u) => /^https?:\/\//i.test(u), 'the registry URL starts with http:// or https://'))
    .min(1, 'give the registry URL')
    .max(10),
  auth: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('basic'), username: z.string().trim().min(1, 'user name is empty').max(1024), password: Secret }),
      z.object({ kind: z.literal('bearer'), token: Secret.min(1, 'token is empty') }),
    ])
    .optional(),
  tls: z
    .object({ caFile: FilePath.optional(), certFile: FilePath.optional(), keyFile: FilePath.optional(), skipVerify: z.boolean().default(false) })
    .refine((t) => Boolean(t.certFile) === Boolean(t.keyFile), { message: 'mutual TLS needs both a certificate file and a key file', path: ['keyFile'] })
    .optional(),
});
export type SchemaRegistryConfig = z.output<typeof SchemaRegistryConfig>;

/** A Kafka Connect cluster beside the Kafka cluster: its REST URL, auth and TLS like a registry's. */
export const ConnectClusterConfig = z.object({
  name: ConnectClusterName,
  url: z
    .string()
    .trim()
    .url('give the Connect REST URL, e.g. http://localhost:8083')
    .refine((u) => /^https?:\/\//i.test(u), 'the Connect URL starts with http:// or https://'),
  auth: SchemaRegistryConfig.shape.auth,
  tls: SchemaRegistryConfig.shape.tls,
});
export type ConnectClusterConfig = z.output<typeof ConnectClusterConfig>;

/**
 * Schemas from local files for data written without a registry (or when none is reachable):
 * .proto files or folders, Protobuf descriptor sets, .avsc files; topics (exact or with *)
 * mapped to a type, keys and values apart. `protobuf:raw` decodes Protobuf without a schema.
 */
export const LocalSchemasConfig = z.object({
  paths: z.array(FilePath).max(100).default([]),
  mappings: z
    .array(z.object({ topic: z.string().trim().min(1).max(249), part: z.enum(['key', 'value']), type: z.string().trim().min(1).max(1024) }))
    .max(500)
    .default([]),
});
export type LocalSchemasConfig = z.output<typeof LocalSchemasConfig>;

/** Everything needed to open a connection: address, identity, timeouts, security, the read-only gate. */
export const ConnectionConfig = z.object({
  name: z.string().trim().max(200).optional(),
  brokers: z.array(BrokerAddress).min(1, 'give at least one bootstrap address').max(100),
  clientId: z.string().trim().min(1).max(200).default('kafka-explorer'),
  readOnly: z.boolean().default(false),
  /** TCP (and TLS/SASL) connect timeout per broker, and the deadline of the first connect. */
  connectionTimeoutMs: z.number().int().min(500).max(120_000).default(10_000),
  /** Timeout of one request to a broker. */
  requestTimeoutMs: z.number().int().min(1_000).max(300_000).default(30_000),
  /** TLS on (present) or off (absent). */
  tls: TlsConfig.optional(),
  /** SASL on (present) or off (absent); with `tls` this is SASL_SSL, without it SASL_PLAINTEXT. */
  sasl: SaslConfig.optional(),
  /** Where schema-encoded keys and values find their schemas. */
  schemaRegistry: SchemaRegistryConfig.optional(),
  localSchemas: LocalSchemasConfig.optional(),
  /** Kafka Connect clusters whose connectors the Connect pages show (names unique). */
  connectClusters: z
    .array(ConnectClusterConfig)
    .max(10)
    .refine((cs) => new Set(cs.map((c) => c.name.toLowerCase())).size === cs.length, 'two Connect clusters have the same name')
    .optional(),
  /** Advertised broker addresses → reachable ones, applied to every socket the app opens. */
  addressMap: z.array(AddressMapping).max(100).optional(),
  /** Every broker socket goes through this SSH server (a forwarded channel each). */
  ssh: SshConfig.optional(),
  /** Every broker socket goes through this proxy (ignored when `ssh` is set). */
  proxy: ProxyConfig.optional(),
});
export type ConnectionConfigInput = z.input<typeof ConnectionConfig>;
export type ConnectionConfig = z.output<typeof ConnectionConfig>;

export interface ConnectionInfo {
  connectionId: string;
  name: string;
  brokers: string[];
  readOnly: boolean;
  /** Kafka's name for the transport: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL. */
  securityProtocol: SecurityProtocol;
  /** The server certificate is not verified (the user asked for it): show a warning. */
  tlsUnverified: boolean;
  /** Set when opened from a saved profile: its id and colour (the window shows the colour). */
  profileId?: string;
  color?: string;
  /**
   * The id of the cluster reached (null from brokers too old to say). Connecting reads no topic
   * metadata: on a 9,000-topic cluster that alone takes longer than connecting, and the
   * Overview's first calls read it anyway, into the snapshot the topic list then shares.
   */
  clusterId: string | null;
  /** Names of the Kafka Connect clusters the settings name (the Connect page shows only with some). */
  connectClusters?: string[];
}

export type SecurityProtocol = 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL';

/** Kafka's security.protocol for a configuration. */
export function securityProtocolOf(config: Pick<ConnectionConfig, 'tls' | 'sasl'>): SecurityProtocol {
  if (config.sasl) return config.tls ? 'SASL_SSL' : 'SASL_PLAINTEXT';
  return config.tls ? 'SSL' : 'PLAINTEXT';
}

export interface ConnectionLostEvent {
  connectionId: string;
  error: { message: string; broker?: string };
}

/**
 * How an open connection is doing, as main's health monitor sees it (docs/connection-health.md):
 * - `connected`: every broker known to the connection answers;
 * - `degraded`: some do not (`unreachable` says which and why), the others do;
 * - `lost`: none answers; main retries with backoff (`nextAttemptAt`) and fails calls at once;
 * - `recovered`: brokers answer again after `degraded` or `lost` (one round, then `connected`).
 */
export type HealthState = 'connected' | 'degraded' | 'lost' | 'recovered';

export interface UnreachableBroker {
  /** host:port */
  broker: string;
  /** The node id, when the cluster's metadata named it. */
  nodeId?: number;
  /** Why, in the connection test's words (e.g. "Broker 127.0.0.1:9092 refused the connection"). */
  reason: string;
  code: string;
}

export interface ConnectionHealth {
  connectionId: string;
  state: HealthState;
  /** When this state began (ms since the epoch). */
  since: number;
  /** When every broker last answered (ms since the epoch): data read since then is current. */
  lastHealthyAt: number;
  /** Brokers probed in the last round (host:port). */
  brokers: string[];
  unreachable: UnreachableBroker[];
  /** While `lost`: the error calls fail with. */
  error?: AppErrorData;
  /** While `lost`: failed rounds in a row, and when the next one starts (ms since the epoch). */
  attempt: number;
  nextAttemptAt: number | null;
}

export const connectionCalls = {
  /** Opens a connection and checks the cluster answers within the connection timeout. */
  'connection.connect': defineCall<ConnectionInfo>()(z.object({ config: ConnectionConfig })),
  'connection.disconnect': defineCall<void>()(z.object({ connectionId: ConnectionId })),
  /** Connections this window (or browser tab) opened and are still open. */
  'connection.list': defineCall<Omit<ConnectionInfo, 'clusterId'>[]>()(z.object({})),
  /** The connection's health as main sees it now (changes are pushed as `connection.health`). */
  'connection.health': defineCall<ConnectionHealth>()(z.object({ connectionId: ConnectionId })),
  /** "Retry now": probes the brokers at once instead of at the next backoff step. */
  'connection.retry': defineCall<ConnectionHealth>()(z.object({ connectionId: ConnectionId })),
};

export const connectionEvents = {
  /** Every change of a connection's health state (and of which brokers are unreachable). */
  'connection.health': defineEvent<ConnectionHealth>(),
  /** The connection went `lost` (also told by `connection.health`); main keeps retrying, the window stays connected. */
  'connection.lost': defineEvent<ConnectionLostEvent>(),
};
