import type { TokenFacts } from '../../../shared/api';
import { jwtClaims } from './jwt-claims';
import type { OAuthToken, TokenProvider } from './token-provider';

/** What the connection test may show of a token: its source and claims, never the token. */
export function tokenFacts(provider: TokenProvider, token?: OAuthToken): TokenFacts {
  const claims = token ? jwtClaims(token.value) : null;
  const expiresAt = claims?.exp ? claims.exp * 1000 : token?.expiresAt;
  const subject = claims?.sub ?? token?.principal;
  return {
    provider: provider.name,
    ...(provider.endpoint ? { endpoint: provider.endpoint } : {}),
    ...(provider.scope ? { requestedScope: provider.scope } : {}),
    ...(claims?.scope ? { scope: claims.scope } : {}),
    ...(subject ? { subject } : {}),
    ...(expiresAt !== undefined ? { expiresAt } : {}),
  };
}

/** "subject svc-kafka, scope kafka, expires 10:42:13 (in 5 min), from https://idp/token" */
export function describeToken(facts: TokenFacts, now = Date.now()): string {
  const parts: string[] = [];
  parts.push(facts.subject ? `subject ${facts.subject}` : 'no subject (not a JWT)');
  if (facts.scope) parts.push(`scope ${facts.scope}`);
  if (facts.expiresAt !== undefined) {
    const inS = Math.round((facts.expiresAt - now) / 1000);
    const left = inS < 0 ? 'already expired' : inS < 120 ? `in ${inS} s` : `in ${Math.round(inS / 60)} min`;
    parts.push(`expires ${new Date(facts.expiresAt).toISOString().slice(11, 19)} UTC (${left})`);
  }
  parts.push(facts.endpoint ? `from ${facts.endpoint}` : `${facts.provider}`);
  return parts.join(', ');
}
