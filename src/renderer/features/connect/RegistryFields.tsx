import { useState, type ReactNode } from 'react';
import { parseMappingLines } from './local-schema-lines';
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
      <LocalSchemaFields form={f} set={set} />
    </fieldset>
  );
}

/** Schemas from the user's own files, for data written without a registry. */
function LocalSchemaFields({ form: f, set }: Pick<Props, 'form' | 'set'>) {
  const [open, setOpen] = useState(Boolean(f.localSchemaPaths || f.localSchemaMappings));
  const problem = parseMappingLines(f.localSchemaMappings).problem;
  return (
    <details className="local-schemas" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Local schema files (no registry needed)</summary>
      <Field label="Schema files and folders" help=".proto files or folders (imports resolved inside them), descriptor sets (.desc, .pb from protoc --descriptor_set_out), .avsc files; one path a line.">
        <textarea rows={2} value={f.localSchemaPaths} onChange={(e) => set({ localSchemaPaths: e.target.value })} spellCheck={false} placeholder="/home/me/protos" />
      </Field>
      <Field label="Topic mappings" help={'One a line: topic (or pattern with *), key or value, and the message or record type — e.g. "payments-* value demo.Payment". "protobuf:raw" shows Protobuf without a schema (field numbers).'}>
        <textarea rows={3} value={f.localSchemaMappings} onChange={(e) => set({ localSchemaMappings: e.target.value })} spellCheck={false} placeholder="payments-* value demo.Payment" />
      </Field>
      {problem && (
        <p className="text-bad" role="alert">
          {problem}
        </p>
      )}
    </details>
  );
}
