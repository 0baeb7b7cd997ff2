import type { ConfigKeyDefinition } from '../../../shared/api';
import type { FieldGroup } from './form-model';

/** One generated input per key: its type decides the control, its docs are the help, its default the placeholder. */
export function ConfigFields({ groups, values, errors, onChange }: {
  groups: FieldGroup[];
  values: Record<string, string>;
  errors: Record<string, string[]>;
  onChange: (key: string, value: string) => void;
}) {
  return (
    <div className="connect-form__groups">
      {groups.map((g) => (
        <details key={g.name} className="connect-form__group" open={g.open || g.fields.some((f) => (errors[f.name]?.length ?? 0) > 0)}>
          <summary>
            {g.name} <span className="text-muted">({g.fields.length})</span>
          </summary>
          {g.fields.map((f) => (
            <ConfigField key={f.name} definition={f} value={values[f.name] ?? ''} errors={errors[f.name] ?? []} onChange={(v) => onChange(f.name, v)} />
          ))}
        </details>
      ))}
    </div>
  );
}

function ConfigField({ definition: d, value, errors, onChange }: { definition: ConfigKeyDefinition; value: string; errors: string[]; onChange: (v: string) => void }) {
  const id = `connect-field-${d.name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const described = `${id}-help`;
  const common = { id, 'aria-describedby': described, 'aria-invalid': errors.length > 0 || undefined, 'data-key': d.name } as const;
  return (
    <div className={`field connect-field${errors.length ? ' connect-field--error' : ''}`}>
      <label htmlFor={id}>
        <code>{d.name}</code>
        {d.required && <span className="text-bad" title="required"> *</span>}
        <span className="connect-field__type text-muted"> {d.type.toLowerCase()}</span>
      </label>
      {d.type === 'BOOLEAN' ? (
        <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">default{d.defaultValue !== null ? ` (${d.defaultValue})` : ''}</option>
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      ) : (
        <input
          {...common}
          type={d.type === 'PASSWORD' ? 'password' : 'text'}
          inputMode={['INT', 'LONG', 'SHORT'].includes(d.type) ? 'numeric' : undefined}
          value={value}
          placeholder={d.defaultValue !== null && d.defaultValue !== '' ? d.defaultValue : d.required ? 'required' : ''}
          onChange={(e) => onChange(e.target.value)}
          spellCheck={false}
          autoComplete="off"
        />
      )}
      <small className="field__help" id={described}>
        {d.documentation}
      </small>
      {errors.map((e) => (
        <p key={e} className="connect-field__error text-bad" role="alert">
          {e}
        </p>
      ))}
    </div>
  );
}
