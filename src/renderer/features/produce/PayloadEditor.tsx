import CodeMirror from '@uiw/react-codemirror';
import { json } from '@codemirror/lang-json';
import { useMemo } from 'react';
import { payloadProblem, type PayloadState } from './draft';

// Follow the app's light/dark scheme, which follows the system's.
const editorTheme = typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';

const FORMATS: { id: PayloadState['format']; label: string }[] = [
  { id: 'text', label: 'Text' },
  { id: 'json', label: 'JSON' },
  { id: 'hex', label: 'Hex' },
  { id: 'base64', label: 'Base64' },
  { id: 'null', label: 'null' },
];

/** A key or value: its format, an editor (JSON highlighted and checked as you type), and its problem. */
export function PayloadEditor({ label, value, onChange, nullLabel, disabled }: { label: string; value: PayloadState; onChange(v: PayloadState): void; nullLabel: string; disabled?: boolean }) {
  const problem = payloadProblem(value, label.toLowerCase());
  const extensions = useMemo(() => (value.format === 'json' ? [json()] : []), [value.format]);
  const canFormat = value.format === 'json' && !problem && !value.text.includes('{{');
  const id = `payload-${label.toLowerCase()}`;
  return (
    <fieldset className="payload-editor" disabled={disabled}>
      <div className="payload-editor__bar">
        <legend id={`${id}-label`}>{label}</legend>
        <div className="segmented" role="radiogroup" aria-label={`${label} format`}>
          {FORMATS.map((f) => (
            <label key={f.id} className={value.format === f.id ? 'active' : ''}>
              <input type="radio" name={`${id}-format`} checked={value.format === f.id} onChange={() => onChange({ ...value, format: f.id })} />
              {f.id === 'null' ? nullLabel : f.label}
            </label>
          ))}
        </div>
        {value.format === 'json' && (
          <button type="button" className="button small" disabled={!canFormat} onClick={() => onChange({ ...value, text: JSON.stringify(JSON.parse(value.text), null, 2) })}>
            Format
          </button>
        )}
      </div>
      {value.format === 'null' ? (
        <div className="payload-editor__null">{label === 'Value' ? 'No value: a tombstone (deletes the key in compacted topics).' : 'No key: messages spread round-robin.'}</div>
      ) : (
        <CodeMirror
          value={value.text}
          onChange={(text) => onChange({ ...value, text })}
          extensions={extensions}
          theme={editorTheme}
          minHeight={label === 'Value' ? '140px' : '34px'}
          maxHeight="360px"
          basicSetup={{ lineNumbers: label === 'Value', foldGutter: value.format === 'json', highlightActiveLine: false }}
          aria-labelledby={`${id}-label`}
          data-testid={`${id}-editor`}
          editable={!disabled}
        />
      )}
      {problem && (
        <div className="field-problem" role="status" data-testid={`${id}-problem`}>
          {problem}
        </div>
      )}
    </fieldset>
  );
}
