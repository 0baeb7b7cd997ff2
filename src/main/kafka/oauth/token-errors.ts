import { AppError } from '../../../shared/errors';

const TLS_CODES = /^(CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_TLS_|ERR_SSL_|EPROTO$)/;

/** The token endpoint could not be asked: unreachable, timed out, or TLS failed. */
export function tokenRequestFailed(endpoint: string, error: unknown): AppError {
  const e = error as { code?: string; message?: string };
  const code = e?.code ?? '';
  const why = AppError.is(error) ? error.message : (e?.message ?? String(error));
  if (TLS_CODES.test(code) || /certificate|ssl|tls/i.test(why)) {
    return new AppError({
      name: 'OAuthTokenError',
      code: 'OAUTH_TLS',
      message: `TLS to the token endpoint ${endpoint} failed: ${why}`,
      retriable: false,
      hint: 'The token endpoint\u2019s certificate must be trusted by this machine\u2019s CAs and match its host name.',
    });
  }
  return new AppError({
    name: 'OAuthTokenError',
    code: 'OAUTH_ENDPOINT_UNREACHABLE',
    message: `The token endpoint ${endpoint} could not be reached: ${why}${code && !why.includes(code) ? ` (${code})` : ''}`,
    retriable: true,
    hint: 'Check the token endpoint URL and that this machine (or the profile\u2019s SSH tunnel or proxy) can reach it.',
  });
}

/** The token endpoint answered with an error (RFC 6749 §5.2): name it in the user's terms. */
export function tokenError(endpoint: string, status: number, error: string | undefined, description: string | undefined): AppError {
  const said = `${status}${error ? ` ${error}` : ''}${description ? `: ${description}` : ''}`;
  if (error === 'invalid_client' || (status === 401 && !error)) {
    return new AppError({
      name: 'OAuthTokenError',
      code: 'OAUTH_INVALID_CLIENT',
      message: `The token endpoint refused the client credentials (${said}).`,
      retriable: false,
      hint: 'Check the client id and secret; the client must be allowed the client_credentials grant.',
    });
  }
  if (error === 'invalid_scope') {
    return new AppError({
      name: 'OAuthTokenError',
      code: 'OAUTH_INVALID_SCOPE',
      message: `The token endpoint refused the scope (${said}).`,
      retriable: false,
      hint: 'Ask for a scope the client is allowed, or leave the scope empty for the client\u2019s default.',
    });
  }
  if (error === 'unauthorized_client' || error === 'unsupported_grant_type') {
    return new AppError({ name: 'OAuthTokenError', code: 'OAUTH_GRANT_REFUSED', message: `The token endpoint does not allow this client the client_credentials grant (${said}).`, retriable: false });
  }
  return new AppError({
    name: 'OAuthTokenError',
    code: status === 404 ? 'OAUTH_ENDPOINT_NOT_FOUND' : 'OAUTH_TOKEN_REFUSED',
    message: `The token endpoint ${endpoint} answered ${said}.`,
    retriable: status >= 500,
    ...(status === 404 ? { hint: 'Check the token endpoint URL.' } : {}),
  });
}
