import { useState } from 'react';

/**
 * Keys the plugin's definition does not list (a transform's settings, topic creation groups,
 * client overrides): shown, editable and removable, and a row to add one.
 */
export function OtherKeys({ values, known, errors, onChange, source }: {
  values: Record<string, string>;
  known: Set<string>;
  errors: Record<string, string[]>;
  onChange: (update: (v: Record<string, string>) => Record<string, string>) => void;
  source: boolean;
}) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const others = Object.keys(values).filter((k) => !known.has(k) && k !== 'name' && k !== 'connector.class').sort();
  const missingTopicCreation = source && values['topic.creation.default.replication.factor'] === undefined;
  return (
    <details className="connect-form__group" open={others.length > 0 || missingTopicCreation}>
      <summary>
        Other keys <span className="text-muted">({others.length})</span>
      </summary>
      {others.map((k) => (
        <div key={k} className="field connect-field">
          <label htmlFor={`other-${k}`}>
            <code>{k}</code>
          </label>
          <div className="form-row">
            <input id={`other-${k}`} data-key={k} value={values[k]} onChange={(e) => onChange((v) => ({ ...v, [k]: e.target.value }))} spellCheck={false} />
            <button type="button" className="button small" aria-label={`Remove ${k}`} onClick={() => onChange((v) => Object.fromEntries(Object.entries(v).filter(([x]) => x !== k)))}>
              Remove
            </button>
          </div>
          {(errors[k] ?? []).map((e) => (
            <p key={e} className="connect-field__error text-bad" role="alert">
              {e}
            </p>
          ))}
        </div>
      ))}
      {missingTopicCreation && (
        <p className="text-muted">
          A source writes to topics that may not exist yet; on brokers with <code>auto.create.topics.enable=false</code> the worker creates them only with topic creation settings.{' '}
          <button
            type="button"
            className="button small"
            onClick={() => onChange((v) => ({ ...v, 'topic.creation.default.replication.factor': '-1', 'topic.creation.default.partitions': '-1' }))}
          >
            Add topic creation with broker defaults
          </button>
        </p>
      )}
      <div className="form-row">
        <input aria-label="New key" placeholder="key" value={key} onChange={(e) => setKey(e.target.value)} spellCheck={false} />
        <input aria-label="New value" placeholder="value" value={value} onChange={(e) => setValue(e.target.value)} spellCheck={false} />
        <button
          type="button"
          className="button small"
          disabled={key.trim() === ''}
          onClick={() => {
            onChange((v) => ({ ...v, [key.trim()]: value }));
            setKey('');
            setValue('');
          }}
        >
          Add key
        </button>
      </div>
    </details>
  );
}
