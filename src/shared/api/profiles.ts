import { z } from 'zod';
import type { AppErrorData } from '../errors';
import { BrokerAddress, ConnectionId } from './common';
import { LocalSchemasConfig, SaslExtensions, SaslMechanism, type ConnectionInfo } from './connection';
import { AddressMapping, type HostKeyInfo } from './route';
import { defineCall, defineEvent } from './define';
import { ConnectClusterName } from './connect';
import { MaskingRule } from './masking';

/**
 * A saved cluster: everything of a connection except its secrets. Secrets (SASL password,
 * OAUTHBEARER token, private-key passphrase) live apart in main's secret store and never
 * travel back to the renderer.
 */
export const ProfileColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must be #rrggbb');

/** OAUTHBEARER's token source: a static token (the `token` secret) or OIDC client credentials (the `oauthClientSecret` secret). */
export const ProfileOauth = z.object({
  provider: z.enum(['static', 'oidc-client-credentials']).default('static'),
  tokenUrl: z.string().trim().max(2048).default(''),
  clientId: z.string().trim().max(1024).default(''),
  scope: z.string().trim().max(2048).default(''),
  extensions: SaslExtensions.default({}),
});
export type ProfileOauth = z.output<typeof ProfileOauth>;

export const ProfileSasl = z.object({
  mechanism: SaslMechanism,
  /** Empty for OAUTHBEARER. */
  username: z.string().trim().max(1024).default(''),
  /** OAUTHBEARER only; absent means a static token (profiles saved before OIDC). */
  oauth: ProfileOauth.optional(),
});

export const ProfileTls = z.object({
  caFile: z.string().trim().max(4096).optional(),
  certFile: z.string().trim().max(4096).optional(),
  keyFile: z.string().trim().max(4096).optional(),
  skipVerify: z.boolean().default(false),
});

/** A profile's Schema Registry, its password or token kept with the other secrets. */
export const ProfileRegistry = z.object({
  urls: z.array(z.string().trim().min(1).max(2048)).min(1, 'give the registry URL').max(10),
  auth: z.enum(['none', 'basic', 'bearer']).default('none'),
  username: z.string().trim().max(1024).default(''),
  tls: ProfileTls.optional(),
});
export type ProfileRegistry = z.output<typeof ProfileRegistry>;

/**
 * A profile's Kafka Connect clusters: each a name (its pages' links use it) and a REST URL; one
 * authentication and TLS setting for all of them, its password or token kept with the other secrets.
 */
export const ProfileConnect = z.object({
  clusters: z
    .array(z.object({ name: ConnectClusterName, url: z.string().trim().min(1, 'give the Connect REST URL').max(2048) }))
    .min(1, 'name at least one Connect cluster')
    .max(10),
  auth: z.enum(['none', 'basic', 'bearer']).default('none'),
  username: z.string().trim().max(1024).default(''),
  tls: ProfileTls.optional(),
});
export type ProfileConnect = z.output<typeof ProfileConnect>;
const SshHost = z.string().trim().min(1, 'give the SSH host').max(255);
const SshUser = z.string().trim().min(1, 'give the SSH user').max(256);

/** One SSH hop of a profile; its password or key passphrase is kept with the other secrets. */
export const ProfileSshHop = z.object({
  host: SshHost,
  port: z.number().int().min(1).max(65535).default(22),
  username: SshUser,
  auth: z.enum(['key', 'agent', 'password']).default('key'),
  /** Private key file for `key`. */
  keyFile: z.string().trim().max(4096).default(''),
  /** ssh-agent socket for `agent`; $SSH_AUTH_SOCK when empty. */
  agentSocket: z.string().trim().max(4096).default(''),
});
export type ProfileSshHop = z.output<typeof ProfileSshHop>;

/** The profile's SSH tunnel: the bastion, optionally reached through a jump host (its secrets: sshJumpPassword, sshJumpPassphrase). */
export const ProfileSsh = ProfileSshHop.extend({ jump: ProfileSshHop.optional() });
export type ProfileSsh = z.output<typeof ProfileSsh>;

