import { SECRET_REQUIRED, type ProfileDraft, type SecretName } from '../../../shared/api';
import { appError, type AppError } from '../../../shared/errors';

/**
 * What a profile's secrets were saved with: the bootstrap addresses, the SASL mechanism and
 * user, and the TLS settings. A stored secret is only ever used with exactly these, so a
 * changed address or a SCRAM → PLAIN switch cannot send it somewhere else (issue 11).
 */
export interface SecretBinding {
  /** Lower-cased, sorted, without duplicates. */
  brokers: string[];
  mechanism: string | null;
  username: string;
  tls: TlsBinding | null;
  /** OIDC client credentials: the token endpoint and client id its client secret was saved for (absent in bindings saved before OIDC). */
  oauth?: string | null;
  /** The Schema Registry its registry password or token was saved for (absent in bindings saved before registries). */
  registry?: { urls: string[]; auth: string; username: string; tls: TlsBinding | null } | null;
  /** The Kafka Connect clusters its Connect password or token was saved for. */
  connect?: { urls: string[]; auth: string; username: string; tls: TlsBinding | null } | null;
  /** The SSH servers and proxy the route secrets were saved for (absent in bindings saved before routes). */
  route?: { ssh: string | null; jump: string | null; proxy: string | null } | null;
}

type TlsBinding = { caFile: string | null; certFile: string | null; keyFile: string | null; skipVerify: boolean };

/** Which settings a secret belongs to: the brokers', the Schema Registry's, Kafka Connect's or the route's (SSH, proxy). */
export type SecretScope = 'kafka' | 'registry' | 'connect' | 'route';
export const SECRET_SCOPES: Record<SecretName, SecretScope> = {
  password: 'kafka',
  token: 'kafka',
  keyPassphrase: 'kafka',
  registryPassword: 'registry',
  registryToken: 'registry',
  connectPassword: 'connect',
  connectToken: 'connect',
  sshPassword: 'route',
  sshPassphrase: 'route',
  sshJumpPassword: 'route',
  sshJumpPassphrase: 'route',
  proxyPassword: 'route',
  oauthClientSecret: 'kafka',
};

const orNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

/** The binding of a profile's current settings. */
export function bindingOf(
  profile: Pick<ProfileDraft, 'brokers' | 'sasl' | 'tls'> & {
    schemaRegistry?: ProfileDraft['schemaRegistry'];
    kafkaConnect?: ProfileDraft['kafkaConnect'];
    ssh?: ProfileDraft['ssh'];
    proxy?: ProfileDraft['proxy'];
  },
): SecretBinding {
  const registry = profile.schemaRegistry;
  const connect = profile.kafkaConnect;
  const hop = (h: { username: string; host: string; port: number; keyFile: string } | undefined) => (h ? `${h.username}@${h.host.toLowerCase()}:${h.port} ${h.keyFile}` : null);
  return {
    route: profile.ssh || profile.proxy ? { ssh: hop(profile.ssh), jump: hop(profile.ssh?.jump), proxy: profile.proxy ? `${profile.proxy.kind} ${profile.proxy.username}@${profile.proxy.host.toLowerCase()}:${profile.proxy.port}` : null } : null,
    brokers: [...new Set(profile.brokers.map((b) => b.trim().toLowerCase()))].sort(),
    mechanism: profile.sasl?.mechanism ?? null,
    username: profile.sasl?.username.trim() ?? '',
    tls: tlsBinding(profile.tls),
    oauth: oidcBinding(profile.sasl),
    registry: registry
      ? { urls: registry.urls.map((u) => u.trim().replace(/\/+$/, '')), auth: registry.auth, username: registry.username.trim(), tls: tlsBinding(registry.tls) }
      : null,
    connect: connect
      ? { urls: connect.clusters.map((c) => c.url.trim().replace(/\/+$/, '')).sort(), auth: connect.auth, username: connect.username.trim(), tls: tlsBinding(connect.tls) }
      : null,
  };
}

/** "clientId@tokenUrl": the client secret goes to no other endpoint or client than it was saved for. */
function oidcBinding(sasl: ProfileDraft['sasl']): string | null {
  const oauth = sasl?.mechanism === 'oauthbearer' ? sasl.oauth : undefined;
  return oauth?.provider === 'oidc-client-credentials' ? `${oauth.clientId.trim()}@${oauth.tokenUrl.trim()}` : null;
}

