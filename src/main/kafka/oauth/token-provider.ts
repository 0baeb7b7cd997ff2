/**
 * Where an OAUTHBEARER token comes from. kafkajs asks for one on every (re)authentication of
 * every broker connection; a provider that fetches over the network sits behind `refreshing()`
 * so brokers share one token until it nears its expiry. A new source (e.g. AWS MSK IAM's
 * signer, see docs/connections-and-security.md) is one more implementation of this.
 */
export interface TokenProvider {
  /** "OIDC client credentials", "static token": shown in the connection test. */
  readonly name: string;
  /** Where tokens come from (the token endpoint URL), when there is such a place. */
  readonly endpoint?: string;
  /** The scope asked for, when the provider asks for one. */
  readonly scope?: string;
  /** Sent in the OAUTHBEARER initial response beside the token. */
  readonly extensions?: Record<string, string>;
  /** A token; throws an AppError naming what failed (401 invalid_client, invalid_scope, unreachable…). */
  token(): Promise<OAuthToken>;
}

export interface OAuthToken {
  /** The bearer token itself: a secret, never logged or shown. */
  value: string;
  /** When it expires (ms since the epoch), if known. */
  expiresAt?: number;
  /** Who the token names (the JWT's `sub`), when known. */
  principal?: string;
}
