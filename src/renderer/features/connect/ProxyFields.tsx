import type { ReactNode } from 'react';
import type { SecretName } from '../../../shared/api';
import { HelpField as Field } from '../../components/HelpField';
import type { RouteFormState } from './route-form-state';

/** A SOCKS5 or HTTP CONNECT proxy for every broker connection. */
export function ProxyFields({ form: f, set, placeholder, retype }: { form: RouteFormState; set(patch: Partial<RouteFormState>): void; placeholder(name: SecretName): string; retype(name: SecretName): ReactNode }) {
  return (
    <div className="network-fields" aria-label="Proxy">
      <div className="profile-form__grid profile-form__grid--host">
        <Field label="Proxy host">
          <input value={f.proxyHost} onChange={(e) => set({ proxyHost: e.target.value })} placeholder="proxy.example.com" spellCheck={false} />
        </Field>
        <Field label="Port">
          <input type="number" min={1} max={65535} value={f.proxyPort} onChange={(e) => set({ proxyPort: e.target.value })} />
        </Field>
      </div>
      <div className="profile-form__grid">
        <Field label="Proxy user" help="Empty: no authentication.">
          <input value={f.proxyUser} onChange={(e) => set({ proxyUser: e.target.value })} autoComplete="off" spellCheck={false} />
        </Field>
        {f.proxyUser && (
          <Field label="Proxy password">
            <input type="password" value={f.proxyPassword} onChange={(e) => set({ proxyPassword: e.target.value })} placeholder={placeholder('proxyPassword')} autoComplete="new-password" />
          </Field>
        )}
      </div>
      {retype('proxyPassword')}
    </div>
  );
}
