import type { ConnectionOptions } from 'node:tls';
import type { SASLOptions } from 'kafkajs';
import type { ConnectionConfig, SaslConfig } from '../../../shared/api';
import { toTlsOptions } from '../tls-options';

/** kafkajs' `sasl` option. The OAUTHBEARER token is static: kafkajs asks the provider on every connect. */
export function toKafkajsSasl(sasl: SaslConfig | undefined): SASLOptions | undefined {
  if (!sasl) return undefined;
  switch (sasl.mechanism) {
    case 'plain':
      return { mechanism: 'plain', username: sasl.username, password: sasl.password };
    case 'scram-sha-256':
      return { mechanism: 'scram-sha-256', username: sasl.username, password: sasl.password };
    case 'scram-sha-512':
      return { mechanism: 'scram-sha-512', username: sasl.username, password: sasl.password };
    case 'oauthbearer': {
      const value = sasl.token;
      return { mechanism: 'oauthbearer', oauthBearerProvider: async () => ({ value }) };
    }
  }
}

/** The `ssl` and `sasl` parts of a kafkajs configuration. */
export function toKafkajsSecurity(config: Pick<ConnectionConfig, 'tls' | 'sasl'>): { ssl?: ConnectionOptions | boolean; sasl?: SASLOptions } {
  const ssl = toTlsOptions(config.tls);
  const sasl = toKafkajsSasl(config.sasl);
  return { ...(ssl !== undefined ? { ssl } : {}), ...(sasl ? { sasl } : {}) };
}
