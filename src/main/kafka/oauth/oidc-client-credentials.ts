import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { OidcClientCredentials } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { httpConnectionFor } from '../../network/http-connection';
import type { Route } from '../../network/route';
import type { Logger } from '../../log';
import { jwtClaims } from './jwt-claims';
import { tokenError, tokenRequestFailed } from './token-errors';
import type { OAuthToken, TokenProvider } from './token-provider';

const MAX_BODY = 256 * 1024;

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): POSTs grant_type=client_credentials (and the
 * scope) to the token endpoint, the client authenticated with HTTP Basic (client_secret_basic,
 * what OIDC providers accept by default). Goes through the connection's route (SSH tunnel,
 * proxy) when it has one. The secret and the token are never logged.
 */
export function oidcClientCredentialsProvider(config: OidcClientCredentials, options: { route: Route | null; timeoutMs: number; log: Logger }): TokenProvider {
  const url = new URL(config.tokenUrl);
  const scope = config.scope?.trim() || undefined;
  return {
    name: 'OIDC client credentials',
    endpoint: config.tokenUrl,
    ...(scope ? { scope } : {}),
    ...(config.extensions && Object.keys(config.extensions).length > 0 ? { extensions: config.extensions } : {}),
    async token(): Promise<OAuthToken> {
      const started = Date.now();
      const { status, contentType, body } = await post(url, config, scope, options);
      const token = parseTokenResponse(config.tokenUrl, status, contentType, body, started);
      options.log.info('oauth: token issued', { endpoint: config.tokenUrl, clientId: config.clientId, principal: token.principal, expiresInS: token.expiresAt ? Math.round((token.expiresAt - Date.now()) / 1000) : null });
      return token;
    },
  };
}

/** RFC 6749 §2.3.1: the client id and secret are form-encoded before they go into Basic. */
const formEncode = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');

function post(url: URL, config: OidcClientCredentials, scope: string | undefined, options: { route: Route | null; timeoutMs: number }) {
  const form = new URLSearchParams({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) }).toString();
  const basic = Buffer.from(`${formEncode(config.clientId)}:${formEncode(config.clientSecret)}`).toString('base64');
  const https = url.protocol === 'https:';
  const request = https ? httpsRequest : httpRequest;
  return new Promise<{ status: number; contentType: string; body: string }>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Accept: 'application/json',
          Authorization: `Basic ${basic}`,
          'Content-Length': Buffer.byteLength(form),
        },
        timeout: options.timeoutMs,
        ...(options.route ? { createConnection: httpConnectionFor(options.route, https ? {} : undefined) } : {}),
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY) req.destroy(new Error('the answer is larger than 256 KiB'));
          else chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (error) => reject(tokenRequestFailed(config.tokenUrl, error)));
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${Math.round(options.timeoutMs / 1000)} s`), { code: 'ETIMEDOUT' })));
    req.on('error', (error) => reject(tokenRequestFailed(config.tokenUrl, error)));
    req.end(form);
  });
}

/** The token endpoint's answer → a token, or an error that names the problem (RFC 6749 §5.2 error codes). */
export function parseTokenResponse(endpoint: string, status: number, contentType: string, body: string, fetchedAt: number): OAuthToken {
  let json: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
  } catch {
    json = null;
  }
  if (status < 200 || status >= 300) {
    const code = typeof json?.error === 'string' ? json.error : undefined;
    const description = typeof json?.error_description === 'string' ? json.error_description : undefined;
    throw tokenError(endpoint, status, code, description);
  }
  if (!json) {
    const kind = contentType.split(';')[0]?.trim() || 'no content type';
    throw new AppError({
      name: 'OAuthTokenError',
      code: 'OAUTH_BAD_RESPONSE',
      message: `The token endpoint ${endpoint} answered ${status} with ${kind}, not JSON.`,
      retriable: false,
      hint: 'Check the token endpoint URL: it is the provider\u2019s token URL (e.g. …/oauth2/token or …/protocol/openid-connect/token), not its login page or issuer URL.',
    });
  }
  const value = json.access_token;
  if (typeof value !== 'string' || value.length === 0) {
    throw new AppError({ name: 'OAuthTokenError', code: 'OAUTH_BAD_RESPONSE', message: `The token endpoint ${endpoint} answered without an access_token.`, retriable: false });
  }
  const claims = jwtClaims(value);
  const expiresIn = typeof json.expires_in === 'number' ? json.expires_in : typeof json.expires_in === 'string' ? Number(json.expires_in) : NaN;
  const expiresAt = Number.isFinite(expiresIn) && expiresIn > 0 ? fetchedAt + expiresIn * 1000 : claims?.exp ? claims.exp * 1000 : undefined;
  return { value, ...(expiresAt !== undefined ? { expiresAt } : {}), ...(claims?.sub ? { principal: claims.sub } : {}) };
}
