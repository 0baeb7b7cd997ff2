import type { ReactNode } from 'react';
import type { SecretName } from '../../../shared/api';
import { HelpField as Field } from '../../components/HelpField';
import { parseExtensions, type OauthFormState } from './oauth-form-state';

const CHOICES: { value: OauthFormState['oauthProvider']; label: string }[] = [
  { value: 'static', label: 'Static token' },
  { value: 'oidc-client-credentials', label: 'OIDC client credentials' },
];

/** SASL/OAUTHBEARER: a pasted token, or client credentials the app exchanges for tokens (and renews) at the provider's token endpoint. */
export function OauthFields(props: {
  form: OauthFormState & { token: string };
  set(patch: Partial<OauthFormState & { token: string }>): void;
  placeholder(name: SecretName): string;
  retype(name: SecretName): ReactNode;
}) {
  const { form: f, set, placeholder, retype } = props;
  const extensionErrors = parseExtensions(f.oauthExtensions).errors;
  return (
    <>
      <div className="network-choice" role="radiogroup" aria-label="OAUTHBEARER token">
        {CHOICES.map((c) => (
          <label key={c.value} className={f.oauthProvider === c.value ? 'active' : undefined}>
            <input type="radio" name="oauth-provider" value={c.value} checked={f.oauthProvider === c.value} onChange={() => set({ oauthProvider: c.value })} />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      {f.oauthProvider === 'static' ? (
        <>
          <Field label="Token" help="A bearer token, e.g. from your identity provider's CLI; it is sent as is and not refreshed.">
            <textarea rows={3} value={f.token} onChange={(e) => set({ token: e.target.value })} placeholder={placeholder('token')} spellCheck={false} />
          </Field>
          {retype('token')}
        </>
      ) : (
        <>
          <Field label="Token endpoint URL" help="The provider's OAuth 2.0 token URL; it is asked through the profile's SSH tunnel or proxy.">
            <input value={f.oauthTokenUrl} onChange={(e) => set({ oauthTokenUrl: e.target.value })} placeholder="https://idp.example.com/oauth2/token" spellCheck={false} required />
          </Field>
          <div className="profile-form__grid">
            <Field label="OAuth client id">
              <input value={f.oauthClientId} onChange={(e) => set({ oauthClientId: e.target.value })} autoComplete="off" spellCheck={false} required />
            </Field>
            <Field label="OAuth client secret">
              <input type="password" value={f.oauthClientSecret} onChange={(e) => set({ oauthClientSecret: e.target.value })} placeholder={placeholder('oauthClientSecret')} autoComplete="new-password" />
            </Field>
          </div>
          {retype('oauthClientSecret')}
          <div className="profile-form__grid">
            <Field label="Scope" help="Space-separated; empty asks for the client's default.">
              <input value={f.oauthScope} onChange={(e) => set({ oauthScope: e.target.value })} spellCheck={false} />
            </Field>
            <Field label="SASL extensions" help={extensionErrors[0] ?? 'key=value, one a line (e.g. logicalCluster=lkc-abc12)'}>
              <textarea rows={2} value={f.oauthExtensions} onChange={(e) => set({ oauthExtensions: e.target.value })} spellCheck={false} aria-invalid={extensionErrors.length > 0} />
            </Field>
          </div>
          <small className="field__help">Tokens are fetched when the connection opens and renewed at 80% of their lifetime; they are never shown or logged.</small>
        </>
      )}
    </>
  );
}
