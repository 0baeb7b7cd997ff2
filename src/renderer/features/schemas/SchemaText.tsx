import { json } from '@codemirror/lang-json';
import { StreamLanguage } from '@codemirror/language';
import { protobuf } from '@codemirror/legacy-modes/mode/protobuf';
import CodeMirror, { EditorView } from '@uiw/react-codemirror';
import { useMemo } from 'react';
import type { SchemaTypeName } from '../../../shared/api';
import { editorContrast } from '../../lib/editor-contrast';
import { useResolvedTheme } from '../../lib/theme';
import { displaySchema, foldUnchanged, schemaDiff } from './schema-text';

const protoLanguage = StreamLanguage.define(protobuf);

export function languageFor(type: SchemaTypeName) {
  return type === 'PROTOBUF' ? [protoLanguage] : [json()];
}

/** A schema's text, highlighted, read-only (or editable for a draft). */
export function SchemaText({ type, text, label, onChange }: { type: SchemaTypeName; text: string; label: string; onChange?: (text: string) => void }) {
  const editorTheme = useResolvedTheme();
  const shown = useMemo(() => (onChange ? text : displaySchema(type, text)), [type, text, onChange]);
  const extensions = useMemo(() => [...languageFor(type), EditorView.lineWrapping, EditorView.contentAttributes.of({ 'aria-label': label }), ...editorContrast(editorTheme, !onChange)], [type, label, onChange, editorTheme]);
  return (
    <div className="schema-text" data-editor-theme={editorTheme} data-testid={onChange ? 'schema-draft' : 'schema-text'}>
      <CodeMirror value={shown} extensions={extensions} theme={editorTheme} editable={Boolean(onChange)} readOnly={!onChange} basicSetup={{ foldGutter: true, lineNumbers: true, highlightActiveLine: Boolean(onChange) }} onChange={onChange} />
    </div>
  );
}

/** Line differences between two versions, removed lines red, added green. */
export function SchemaDiff({ type, before, after, label }: { type: SchemaTypeName; before: string; after: string; label: string }) {
  const lines = useMemo(() => foldUnchanged(schemaDiff(displaySchema(type, before), displaySchema(type, after))), [type, before, after]);
  const changed = lines.filter((l) => l.kind === 'added' || l.kind === 'removed').length;
  return (
    <div className="schema-diff" role="region" aria-label={label}>
      {changed === 0 && <p className="text-muted">The two versions are identical.</p>}
      <pre>
        {lines.map((l, i) => (
          <div key={i} className={`schema-diff__line ${l.kind}`}>
            <span className="schema-diff__mark" aria-hidden>
              {l.kind === 'added' ? '+' : l.kind === 'removed' ? '−' : l.kind === 'folded' ? '⋯' : ' '}
            </span>
            <span className="sr-only">{l.kind === 'added' ? 'added: ' : l.kind === 'removed' ? 'removed: ' : ''}</span>
            {l.text}
          </div>
        ))}
      </pre>
    </div>
  );
}
