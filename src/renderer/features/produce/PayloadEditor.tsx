import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { json } from '@codemirror/lang-json';
import { useMemo } from 'react';
import { formatJson } from '../../../shared/produce/json-format';
import type { PayloadRole } from '../../../shared/schemas/subject-names';
import { payloadProblem, type PayloadState } from './draft';
import { SchemaPicker } from './SchemaPicker';
import { editorContrast } from '../../lib/editor-contrast';
import { useResolvedTheme } from '../../lib/theme';

const FORMATS: { id: PayloadState['format']; label: string }[] = [
  { id: 'text', label: 'Text' },
  { id: 'json', label: 'JSON' },
  { id: 'hex', label: 'Hex' },
  { id: 'base64', label: 'Base64' },
  { id: 'schema', label: 'Schema' },
  { id: 'null', label: 'null' },
];

/** What the Schema format needs: where it sends, whether the connection has a registry or local schema files, and main's verdict on the text. */
export interface SchemaContext {
  connectionId: string;
  topic: string;
  role: PayloadRole;
  /** The connection has a Schema Registry or local schema files: the Schema format is offered. */
  available: boolean;
  /** Main's check of the text against the chosen schema (debounced), naming the field; null when it fits. */
  problem: string | null;
}

/**
 * A key or value: its format, an editor (JSON highlighted and checked as you type), and its problem.
 * `multiline` is the value: Tab indents there (Escape, then Tab, leaves the editor, CodeMirror's
 * tab-focus mode) and long lines wrap. The key is a one-line field: Tab moves on, as in an input.
 */
export function PayloadEditor({
  label,
  value,
  onChange,
  nullLabel,
  multiline = false,
  disabled,
  schema,
}: {
  label: string;
  value: PayloadState;
  onChange(v: PayloadState): void;
  nullLabel: string;
  multiline?: boolean;
  disabled?: boolean;
  schema?: SchemaContext;
}) {
  const problem = payloadProblem(value, label.toLowerCase()) ?? (value.format === 'schema' ? (schema?.problem ?? null) : null);
  const isJson = value.format === 'json' || value.format === 'schema';
  // Schema is offered with a registry or local schema files (and stays shown while chosen, so the choice can be changed).
  const formats = FORMATS.filter((f) => f.id !== 'schema' || schema?.available || value.format === 'schema');
  // The editor follows the app's theme (Settings: System/Light/Dark).
  const editorTheme = useResolvedTheme();
  // The editable element itself carries the name: it is what screen readers and getByRole see.
  const extensions = useMemo(
    () => [EditorView.contentAttributes.of({ 'aria-label': label }), ...(multiline ? [EditorView.lineWrapping] : []), ...(isJson ? [json()] : []), ...editorContrast(editorTheme, false)],
    [label, multiline, isJson, editorTheme],
  );
  const canFormat = isJson && !payloadProblem(value, label.toLowerCase()) && !value.text.includes('{{');
  const id = `payload-${label.toLowerCase()}`;
  return (
    <fieldset className="payload-editor" disabled={disabled} aria-labelledby={`${id}-label`}>
      <div className="payload-editor__bar">
        <legend id={`${id}-label`}>{label}</legend>
        <div className="segmented" role="radiogroup" aria-label={`${label} format`}>
          {formats.map((f) => (
            <label key={f.id} className={value.format === f.id ? 'active' : ''}>
              <input type="radio" name={`${id}-format`} checked={value.format === f.id} onChange={() => onChange({ ...value, format: f.id })} />
              {f.id === 'null' ? nullLabel : f.label}
            </label>
          ))}
        </div>
        {isJson && (
          // Token-preserving: numbers and escapes stay as typed (9007199254740993 is not rounded).
          <button type="button" className="button small" disabled={!canFormat} onClick={() => onChange({ ...value, text: formatJson(value.text) })}>
            Format
          </button>
        )}
      </div>
      {value.format === 'schema' && schema && (
        <SchemaPicker connectionId={schema.connectionId} topic={schema.topic} role={schema.role} label={label} value={value} onChange={onChange} />
      )}
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
          basicSetup={{ lineNumbers: multiline, foldGutter: isJson, highlightActiveLine: false }}
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
