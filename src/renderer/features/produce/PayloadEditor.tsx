import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { json } from '@codemirror/lang-json';
import { useMemo } from 'react';
import { formatJson } from '../../../shared/produce/json-format';
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

/**
 * A key or value: its format, an editor (JSON highlighted and checked as you type), and its problem.
 * `multiline` is the value: Tab indents there (Escape, then Tab, leaves the editor, CodeMirror's
 * tab-focus mode) and long lines wrap. The key is a one-line field: Tab moves on, as in an input.
 */
export function PayloadEditor({ label, value, onChange, nullLabel, multiline = false, disabled }: { label: string; value: PayloadState; onChange(v: PayloadState): void; nullLabel: string; multiline?: boolean; disabled?: boolean }) {
  const problem = payloadProblem(value, label.toLowerCase());
  // The editable element itself carries the name: it is what screen readers and getByRole see.
  const extensions = useMemo(
    () => [EditorView.contentAttributes.of({ 'aria-label': label }), ...(multiline ? [EditorView.lineWrapping] : []), ...(value.format === 'json' ? [json()] : [])],
    [label, multiline, value.format],
  );
  const canFormat = value.format === 'json' && !problem && !value.text.includes('{{');
  const id = `payload-${label.toLowerCase()}`;
  return (
    <fieldset className="payload-editor" disabled={disabled} aria-labelledby={`${id}-label`}>
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
          // Token-preserving: numbers and escapes stay as typed (9007199254740993 is not rounded).
          <button type="button" className="button small" disabled={!canFormat} onClick={() => onChange({ ...value, text: formatJson(value.text) })}>
            Format
          </button>
        )}
      </div>
      {value.format === 'null' ? (
        <div className="payload-editor__null">{multiline ? 'No value: a tombstone (deletes the key in compacted topics).' : 'No key: messages spread round-robin.'}</div>
      ) : (
        <CodeMirror
          value={value.text}
          onChange={(text) => onChange({ ...value, text })}
          extensions={extensions}
          theme={editorTheme}
          minHeight={multiline ? '140px' : '34px'}
          maxHeight="360px"
          basicSetup={{ lineNumbers: multiline, foldGutter: value.format === 'json', highlightActiveLine: false }}
          indentWithTab={multiline}
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
