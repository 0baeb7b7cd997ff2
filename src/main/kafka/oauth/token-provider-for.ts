import type { ConnectionConfig } from '../../../shared/api';
import type { Logger } from '../../log';
import { routeFor } from '../../network/route-registry';
import { oidcClientCredentialsProvider } from './oidc-client-credentials';
import { refreshing } from './refreshing-provider';
import { staticTokenProvider } from './static-token';
import type { TokenProvider } from './token-provider';

export type SharedTokenProvider = ReturnType<typeof refreshing>;

/**
 * One token provider per open connection, keyed by its config object like its route: kafkajs'
 * broker connections, the connection test's token step and its SASL step share one cached token.
 */
const providers = new WeakMap<ConnectionConfig, SharedTokenProvider>();

/** The connection's OAUTHBEARER token provider, or null when it does not use OAUTHBEARER. */
export function tokenProviderFor(config: ConnectionConfig, log: Logger): SharedTokenProvider | null {
  const sasl = config.sasl;
  if (sasl?.mechanism !== 'oauthbearer') return null;
  let provider = providers.get(config);
  if (!provider) {
    const source: TokenProvider = sasl.oidc
      ? oidcClientCredentialsProvider(sasl.oidc, { route: routeFor(config), timeoutMs: config.connectionTimeoutMs, log })
      : staticTokenProvider(sasl.token ?? '');
    provider = refreshing(source);
    providers.set(config, provider);
  }
  return provider;
}
