import { randomUUID } from 'node:crypto';
import {
  ConnectionConfig,
  type Profile,
  type ProfileDraft,
  type ProfileSecrets,
  type ProfileSshHop,
  type ProfileView,
  type SecretName,
} from '../../../shared/api';
import { appError, ErrorCode } from '../../../shared/errors';
import type { JsonStore } from '../../storage/json-store';
import type { ProfilesFile } from './profile-store';
import { bindingChanges, bindingOf, SECRET_SCOPES, secretRequiredError } from './secret-binding';
import type { SecretStore, StoredSecrets } from './secret-store';
import { checkMaskingRules } from '../masking/masking-service';

/** Saved profiles and their secrets; the one place that joins them into a ConnectionConfig. */
export class ProfileService {
  private migration: Promise<void> | null = null;

  constructor(
    private readonly store: JsonStore<ProfilesFile>,
    readonly secrets: SecretStore,
  ) {}

  async list(): Promise<ProfileView[]> {
    await this.migrated();
    const { profiles } = await this.store.read();
    return Promise.all(profiles.map((p) => this.view(p)));
  }

  async get(id: string): Promise<Profile> {
    const profile = (await this.store.read()).profiles.find((p) => p.id === id);
    if (!profile) throw appError(ErrorCode.NotFound, 'This profile no longer exists.', { name: 'ProfileNotFound', hint: 'It may have been deleted in another window.' });
    return profile;
  }

  /**
   * Creates (no id) or replaces a profile. Secrets: a field left out keeps the stored one; "" removes it.
   * A stored secret is kept only if the new settings match the ones it was saved with; otherwise
   * the save is refused (SECRET_REQUIRED) until the secret is typed again or removed.
   */
  async save(draft: ProfileDraft, secrets: ProfileSecrets): Promise<ProfileView> {
    await this.migrated();
    const profile: Profile = { ...draft, id: draft.id ?? randomUUID().replace(/-/g, '').slice(0, 16) };
    checkMaskingRules(profile.masking ?? []);
    // Checked before anything is written, so a refused save changes nothing.
    const kept = usableSecrets(profile, secrets, await this.secrets.get(profile.id));
    await this.store.update((doc) => {
      const others = doc.profiles.filter((p) => p.id !== profile.id);
      const at = doc.profiles.findIndex((p) => p.id === profile.id);
      const profiles = at < 0 ? [...others, profile] : doc.profiles.map((p) => (p.id === profile.id ? profile : p));
      return { ...doc, profiles };
    });
    await this.secrets.set(profile.id, kept, bindingOf(profile));
    return this.view(profile);
  }

  async delete(id: string): Promise<void> {
    await this.store.update((doc) => ({ ...doc, profiles: doc.profiles.filter((p) => p.id !== id) }));
    await this.secrets.delete(id);
  }

  /** The masking rules of a saved profile (none once it is deleted). */
  async rulesOf(id: string): Promise<NonNullable<Profile['masking']>> {
    return (await this.store.read()).profiles.find((p) => p.id === id)?.masking ?? [];
  }

  /** The profile's secret key for masking hashes. */
  maskingKey(id: string): Promise<string> {
    return this.secrets.maskingKey(id);
  }

  /** The connection settings of a saved profile, secrets included (main only). */
  async connectionConfig(id: string): Promise<ConnectionConfig> {
    await this.migrated();
    const profile = await this.get(id);
    return toConnectionConfig(profile, usableSecrets(profile, {}, await this.secrets.get(id)));
  }

  /**
   * Settings for a profile as edited: the form's secrets first, the stored ones for fields it
   * left out, but only if the draft keeps the settings they were saved with.
   */
  async draftConfig(draft: ProfileDraft, secrets: ProfileSecrets): Promise<ConnectionConfig> {
    await this.migrated();
    const stored = draft.id ? await this.secrets.get(draft.id) : { secrets: {}, boundTo: null };
    return toConnectionConfig(draft, usableSecrets(draft, secrets, stored));
  }

  private async view(profile: Profile): Promise<ProfileView> {
    const { secrets } = await this.secrets.get(profile.id);
    return { ...profile, storedSecrets: (Object.keys(secrets) as SecretName[]).filter((k) => secrets[k]) };
  }

  /** Once per process: secrets written before bindings existed are bound to their profile's settings as saved. */
  private migrated(): Promise<void> {
    this.migration ??= this.bindLegacySecrets().catch((error: unknown) => {
      this.migration = null;
      throw error;
    });
    return this.migration;
  }

