import { useState } from 'react';
import type { SchemaVersionView } from '../../../shared/api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { lazyNamed, LazyBoundary } from '../../lib/lazy-named';
import { displaySchema } from './schema-text';
import { useCheckCompatibility, useRegister } from './schema-queries';
import { useEscape } from '../commands/use-escape';

/** CodeMirror in its own chunk, loaded with the editor. */
const SchemaText = lazyNamed(() => import('./SchemaText'), 'SchemaText');

/** A new version: starts from the latest, checked against the subject's level by the registry itself, then registered. */
export function DraftPanel({ connectionId, latest, onDone }: { connectionId: string; latest: SchemaVersionView; onDone(version?: number): void }) {
  const [text, setText] = useState(() => displaySchema(latest.schemaType, latest.schema));
  const check = useCheckCompatibility(connectionId, latest.subject);
  const register = useRegister(connectionId, latest.subject);
  const draft = { schemaType: latest.schemaType, schema: text, references: latest.references };
  useEscape(() => onDone());
  const verdict = check.data && check.variables?.schema === text ? check.data : null;

  return (
    <section className="schema-draft panel" aria-label="New version">
      <h3>New version of {latest.subject}</h3>
      <p className="text-muted">
        Starts from version {latest.version}; keeps its {latest.references.length} reference{latest.references.length === 1 ? '' : 's'}. The registry decides what is compatible.
      </p>
      <LazyBoundary>
        <SchemaText type={latest.schemaType} text={text} label="Draft schema" onChange={setText} />
      </LazyBoundary>
      {verdict && (
        <p className={verdict.compatible ? 'text-good' : 'text-bad'} role="status" data-testid="compatibility-verdict">
          {verdict.compatible ? 'Compatible with the latest version under the subject’s level.' : 'Not compatible with the latest version under the subject’s level.'}
          {verdict.messages.map((m) => (
            <span key={m} className="compat__reason">
              {m}
            </span>
          ))}
        </p>
      )}
      {check.error && <ErrorMessage error={check.error} title="Could not check" />}
      {register.error && <ErrorMessage error={register.error} title="The registry refused the new version" />}
      <div className="schema-draft__actions">
        <button type="button" className="button" onClick={() => check.mutate(draft)} disabled={check.isPending}>
          Check compatibility
        </button>
        <span className="spacer" />
        <button type="button" className="button" onClick={() => onDone()}>
          Cancel
        </button>
        <button type="button" className="button primary" disabled={register.isPending || text.trim() === ''} onClick={() => register.mutate(draft, { onSuccess: (r) => onDone(r.version) })}>
          Register version
        </button>
      </div>
    </section>
  );
}
