/** The claims of a JWT the connection test shows: who, until when, for what. */
export interface JwtClaims {
  sub?: string;
  /** Seconds since the epoch. */
  exp?: number;
  scope?: string;
  iss?: string;
  aud?: string | string[];
}

/**
 * Reads a JWT's payload for display, without verifying it (the broker verifies it against the
 * provider's keys). Null for a token that is not a JWT (an opaque token).
 */
export function jwtClaims(token: string): JwtClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return null;
    const p = payload as Record<string, unknown>;
    const claims: JwtClaims = {};
    if (typeof p.sub === 'string') claims.sub = p.sub;
    if (typeof p.exp === 'number') claims.exp = p.exp;
    // `scope` is a space-separated string (RFC 9068); some providers send `scp` as an array.
    if (typeof p.scope === 'string') claims.scope = p.scope;
    else if (Array.isArray(p.scp)) claims.scope = p.scp.filter((s) => typeof s === 'string').join(' ');
    if (typeof p.iss === 'string') claims.iss = p.iss;
    if (typeof p.aud === 'string' || Array.isArray(p.aud)) claims.aud = p.aud as string | string[];
    return claims;
  } catch {
    return null;
  }
}
