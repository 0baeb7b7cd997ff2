import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestOidcProvider {
  /** http://127.0.0.1:<port> */
  issuer: string;
  tokenUrl: string;
  jwksUrl: string;
  /** The `aud` of every access token (the broker's expected audience). */
  audience: string;
  /** The scope the client may ask for; any other known scope is refused with invalid_scope. */
  scope: string;
  /** A scope the provider knows but the client may not have. */
  forbiddenScope: string;
  clientId: string;
  clientSecret: string;
  /** Access token lifetime in seconds. */
  ttlS: number;
  /** Every access token issued so far, with when (ms since the epoch): to count refreshes and look for leaks. */
  readonly issued: { at: number; token: string }[];
  stop(): Promise<void>;
}

/**
 * A real OpenID Connect provider on a random loopback port (panva's `oidc-provider`, the
 * certified implementation): the client_credentials grant, access tokens as RS256-signed JWTs
 * (RFC 9068) with `sub` = the client id, and a JWKS endpoint the broker validates them with.
 */
export async function startOidcProvider(options: { ttlS?: number } = {}): Promise<TestOidcProvider> {
  const ttlS = options.ttlS ?? 300;
  const audience = 'urn:kafka:test-cluster';
  const clientId = 'kafka-explorer-test';
  const clientSecret = randomBytes(18).toString('base64url');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key-1', use: 'sig', alg: 'RS256' };

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, grant_types: ['client_credentials'], redirect_uris: [], response_types: [], scope: 'kafka' }],
    scopes: ['kafka', 'kafka-admin'],
    jwks: { keys: [jwk as never] },
    ttl: { ClientCredentials: ttlS },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: 'kafka kafka-admin', audience, accessTokenFormat: 'jwt', accessTokenTTL: ttlS, jwt: { sign: { alg: 'RS256' } } }),
      },
    },
  });
  const issued: { at: number; token: string }[] = [];
  provider.on('grant.success', (ctx: { body?: { access_token?: string } }) => {
    if (ctx.body?.access_token) issued.push({ at: Date.now(), token: ctx.body.access_token });
  });
  const callback = provider.callback();
  server.on('request', callback);
  return {
    issuer,
    tokenUrl: `${issuer}/token`,
    jwksUrl: `${issuer}/jwks`,
    audience,
    scope: 'kafka',
    forbiddenScope: 'kafka-admin',
    clientId,
    clientSecret,
    ttlS,
    issued,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
