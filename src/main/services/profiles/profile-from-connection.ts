import { ProfileDraft, type ConnectionConfig, type OidcClientCredentials, type ProfileSecrets } from '../../../shared/api';

/** The colour a profile saved from a connection gets unless one is given. */
export const SAVED_CONNECTION_COLOR = '#4f7cff';

/**
 * An open connection's settings as a new profile and its secrets, the inverse of
 * profile-service's `toConnectionConfig`: addresses, timeouts, read-only, TLS files, SASL
 * mechanism and user, registry and local schemas go to the profile; passwords, tokens and
 * passphrases go to the secrets (the secret store keeps them, bound to these settings).
 */
export function profileFromConnection(config: ConnectionConfig, options: { name: string; color?: string | undefined }): { draft: ProfileDraft; secrets: ProfileSecrets } {
  const secrets: ProfileSecrets = {};
  const { tls, sasl, schemaRegistry: registry } = config;
  if (sasl?.mechanism === 'oauthbearer' && sasl.oidc) secrets.oauthClientSecret = sasl.oidc.clientSecret;
  else if (sasl?.mechanism === 'oauthbearer') secrets.token = sasl.token ?? '';
  else if (sasl) secrets.password = sasl.password;
  if (tls?.keyPassphrase) secrets.keyPassphrase = tls.keyPassphrase;
  if (registry?.auth?.kind === 'basic') secrets.registryPassword = registry.auth.password;
  if (registry?.auth?.kind === 'bearer') secrets.registryToken = registry.auth.token;
  // A profile has one Connect authentication for all its Connect clusters: the first cluster's.
  const connect = config.connectClusters?.length ? config.connectClusters : null;
  const connectAuth = connect?.[0]?.auth;
  if (connectAuth?.kind === 'basic') secrets.connectPassword = connectAuth.password;
  if (connectAuth?.kind === 'bearer') secrets.connectToken = connectAuth.token;
  // Parsed, so what reaches the store is a valid profile whatever the connection held.
  const draft = ProfileDraft.parse({
    name: options.name,
    color: options.color ?? SAVED_CONNECTION_COLOR,
    brokers: config.brokers,
    clientId: config.clientId,
    readOnly: config.readOnly,
    connectionTimeoutMs: config.connectionTimeoutMs,
    requestTimeoutMs: config.requestTimeoutMs,
    ...(tls ? { tls: { caFile: tls.caFile, certFile: tls.certFile, keyFile: tls.keyFile, skipVerify: tls.skipVerify } } : {}),
    ...(sasl ? { sasl: { mechanism: sasl.mechanism, username: sasl.mechanism === 'oauthbearer' ? '' : sasl.username, ...(sasl.mechanism === 'oauthbearer' && sasl.oidc ? { oauth: oauthOf(sasl.oidc) } : {}) } } : {}),
    ...(registry
      ? {
          schemaRegistry: {
            urls: registry.urls,
            auth: registry.auth?.kind ?? 'none',
            username: registry.auth?.kind === 'basic' ? registry.auth.username : '',
            ...(registry.tls ? { tls: registry.tls } : {}),
          },
        }
      : {}),
    ...(config.localSchemas ? { localSchemas: config.localSchemas } : {}),
    ...(connect
      ? {
          kafkaConnect: {
            clusters: connect.map((c) => ({ name: c.name, url: c.url })),
            auth: connectAuth?.kind ?? 'none',
            username: connectAuth?.kind === 'basic' ? connectAuth.username : '',
            ...(connect[0]!.tls ? { tls: connect[0]!.tls } : {}),
          },
        }
      : {}),
  });
  return { draft, secrets };
}

/** The profile's OIDC settings from a connection's (the client secret goes to the secrets). */
function oauthOf(oidc: OidcClientCredentials) {
  return { provider: 'oidc-client-credentials' as const, tokenUrl: oidc.tokenUrl, clientId: oidc.clientId, scope: oidc.scope ?? '', extensions: oidc.extensions ?? {} };
}