/** The profile's SOCKS5 or HTTP CONNECT proxy; its password is a secret. */
export const ProfileProxy = z.object({
  kind: z.enum(['socks5', 'http']),
  host: z.string().trim().min(1, 'give the proxy host').max(255),
  port: z.number().int().min(1).max(65535),
  username: z.string().trim().max(256).default(''),
});
export type ProfileProxy = z.output<typeof ProfileProxy>;

export const ProfileId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid profile id');

/** What the edit form sends; `id` absent for a new profile. */
export const ProfileDraft = z.object({
  id: ProfileId.optional(),
  name: z.string().trim().min(1, 'give the profile a name').max(200),
  color: ProfileColor.default('#4f7cff'),
  brokers: z.array(BrokerAddress).min(1, 'give at least one bootstrap address').max(100),
  clientId: z.string().trim().min(1).max(200).default('kafka-explorer'),
  readOnly: z.boolean().default(false),
  connectionTimeoutMs: z.number().int().min(500).max(120_000).default(10_000),
  requestTimeoutMs: z.number().int().min(1_000).max(300_000).default(30_000),
  tls: ProfileTls.optional(),
  sasl: ProfileSasl.optional(),
  schemaRegistry: ProfileRegistry.optional(),
  localSchemas: LocalSchemasConfig.optional(),
  kafkaConnect: ProfileConnect.optional(),
  /** Masking rules applied in main to every read of this profile's topics (see masking.ts). */
  masking: z.array(MaskingRule).max(200).optional(),
  addressMap: z.array(AddressMapping).max(100).optional(),
  ssh: ProfileSsh.optional(),
  proxy: ProfileProxy.optional(),
});
export type ProfileDraftInput = z.input<typeof ProfileDraft>;
export type ProfileDraft = z.output<typeof ProfileDraft>;

export const Profile = ProfileDraft.extend({ id: ProfileId });
export type Profile = z.output<typeof Profile>;

/**
 * Secrets as the form sends them: a field left out keeps the stored value, an empty string
 * removes it.
 */
export const ProfileSecrets = z.object({
  password: z.string().max(64 * 1024).optional(),
  token: z.string().max(64 * 1024).optional(),
  keyPassphrase: z.string().max(64 * 1024).optional(),
  registryPassword: z.string().max(64 * 1024).optional(),
  registryToken: z.string().max(64 * 1024).optional(),
  connectPassword: z.string().max(64 * 1024).optional(),
  connectToken: z.string().max(64 * 1024).optional(),
  sshPassword: z.string().max(64 * 1024).optional(),
  sshPassphrase: z.string().max(64 * 1024).optional(),
  sshJumpPassword: z.string().max(64 * 1024).optional(),
  sshJumpPassphrase: z.string().max(64 * 1024).optional(),
  proxyPassword: z.string().max(64 * 1024).optional(),
  /** OAUTHBEARER with OIDC client credentials: the client secret. */
  oauthClientSecret: z.string().max(64 * 1024).optional(),
});
export type ProfileSecrets = z.infer<typeof ProfileSecrets>;
export type SecretName = keyof ProfileSecrets;

/**
 * Error code when a stored secret would be used with other settings (address, SASL mechanism
 * or user, TLS) than it was saved with: the user has to type it again.
 */
export const SECRET_REQUIRED = 'SECRET_REQUIRED';

/** A profile as the renderer sees it: which secrets are stored, never their values. */
export interface ProfileView extends Profile {
  storedSecrets: SecretName[];
}

/** Where secrets are kept: the OS keychain (Electron safeStorage) or, in browser mode, a file only this user may read. */
export interface SecretStorageInfo {
  kind: 'os-keychain' | 'file';
  /** Shown to the user, e.g. the file path in browser mode. */
  description: string;
}

export const TestStepName = z.enum(['ssh', 'resolve', 'tcp', 'tls', 'token', 'sasl', 'metadata', 'brokers', 'registry', 'connect']);
export type TestStepName = z.infer<typeof TestStepName>;

export interface TestStep {
  step: TestStepName;
  status: 'running' | 'ok' | 'failed' | 'skipped';
  /** What was checked, or what was found (e.g. "127.0.0.1:9092 → 127.0.0.1"). */
  detail?: string;
  error?: AppErrorData;
  ms?: number;
  /** ssh: the server's key when it is unknown (accept or refuse) or changed (refused). */
  hostKey?: HostKeyInfo;
  /** brokers: advertised addresses that cannot be reached from here, and the mapping offered for them. */
  unreachable?: AdvertisedFinding[];
  suggestedMapping?: AddressMapping[];
  /** token: what the token endpoint issued, read from the JWT's payload (never the token itself). */
  token?: TokenFacts;
}

