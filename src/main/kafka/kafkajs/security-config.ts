import type { ConnectionOptions } from 'node:tls';
import type { Mechanism, SASLOptions } from 'kafkajs';
import type { ConnectionConfig, SaslConfig } from '../../../shared/api';
import { toTlsOptions } from '../tls-options';
import { staticTokenProvider } from '../oauth/static-token';
import { oauthBearerAuthenticator } from './oauthbearer-authenticator';
import type { TokenProvider } from '../oauth/token-provider';

/**
 * kafkajs' `sasl` option. kafkajs asks `oauthBearerProvider` on every (re)authentication of
 * every broker connection; the token provider answers from its cache until the token is due for
 * renewal (src/main/kafka/oauth/refreshing-provider.ts).
 */
export function toKafkajsSasl(sasl: SaslConfig | undefined, tokens?: TokenProvider | null): SASLOptions | Mechanism | undefined {
  if (!sasl) return undefined;
  switch (sasl.mechanism) {
    case 'plain':
      return { mechanism: 'plain', username: sasl.username, password: sasl.password };
    case 'scram-sha-256':
      return { mechanism: 'scram-sha-256', username: sasl.username, password: sasl.password };
    case 'scram-sha-512':
      return { mechanism: 'scram-sha-512', username: sasl.username, password: sasl.password };
    case 'oauthbearer': {
      const provider = tokens ?? staticTokenProvider(sasl.token ?? '');
      const oauthBearerProvider = async () => {
        const { value } = await provider.token();
        return { value, ...(provider.extensions ? { extensions: provider.extensions } : {}) };
      };
      // Our authenticator (kafkajs' own takes a rejected token for a success); the provider stays for tests and tools.
      return { mechanism: 'oauthbearer', oauthBearerProvider, authenticationProvider: oauthBearerAuthenticator(oauthBearerProvider) };
    }
  }
}

/** The `ssl` and `sasl` parts of a kafkajs configuration. */
export function toKafkajsSecurity(config: Pick<ConnectionConfig, 'tls' | 'sasl'>, tokens?: TokenProvider | null): { ssl?: ConnectionOptions | boolean; sasl?: SASLOptions | Mechanism } {
  const ssl = toTlsOptions(config.tls);
  const sasl = toKafkajsSasl(config.sasl, tokens);
  return { ...(ssl !== undefined ? { ssl } : {}), ...(sasl ? { sasl } : {}) };
}
