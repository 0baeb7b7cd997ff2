import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { TlsConfig } from '../../shared/api';
import { appError, ErrorCode } from '../../shared/errors';

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

/**
 * Node TLS options for a profile's TLS settings (kafkajs' `ssl` option takes the same):
 * `true` means the system's CAs; an object adds CA/client certificate or turns verification off.
 */
export function toTlsOptions(tls: TlsConfig | undefined): ConnectionOptions | boolean | undefined {
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

