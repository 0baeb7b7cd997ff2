import type { ReactNode } from 'react';
import type { SecretName } from '../../../shared/api';
import { HelpField as Field } from '../../components/HelpField';
import type { RouteFormState } from './route-form-state';

interface Props {
  form: RouteFormState;
  set(patch: Partial<RouteFormState>): void;
  placeholder(name: SecretName): string;
  retype(name: SecretName): ReactNode;
}

type HopKeys = { host: 'sshHost' | 'jumpHost'; port: 'sshPort' | 'jumpPort'; user: 'sshUser' | 'jumpUser'; auth: 'sshAuth' | 'jumpAuth'; keyFile: 'sshKeyFile' | 'jumpKeyFile'; password: 'sshPassword' | 'sshJumpPassword'; passphrase: 'sshPassphrase' | 'sshJumpPassphrase' };
const BASTION: HopKeys = { host: 'sshHost', port: 'sshPort', user: 'sshUser', auth: 'sshAuth', keyFile: 'sshKeyFile', password: 'sshPassword', passphrase: 'sshPassphrase' };
const JUMP: HopKeys = { host: 'jumpHost', port: 'jumpPort', user: 'jumpUser', auth: 'jumpAuth', keyFile: 'jumpKeyFile', password: 'sshJumpPassword', passphrase: 'sshJumpPassphrase' };

function Hop({ form: f, set, placeholder, retype, keys, label }: Props & { keys: HopKeys; label: string }) {
  const auth = f[keys.auth];
  return (
    <>
      <div className="profile-form__grid profile-form__grid--host">
        <Field label={`${label} host`}>
          <input value={f[keys.host]} onChange={(e) => set({ [keys.host]: e.target.value })} placeholder="bastion.example.com" spellCheck={false} />
        </Field>
        <Field label="Port">
          <input type="number" min={1} max={65535} value={f[keys.port]} onChange={(e) => set({ [keys.port]: e.target.value })} />
        </Field>
      </div>
      <div className="profile-form__grid">
        <Field label={`${label} user`}>
          <input value={f[keys.user]} onChange={(e) => set({ [keys.user]: e.target.value })} autoComplete="off" spellCheck={false} />
        </Field>
        <Field label={`${label} authentication`}>
          <select value={auth} onChange={(e) => set({ [keys.auth]: e.target.value as RouteFormState['sshAuth'] })}>
            <option value="key">Private key file</option>
            <option value="agent">ssh-agent</option>
            <option value="password">Password</option>
          </select>
        </Field>
      </div>
      {auth === 'key' && (
        <div className="profile-form__grid">
          <Field label={`${label} key file`} help="OpenSSH or PEM private key">
            <input value={f[keys.keyFile]} onChange={(e) => set({ [keys.keyFile]: e.target.value })} spellCheck={false} />
          </Field>
          <Field label={`${label} key passphrase`} help="Only if the key is encrypted.">
            <input type="password" value={f[keys.passphrase]} onChange={(e) => set({ [keys.passphrase]: e.target.value })} placeholder={placeholder(keys.passphrase)} autoComplete="new-password" />
          </Field>
        </div>
      )}
      {auth === 'key' && retype(keys.passphrase)}
      {auth === 'password' && (
        <Field label={`${label} password`}>
          <input type="password" value={f[keys.password]} onChange={(e) => set({ [keys.password]: e.target.value })} placeholder={placeholder(keys.password)} autoComplete="new-password" />
        </Field>
      )}
      {auth === 'password' && retype(keys.password)}
      {auth === 'agent' && <p className="field__help">Uses the running ssh-agent ($SSH_AUTH_SOCK).</p>}
    </>
  );
}

/** The SSH bastion every broker connection goes through, and an optional jump host before it. */
export function SshFields(props: Props) {
  const { form: f, set } = props;
  return (
    <div className="network-fields" aria-label="SSH tunnel">
      <Hop {...props} keys={BASTION} label="SSH" />
      <label className="checkbox">
        <input type="checkbox" checked={f.jump} onChange={(e) => set({ jump: e.target.checked })} />
        <span>Reach the SSH host through a jump host (ssh -J)</span>
      </label>
      {f.jump && <Hop {...props} keys={JUMP} label="Jump" />}
      <p className="field__help">Host keys are checked against ~/.ssh/known_hosts and the app's own list; an unknown key is shown by the connection test to accept or refuse.</p>
    </div>
  );
}
