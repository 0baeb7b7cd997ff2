import type { ReactNode } from 'react';
import type { SecretName } from '../../../shared/api';
import { HelpField as Field } from '../../components/HelpField';
import type { ProfileFormState } from './profile-form-state';

interface Props {
  form: ProfileFormState;
  set(patch: Partial<ProfileFormState>): void;
  placeholder(name: SecretName): string;
  /** The "type it again" note for a stored secret refused for changed settings. */
  retype(name: SecretName): ReactNode;
}

/** The profile's Schema Registry: where schema-encoded (Avro, Protobuf, JSON Schema) data finds its schemas. */
export function RegistryFields({ form: f, set, placeholder, retype }: Props) {
  return (
    <fieldset className="profile-form__section">
      <legend>Schema Registry</legend>
      <label className="checkbox">
        <input type="checkbox" checked={f.registry} onChange={(e) => set({ registry: e.target.checked })} />
        <span>Decode Avro, Protobuf and JSON Schema data with a Schema Registry</span>
      </label>
      {f.registry && (
        <>
          <Field label="Registry URL" help="Confluent's REST API: Confluent, Redpanda, Karapace, or Apicurio at …/apis/ccompat/v7. Several: comma-separated, tried in order.">
            <input value={f.registryUrls} onChange={(e) => set({ registryUrls: e.target.value })} spellCheck={false} placeholder="http://localhost:8081" />
          </Field>
          <Field label="Registry authentication">
            <select value={f.registryAuth} onChange={(e) => set({ registryAuth: e.target.value as ProfileFormState['registryAuth'] })}>
              <option value="none">None</option>
              <option value="basic">User and password (HTTP basic)</option>
              <option value="bearer">Bearer token</option>
            </select>
          </Field>
          {f.registryAuth === 'basic' && (
            <div className="profile-form__grid">
              <Field label="Registry user">
                <input value={f.registryUsername} onChange={(e) => set({ registryUsername: e.target.value })} autoComplete="off" spellCheck={false} />
              </Field>
              <Field label="Registry password">
                <input type="password" value={f.registryPassword} onChange={(e) => set({ registryPassword: e.target.value })} placeholder={placeholder('registryPassword')} autoComplete="new-password" />
              </Field>
            </div>
          )}
          {retype('registryPassword')}
          {f.registryAuth === 'bearer' && (
            <Field label="Registry token">
              <textarea rows={2} value={f.registryToken} onChange={(e) => set({ registryToken: e.target.value })} placeholder={placeholder('registryToken')} spellCheck={false} />
            </Field>
          )}
          {retype('registryToken')}
          {f.registryUrls.includes('https:') && (
            <div className="profile-form__grid">
              <Field label="Registry CA file (PEM)" help="Empty: the system's trusted CAs.">
                <input value={f.registryCaFile} onChange={(e) => set({ registryCaFile: e.target.value })} spellCheck={false} />
              </Field>
              <Field label="Registry client certificate (PEM)" help="Mutual TLS only.">
                <input value={f.registryCertFile} onChange={(e) => set({ registryCertFile: e.target.value })} spellCheck={false} />
              </Field>
              <Field label="Registry client key (PEM)">
                <input value={f.registryKeyFile} onChange={(e) => set({ registryKeyFile: e.target.value })} spellCheck={false} />
              </Field>
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}
