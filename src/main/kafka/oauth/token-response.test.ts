import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { jwtClaims } from './jwt-claims';
import { parseTokenResponse } from './oidc-client-credentials';
import { tokenRequestFailed } from './token-errors';
import { describeToken, tokenFacts } from './token-facts';

const URL_ = 'https://idp.example.com/oauth2/token';
const jwt = (payload: object) => `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;
const fail = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (error) {
    if (AppError.is(error)) return error;
    throw error;
  }
  throw new Error('did not throw');
};

describe('token endpoint answers', () => {
  it('reads access_token and expires_in; the principal from the JWT', () => {
    const token = jwt({ sub: 'svc-orders', exp: 2_000, scope: 'kafka' });
    expect(parseTokenResponse(URL_, 200, 'application/json', JSON.stringify({ access_token: token, expires_in: 300, token_type: 'Bearer' }), 1_000)).toEqual({ value: token, expiresAt: 301_000, principal: 'svc-orders' });
  });

  it('falls back to the JWT exp without expires_in; an opaque token has neither', () => {
    expect(parseTokenResponse(URL_, 200, 'application/json', JSON.stringify({ access_token: jwt({ exp: 50 }) }), 0).expiresAt).toBe(50_000);
    expect(parseTokenResponse(URL_, 200, 'application/json', JSON.stringify({ access_token: 'opaque' }), 0)).toEqual({ value: 'opaque' });
  });

  it('names a 401 invalid_client, invalid_scope, and a refused grant', () => {
    const e401 = fail(() => parseTokenResponse(URL_, 401, 'application/json', '{"error":"invalid_client","error_description":"client authentication failed"}', 0));
    expect(e401.code).toBe('OAUTH_INVALID_CLIENT');
    expect(e401.message).toBe('The token endpoint refused the client credentials (401 invalid_client: client authentication failed).');
    expect(fail(() => parseTokenResponse(URL_, 401, 'text/plain', 'Unauthorized', 0)).code).toBe('OAUTH_INVALID_CLIENT');
    expect(fail(() => parseTokenResponse(URL_, 400, 'application/json', '{"error":"invalid_scope"}', 0)).code).toBe('OAUTH_INVALID_SCOPE');
    expect(fail(() => parseTokenResponse(URL_, 400, 'application/json', '{"error":"unauthorized_client"}', 0)).code).toBe('OAUTH_GRANT_REFUSED');
    expect(fail(() => parseTokenResponse(URL_, 404, 'text/html', '<html/>', 0)).code).toBe('OAUTH_ENDPOINT_NOT_FOUND');
    expect(fail(() => parseTokenResponse(URL_, 503, 'text/html', '<html/>', 0)).retriable).toBe(true);
  });

  it('names a non-JSON answer and a JSON one without a token', () => {
    const html = fail(() => parseTokenResponse(URL_, 200, 'text/html; charset=utf-8', '<html>login</html>', 0));
    expect(html.code).toBe('OAUTH_BAD_RESPONSE');
    expect(html.message).toBe(`The token endpoint ${URL_} answered 200 with text/html, not JSON.`);
    expect(fail(() => parseTokenResponse(URL_, 200, 'application/json', '{"token_type":"Bearer"}', 0)).message).toContain('without an access_token');
  });

  it('tells TLS failures from unreachable endpoints', () => {
    expect(tokenRequestFailed(URL_, Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })).code).toBe('OAUTH_TLS');
    const refused = tokenRequestFailed(URL_, Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }));
    expect(refused.code).toBe('OAUTH_ENDPOINT_UNREACHABLE');
    expect(refused.message).toBe(`The token endpoint ${URL_} could not be reached: connect ECONNREFUSED 127.0.0.1:1`);
  });
});

describe('what the token step shows', () => {
  it('reads sub, exp and scope (or scp) from a JWT, nothing from an opaque token', () => {
    expect(jwtClaims(jwt({ sub: 'a', exp: 1, scope: 'x y', aud: 'k' }))).toEqual({ sub: 'a', exp: 1, scope: 'x y', aud: 'k' });
    expect(jwtClaims(jwt({ scp: ['x', 'y'] }))).toEqual({ scope: 'x y' });
    expect(jwtClaims('opaque-token')).toBeNull();
    expect(jwtClaims('a.!!!.c')).toBeNull();
  });

  it('describes subject, scope, expiry and endpoint, never the token', () => {
    const value = jwt({ sub: 'svc', exp: 1_000 + 300, scope: 'kafka' });
    const facts = tokenFacts({ name: 'OIDC client credentials', endpoint: URL_, scope: 'kafka', token: async () => ({ value }) }, { value });
    expect(facts).toEqual({ provider: 'OIDC client credentials', endpoint: URL_, requestedScope: 'kafka', scope: 'kafka', subject: 'svc', expiresAt: 1_300_000 });
    const text = describeToken(facts, 1_000_000);
    expect(text).toBe(`subject svc, scope kafka, expires 00:21:40 UTC (in 5 min), from ${URL_}`);
    expect(JSON.stringify(facts) + text).not.toContain(value.split('.')[1]!);
  });
});
