import type { ReactNode } from 'react';
import type { SecretName } from '../../../shared/api';
import { HelpField as Field } from '../../components/HelpField';
import { parseConnectLines } from './connect-cluster-lines';
import type { ProfileFormState } from './profile-form-state';

interface Props {
  form: ProfileFormState;
  set(patch: Partial<ProfileFormState>): void;
  placeholder(name: SecretName): string;
  retype(name: SecretName): ReactNode;
}

/** The profile's Kafka Connect clusters: their REST URLs, one authentication and TLS setting for all. */
export function KafkaConnectFields({ form: f, set, placeholder, retype }: Props) {
  const problem = f.connect ? parseConnectLines(f.connectClusters).problem : null;
  return (
    <fieldset className="profile-form__section">
      <legend>Kafka Connect</legend>
      <label className="checkbox">
        <input type="checkbox" checked={f.connect} onChange={(e) => set({ connect: e.target.checked })} />
        <span>See and run connectors on Kafka Connect</span>
      </label>
      {f.connect && (
        <>
          <Field label="Connect clusters" help="One a line: a name, then the REST URL of any worker (e.g. “ingest http://connect:8083”). A URL alone is named after its host.">
            <textarea rows={2} value={f.connectClusters} onChange={(e) => set({ connectClusters: e.target.value })} spellCheck={false} />
          </Field>
          {problem && (
            <p className="text-bad" role="alert">
              {problem}
            </p>
          )}
          <Field label="Connect authentication" help="Used for every Connect cluster of this profile.">
            <select value={f.connectAuth} onChange={(e) => set({ connectAuth: e.target.value as ProfileFormState['connectAuth'] })}>
              <option value="none">None</option>
              <option value="basic">User and password (HTTP basic)</option>
              <option value="bearer">Bearer token</option>
            </select>
          </Field>
          {f.connectAuth === 'basic' && (
            <div className="profile-form__grid">
              <Field label="Connect user">
                <input value={f.connectUsername} onChange={(e) => set({ connectUsername: e.target.value })} autoComplete="off" spellCheck={false} />
              </Field>
              <Field label="Connect password">
                <input type="password" value={f.connectPassword} onChange={(e) => set({ connectPassword: e.target.value })} placeholder={placeholder('connectPassword')} autoComplete="new-password" />
              </Field>
            </div>
          )}
          {retype('connectPassword')}
          {f.connectAuth === 'bearer' && (
            <Field label="Connect token">
              <textarea rows={2} value={f.connectToken} onChange={(e) => set({ connectToken: e.target.value })} placeholder={placeholder('connectToken')} spellCheck={false} />
            </Field>
          )}
          {retype('connectToken')}
          {f.connectClusters.includes('https:') && (
            <div className="profile-form__grid">
              <Field label="Connect CA file (PEM)" help="Empty: the system's trusted CAs.">
                <input value={f.connectCaFile} onChange={(e) => set({ connectCaFile: e.target.value })} spellCheck={false} />
              </Field>
              <Field label="Connect client certificate (PEM)" help="Mutual TLS only.">
                <input value={f.connectCertFile} onChange={(e) => set({ connectCertFile: e.target.value })} spellCheck={false} />
              </Field>
              <Field label="Connect client key (PEM)">
                <input value={f.connectKeyFile} onChange={(e) => set({ connectKeyFile: e.target.value })} spellCheck={false} />
              </Field>
              <label className="checkbox">
                <input type="checkbox" checked={f.connectSkipVerify} onChange={(e) => set({ connectSkipVerify: e.target.checked })} />
                <span>Do not verify the Connect server certificate</span>
              </label>
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}