function tlsBinding(tls: ProfileDraft['tls']): TlsBinding | null {
  return tls ? { caFile: orNull(tls.caFile), certFile: orNull(tls.certFile), keyFile: orNull(tls.keyFile), skipVerify: Boolean(tls.skipVerify) } : null;
}

/** Which parts differ, in the user's words; empty when the binding matches. */
export function bindingChanges(saved: SecretBinding, now: SecretBinding, scope: SecretScope | 'all' = 'all'): string[] {
  const changes: string[] = [];
  if (scope === 'kafka' || scope === 'all') {
    if (saved.brokers.join(',') !== now.brokers.join(',')) changes.push('bootstrap address');
    if (saved.mechanism !== now.mechanism) changes.push('SASL mechanism');
    if (saved.username !== now.username) changes.push('user name');
    if (JSON.stringify(saved.tls) !== JSON.stringify(now.tls)) changes.push('TLS settings');
    if ((saved.oauth ?? null) !== (now.oauth ?? null)) changes.push('token endpoint or client id');
  }
  if ((scope === 'registry' || scope === 'all') && JSON.stringify(saved.registry ?? null) !== JSON.stringify(now.registry ?? null)) changes.push('Schema Registry settings');
  if ((scope === 'connect' || scope === 'all') && JSON.stringify(saved.connect ?? null) !== JSON.stringify(now.connect ?? null)) changes.push('Kafka Connect settings');
  if ((scope === 'route' || scope === 'all') && JSON.stringify(saved.route ?? null) !== JSON.stringify(now.route ?? null)) changes.push('SSH or proxy settings');
  return changes;
}

const SECRET_WORDS: Record<SecretName, string> = {
  password: 'password',
  token: 'token',
  keyPassphrase: 'key passphrase',
  registryPassword: 'Schema Registry password',
  registryToken: 'Schema Registry token',
  connectPassword: 'Kafka Connect password',
  connectToken: 'Kafka Connect token',
  sshPassword: 'SSH password',
  sshPassphrase: 'SSH key passphrase',
  sshJumpPassword: 'jump host password',
  sshJumpPassphrase: 'jump host key passphrase',
  proxyPassword: 'proxy password',
  oauthClientSecret: 'OAuth client secret',
};

/** "127.0.0.1:9092 / SCRAM-SHA-256" (+ " / TLS"): enough to see what changed, no file paths. */
function describe(b: SecretBinding, scope: SecretScope): string {
  if (scope === 'connect') return b.connect ? `${b.connect.urls.join(', ')} (${b.connect.auth}${b.connect.username ? ` as ${b.connect.username}` : ''})` : 'no Kafka Connect';
  if (scope === 'route') return b.route ? [b.route.ssh && `SSH ${b.route.ssh.split(' ')[0]}`, b.route.jump && `via ${b.route.jump.split(' ')[0]}`, b.route.proxy].filter(Boolean).join(' ') : 'no SSH or proxy';
  if (scope === 'registry') return b.registry ? `${b.registry.urls.join(', ')} (${b.registry.auth}${b.registry.username ? ` as ${b.registry.username}` : ''})` : 'no Schema Registry';
  const parts = [b.brokers.join(', '), b.mechanism ? b.mechanism.toUpperCase() : 'no SASL'];
  if (b.tls) parts.push(b.tls.skipVerify ? 'TLS (not verified)' : 'TLS');
  return parts.join(' / ');
}

/**
 * The error for a stored secret asked to go where it was not saved for. It names the secret
 * and both settings, never the value; the form shows it next to the secret's field.
 */
export function secretRequiredError(names: SecretName[], saved: SecretBinding | null, now: SecretBinding): AppError {
  const scope = SECRET_SCOPES[names[0]!];
  const what = names.map((n) => SECRET_WORDS[n]).join(' and ');
  const were = names.length > 1 ? 'were' : 'was';
  if (!saved) {
    return appError(SECRET_REQUIRED, `The saved ${what} ${were} not saved for these settings; type it again to use it with ${describe(now, scope)}.`, {
      name: 'SecretRequiredError',
    });
  }
  return appError(SECRET_REQUIRED, `The saved ${what} ${were} saved for ${describe(saved, scope)}; type it again to use it with ${describe(now, scope)}.`, {
    name: 'SecretRequiredError',
    hint: `Changed: ${bindingChanges(saved, now, scope).join(', ')}. A saved secret is only used with the settings it was saved with.`,
  });
}
