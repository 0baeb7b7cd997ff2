import type { ProfileDraftInput, ProfileSecrets } from '../../../shared/api';

/** The form's OAUTHBEARER fields: a static token, or OIDC client credentials. */
export interface OauthFormState {
  oauthProvider: 'static' | 'oidc-client-credentials';
  oauthTokenUrl: string;
  oauthClientId: string;
  oauthClientSecret: string;
  oauthScope: string;
  /** "key=value" lines. */
  oauthExtensions: string;
}

export function emptyOauthForm(): OauthFormState {
  return { oauthProvider: 'static', oauthTokenUrl: '', oauthClientId: '', oauthClientSecret: '', oauthScope: '', oauthExtensions: '' };
}

export function oauthFormFromProfile(sasl: ProfileDraftInput['sasl']): Partial<OauthFormState> {
  const oauth = sasl?.mechanism === 'oauthbearer' ? sasl.oauth : undefined;
  if (!oauth) return {};
  return {
    oauthProvider: oauth.provider ?? 'static',
    oauthTokenUrl: oauth.tokenUrl ?? '',
    oauthClientId: oauth.clientId ?? '',
    oauthScope: oauth.scope ?? '',
    oauthExtensions: Object.entries(oauth.extensions ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  };
}

/** "key=value" lines into SASL extensions; blank lines and # comments are skipped. */
export function parseExtensions(text: string): { extensions: Record<string, string>; errors: string[] } {
  const extensions: Record<string, string> = {};
  const errors: string[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    const key = at > 0 ? line.slice(0, at).trim() : '';
    if (!/^[A-Za-z]+$/.test(key) || key === 'auth') errors.push(`line ${i + 1}: write key=value, the key letters only (not "auth")`);
    else extensions[key] = line.slice(at + 1).trim();
  }
  return { extensions, errors };
}

/** The profile's `sasl.oauth` and the client secret, for an OAUTHBEARER form. */
export function oauthDraftFromForm(f: OauthFormState): { oauth: NonNullable<NonNullable<ProfileDraftInput['sasl']>['oauth']>; secrets: ProfileSecrets } {
  if (f.oauthProvider === 'static') return { oauth: { provider: 'static' }, secrets: {} };
  return {
    oauth: {
      provider: 'oidc-client-credentials',
      tokenUrl: f.oauthTokenUrl.trim(),
      clientId: f.oauthClientId.trim(),
      scope: f.oauthScope.trim(),
      extensions: parseExtensions(f.oauthExtensions).extensions,
    },
    secrets: f.oauthClientSecret ? { oauthClientSecret: f.oauthClientSecret } : {},
  };
}
