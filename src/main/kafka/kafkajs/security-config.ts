import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { SASLOptions } from 'kafkajs';
import type { ConnectionConfig, SaslConfig, TlsConfig } from '../../../shared/api';
import { appError, ErrorCode } from '../../../shared/errors';

/** Reads one PEM file the user named; a missing or unreadable file is the user's to fix, so say which. */
function readPem(path: string, what: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw appError(ErrorCode.NotFound, `Cannot read the ${what} file ${path}${code ? ` (${code})` : ''}.`, {
      name: 'TlsFileError',
      hint: 'Check the path and that this user may read the file.',
    });
  }
  if (!text.includes('-----BEGIN ')) {
    throw appError(ErrorCode.Validation, `The ${what} file ${path} is not PEM (no "-----BEGIN" line).`, {
      name: 'TlsFileError',
      hint: 'Convert it to PEM first, e.g. `openssl pkcs12 -in file.p12 -out file.pem` or `keytool -exportcert -rfc`.',
    });
  }
  return text;
}

/** kafkajs' `ssl` option: `true` means the system's CAs, an object adds CA/client certificate or turns verification off. */
export function toKafkajsSsl(tls: TlsConfig | undefined): ConnectionOptions | boolean | undefined {
  if (!tls) return undefined;
  const options: ConnectionOptions = {};
  if (tls.caFile) options.ca = [readPem(tls.caFile, 'CA certificate')];
  if (tls.certFile) options.cert = readPem(tls.certFile, 'client certificate');
  if (tls.keyFile) options.key = readPem(tls.keyFile, 'client key');
  if (tls.keyPassphrase) options.passphrase = tls.keyPassphrase;
  if (tls.skipVerify) {
    options.rejectUnauthorized = false;
    // Node still checks the host name unless told not to; "do not verify" means neither.
    options.checkServerIdentity = () => undefined;
  }
  return Object.keys(options).length === 0 ? true : options;
}

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
  const ssl = toKafkajsSsl(config.tls);
  const sasl = toKafkajsSasl(config.sasl);
  return { ...(ssl !== undefined ? { ssl } : {}), ...(sasl ? { sasl } : {}) };
}