/** What the connection test shows of an OAUTHBEARER token: where it came from and its claims. */
export interface TokenFacts {
  /** "OIDC client credentials" or "static token". */
  provider: string;
  /** The token endpoint URL (OIDC). */
  endpoint?: string;
  /** The scope asked for, and the token's `scope` claim when it has one. */
  requestedScope?: string;
  scope?: string;
  /** The `sub` claim: the principal Kafka will see. */
  subject?: string;
  /** When it expires (ms since the epoch), from `exp` or `expires_in`. */
  expiresAt?: number;
}

/** An advertised broker address that does not resolve or answer from this machine. */
export interface AdvertisedFinding {
  nodeId: number;
  /** host:port as the broker advertises it. */
  advertised: string;
  /** "broker 2 advertises kafka-2.internal:9092, which does not resolve from this machine" */
  message: string;
  code: string;
}

export interface TestStepEvent extends TestStep {
  testId: string;
}

export interface ConnectionTestResult {
  ok: boolean;
  /** The first step that failed, if any. */
  failedStep: TestStepName | null;
  steps: TestStep[];
}

export interface ImportedProfile {
  draft: ProfileDraftInput;
  secrets: ProfileSecrets;
  /** Settings of the file the app does not use (e.g. JKS keystores), so the user knows. */
  ignored: string[];
}

export const profileCalls = {
  'profiles.list': defineCall<{ profiles: ProfileView[]; secretStorage: SecretStorageInfo }>()(z.object({})),
  /** Creates or replaces a profile; secrets go to the secret store, apart from the profile file. */
  'profiles.save': defineCall<ProfileView>()(z.object({ profile: ProfileDraft, secrets: ProfileSecrets.default({}) })),
  'profiles.delete': defineCall<void>()(z.object({ id: ProfileId })),
  /**
   * Saves an open connection of this window (quick connect, the demo) as a new profile in one
   * click: main copies its settings, secrets go to the secret store as with `profiles.save`.
   */
  'profiles.saveConnection': defineCall<ProfileView>()(
    z.object({ connectionId: ConnectionId, name: z.string().trim().min(1).max(200).optional(), color: ProfileColor.optional() }),
  ),
  /** Connects with a saved profile (its secrets are added in main). */
  'profiles.connect': defineCall<ConnectionInfo>()(z.object({ id: ProfileId })),
  /**
   * Tests a profile as edited (saved secrets fill fields the form left out), step by step:
   * resolve, TCP, TLS, SASL, metadata; each step is pushed as `profiles.testStep`.
   */
  'profiles.test': defineCall<ConnectionTestResult>()(
    z.object({ testId: z.string().min(1).max(64), profile: ProfileDraft, secrets: ProfileSecrets.default({}) }),
  ),
  /** Reads a Java client `.properties` or a kcat `-F` config into a draft (not saved). */
  'profiles.import': defineCall<ImportedProfile>()(z.object({ format: z.enum(['properties', 'kcat']), text: z.string().max(1024 * 1024), name: z.string().max(200).optional() })),
  /**
   * Trusts an SSH server's host key the connection test showed as unknown: it is added to the
   * app's known_hosts. Refused when that host already has another key (a changed key is never
   * trusted from the app).
   */
  'profiles.trustHostKey': defineCall<void>()(
    z.object({
      hostPattern: z.string().min(1).max(300).regex(/^(\[[A-Za-z0-9._:-]+\]:\d{1,5}|[A-Za-z0-9._:-]+)$/),
      keyType: z.string().regex(/^[a-z0-9@.-]{3,64}$/),
      key: z.string().regex(/^[A-Za-z0-9+/=]{16,8192}$/),
      fingerprint: z.string().max(100),
    }),
  ),
  /** A Java client `.properties` for the profile, without any secret. */
  'profiles.export': defineCall<{ fileName: string; text: string }>()(z.object({ id: ProfileId })),
};

export const profileEvents = {
  'profiles.testStep': defineEvent<TestStepEvent>(),
};
