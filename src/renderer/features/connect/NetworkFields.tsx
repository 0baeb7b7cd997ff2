import type { ReactNode } from 'react';
import type { SecretName } from '../../../shared/api';
import { AddressMapFields } from './AddressMapFields';
import { ProxyFields } from './ProxyFields';
import type { RouteFormState } from './route-form-state';
import { SshFields } from './SshFields';

const CHOICES: { value: RouteFormState['network']; label: string }[] = [
  { value: 'direct', label: 'Direct' },
  { value: 'ssh', label: 'SSH tunnel' },
  { value: 'socks5', label: 'SOCKS5 proxy' },
  { value: 'http', label: 'HTTP CONNECT proxy' },
];

/** How the brokers are reached from this machine: directly, through an SSH bastion or a proxy; and the address mapping. */
export function NetworkFields(props: { form: RouteFormState; set(patch: Partial<RouteFormState>): void; placeholder(name: SecretName): string; retype(name: SecretName): ReactNode }) {
  const { form: f, set } = props;
  return (
    <fieldset className="profile-form__section">
      <legend>Network</legend>
      {/* Looks like the produce form's segmented control, styled here: that CSS loads with its page. */}
      <div className="network-choice" role="radiogroup" aria-label="Reach the brokers">
        {CHOICES.map((c) => (
          <label key={c.value} className={f.network === c.value ? 'active' : undefined}>
            <input type="radio" name="network" value={c.value} checked={f.network === c.value} onChange={() => set({ network: c.value })} />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      {f.network === 'ssh' && <SshFields {...props} />}
      {(f.network === 'socks5' || f.network === 'http') && <ProxyFields {...props} />}
      <AddressMapFields form={f} set={set} />
    </fieldset>
  );
}