  private async bindLegacySecrets(): Promise<void> {
    const { profiles } = await this.store.read();
    for (const profile of profiles) {
      const stored = await this.secrets.get(profile.id);
      if (stored.boundTo === null && Object.keys(stored.secrets).length > 0) await this.secrets.set(profile.id, stored.secrets, bindingOf(profile));
    }
  }
}

/**
 * The secrets a profile's settings use: typed ones, plus stored ones for fields the form left
 * out. A stored one is refused (SECRET_REQUIRED) unless it was saved with exactly these
 * addresses, SASL mechanism and user, and TLS settings.
 */
export function usableSecrets(profile: ProfileDraft, typed: ProfileSecrets, stored: StoredSecrets): ProfileSecrets {
  const used = relevantSecrets(profile, { ...stored.secrets, ...typed });
  const fromStore = (Object.keys(used) as SecretName[]).filter((name) => typed[name] === undefined);
  if (fromStore.length === 0) return used;
  const now = bindingOf(profile);
  // Each secret is checked against the settings it serves: a new registry URL does not ask for the brokers' password again.
  for (const scope of ['kafka', 'registry', 'connect', 'route'] as const) {
    const names = fromStore.filter((n) => SECRET_SCOPES[n] === scope);
    if (names.length === 0) continue;
    if (!stored.boundTo || bindingChanges(stored.boundTo, now, scope).length > 0) throw secretRequiredError(names, stored.boundTo, now);
  }
  return used;
}

/** Keeps only the secrets the profile's security settings use, so a removed SASL drops its password. */
function relevantSecrets(profile: ProfileDraft, secrets: ProfileSecrets): ProfileSecrets {
  const out: ProfileSecrets = {};
  if (profile.sasl && profile.sasl.mechanism !== 'oauthbearer' && secrets.password) out.password = secrets.password;
  const oidc = profile.sasl?.mechanism === 'oauthbearer' && profile.sasl.oauth?.provider === 'oidc-client-credentials';
  if (profile.sasl?.mechanism === 'oauthbearer' && !oidc && secrets.token) out.token = secrets.token;
  if (oidc && secrets.oauthClientSecret) out.oauthClientSecret = secrets.oauthClientSecret;
  if (profile.tls?.keyFile && secrets.keyPassphrase) out.keyPassphrase = secrets.keyPassphrase;
  if (profile.schemaRegistry?.auth === 'basic' && secrets.registryPassword) out.registryPassword = secrets.registryPassword;
  if (profile.schemaRegistry?.auth === 'bearer' && secrets.registryToken) out.registryToken = secrets.registryToken;
  if (profile.kafkaConnect?.auth === 'basic' && secrets.connectPassword) out.connectPassword = secrets.connectPassword;
  if (profile.kafkaConnect?.auth === 'bearer' && secrets.connectToken) out.connectToken = secrets.connectToken;
  const ssh = profile.ssh;
  if (ssh?.auth === 'password' && secrets.sshPassword) out.sshPassword = secrets.sshPassword;
  if (ssh?.auth === 'key' && secrets.sshPassphrase) out.sshPassphrase = secrets.sshPassphrase;
  if (ssh?.jump?.auth === 'password' && secrets.sshJumpPassword) out.sshJumpPassword = secrets.sshJumpPassword;
  if (ssh?.jump?.auth === 'key' && secrets.sshJumpPassphrase) out.sshJumpPassphrase = secrets.sshJumpPassphrase;
  if (!ssh && profile.proxy?.username && secrets.proxyPassword) out.proxyPassword = secrets.proxyPassword;
  return out;
}

