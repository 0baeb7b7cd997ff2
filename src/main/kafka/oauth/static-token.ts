import type { TokenProvider } from './token-provider';
import { jwtClaims } from './jwt-claims';

/** A token pasted into the profile: sent as it is, never refreshed. */
export function staticTokenProvider(value: string): TokenProvider {
  const claims = jwtClaims(value);
  return {
    name: 'static token',
    async token() {
      return { value, ...(claims?.exp ? { expiresAt: claims.exp * 1000 } : {}), ...(claims?.sub ? { principal: claims.sub } : {}) };
    },
  };
}
