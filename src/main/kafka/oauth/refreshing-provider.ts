import type { OAuthToken, TokenProvider } from './token-provider';

/** kafkajs re-authenticates a connection when less than this is left of its session (its `reauthenticationThreshold`). */
const KAFKAJS_REAUTH_THRESHOLD_MS = 10_000;

/**
 * When a token is due for renewal: at 80% of its lifetime, and no later than kafkajs' re-auth
 * threshold plus a margin before it expires, so a re-authentication never gets a token the
 * broker will reject a moment later.
 */
export function refreshAt(token: OAuthToken, fetchedAt: number): number {
  if (token.expiresAt === undefined) return Number.POSITIVE_INFINITY;
  const lifetime = token.expiresAt - fetchedAt;
  return Math.min(fetchedAt + lifetime * 0.8, token.expiresAt - KAFKAJS_REAUTH_THRESHOLD_MS - 2_000);
}

/**
 * One cached token shared by every broker connection: fetched once, reused until `refreshAt`,
 * then fetched again (one request at a time, however many connections ask). A failed fetch is
 * not cached: the next (re)authentication tries again.
 */
export function refreshing(provider: TokenProvider, now: () => number = Date.now): TokenProvider & { readonly fetches: number } {
  let cached: { token: OAuthToken; renewAt: number } | null = null;
  let pending: Promise<OAuthToken> | null = null;
  let fetches = 0;
  const fetch = () => {
    pending ??= (async () => {
      const started = now();
      fetches++;
      const token = await provider.token();
      cached = { token, renewAt: refreshAt(token, started) };
      return token;
    })().finally(() => {
      pending = null;
    });
    return pending;
  };
  return {
    name: provider.name,
    ...(provider.endpoint ? { endpoint: provider.endpoint } : {}),
    ...(provider.scope ? { scope: provider.scope } : {}),
    ...(provider.extensions ? { extensions: provider.extensions } : {}),
    get fetches() {
      return fetches;
    },
    async token() {
      if (cached && now() < cached.renewAt) return cached.token;
      return fetch();
    },
  };
}