/** Profile + secrets → the validated ConnectionConfig the connection manager opens. */
export function toConnectionConfig(profile: ProfileDraft, secrets: ProfileSecrets): ConnectionConfig {
  const sasl = profile.sasl;
  const tls = profile.tls;
  const registry = profile.schemaRegistry;
  const parsed = ConnectionConfig.safeParse({
    ...(registry ? { schemaRegistry: registryConfig(registry, secrets) } : {}),
    ...(profile.localSchemas ? { localSchemas: profile.localSchemas } : {}),
    ...(profile.kafkaConnect ? { connectClusters: connectConfigs(profile.kafkaConnect, secrets) } : {}),
    ...routeConfig(profile, secrets),
    name: profile.name,
    brokers: profile.brokers,
    clientId: profile.clientId,
    readOnly: profile.readOnly,
    connectionTimeoutMs: profile.connectionTimeoutMs,
    requestTimeoutMs: profile.requestTimeoutMs,
    ...(tls
      ? {
          tls: {
            ...(tls.caFile ? { caFile: tls.caFile } : {}),
            ...(tls.certFile && tls.keyFile ? { certFile: tls.certFile, keyFile: tls.keyFile } : {}),
            ...(secrets.keyPassphrase ? { keyPassphrase: secrets.keyPassphrase } : {}),
            skipVerify: tls.skipVerify,
          },
        }
      : {}),
    ...(sasl
      ? {
          sasl:
            sasl.mechanism === 'oauthbearer'
              ? oauthConfig(sasl.oauth, secrets)
              : { mechanism: sasl.mechanism, username: sasl.username, password: secrets.password ?? '' },
        }
      : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    // Never echo values: a secret may be what failed validation.
    throw appError(ErrorCode.Validation, `The profile is incomplete: ${where}${issue?.message ?? 'invalid'}`, { name: 'ValidationError' });
  }
  return parsed.data;
}

/** OAUTHBEARER: the static token, or the OIDC client credentials with their secret. */
function oauthConfig(oauth: NonNullable<ProfileDraft['sasl']>['oauth'], secrets: ProfileSecrets) {
  if (oauth?.provider !== 'oidc-client-credentials') return { mechanism: 'oauthbearer', token: secrets.token ?? '' };
  return {
    mechanism: 'oauthbearer',
    oidc: {
      tokenUrl: oauth.tokenUrl,
      clientId: oauth.clientId,
      clientSecret: secrets.oauthClientSecret ?? '',
      ...(oauth.scope ? { scope: oauth.scope } : {}),
      ...(Object.keys(oauth.extensions).length > 0 ? { extensions: oauth.extensions } : {}),
    },
  };
}

/** The profile's Connect clusters, each with the shared authentication and TLS settings. */
function connectConfigs(connect: NonNullable<ProfileDraft['kafkaConnect']>, secrets: ProfileSecrets) {
  const tls = connect.tls;
  const shared = {
    ...(connect.auth === 'basic' ? { auth: { kind: 'basic', username: connect.username, password: secrets.connectPassword ?? '' } } : {}),
    ...(connect.auth === 'bearer' ? { auth: { kind: 'bearer', token: secrets.connectToken ?? '' } } : {}),
    ...(tls ? { tls: { ...(tls.caFile ? { caFile: tls.caFile } : {}), ...(tls.certFile && tls.keyFile ? { certFile: tls.certFile, keyFile: tls.keyFile } : {}), skipVerify: tls.skipVerify } } : {}),
  };
  return connect.clusters.map((c) => ({ name: c.name, url: c.url, ...shared }));
}

function registryConfig(registry: NonNullable<ProfileDraft['schemaRegistry']>, secrets: ProfileSecrets) {
  const tls = registry.tls;
  return {
    urls: registry.urls,
    ...(registry.auth === 'basic' ? { auth: { kind: 'basic', username: registry.username, password: secrets.registryPassword ?? '' } } : {}),
    ...(registry.auth === 'bearer' ? { auth: { kind: 'bearer', token: secrets.registryToken ?? '' } } : {}),
    ...(tls
      ? {
          tls: {
            ...(tls.caFile ? { caFile: tls.caFile } : {}),
            ...(tls.certFile && tls.keyFile ? { certFile: tls.certFile, keyFile: tls.keyFile } : {}),
            skipVerify: tls.skipVerify,
          },
        }
      : {}),
  };
}

function sshHop(hop: ProfileSshHop, password: string | undefined, passphrase: string | undefined) {
  const auth =
    hop.auth === 'password'
      ? { kind: 'password', password: password ?? '' }
      : hop.auth === 'agent'
        ? { kind: 'agent', ...(hop.agentSocket ? { socket: hop.agentSocket } : {}) }
        : { kind: 'key', keyFile: hop.keyFile, ...(passphrase ? { passphrase } : {}) };
  return { host: hop.host, port: hop.port, username: hop.username, auth };
}

/** The address mapping, SSH tunnel and proxy parts of a ConnectionConfig. */
function routeConfig(profile: ProfileDraft, secrets: ProfileSecrets) {
  const ssh = profile.ssh;
  const proxy = profile.proxy;
  return {
    ...(profile.addressMap?.length ? { addressMap: profile.addressMap } : {}),
    ...(ssh
      ? { ssh: { ...sshHop(ssh, secrets.sshPassword, secrets.sshPassphrase), ...(ssh.jump ? { jump: sshHop(ssh.jump, secrets.sshJumpPassword, secrets.sshJumpPassphrase) } : {}) } }
      : proxy
        ? { proxy: { kind: proxy.kind, host: proxy.host, port: proxy.port, ...(proxy.username ? { username: proxy.username, password: secrets.proxyPassword ?? '' } : {}) } }
        : {}),
  };
}
