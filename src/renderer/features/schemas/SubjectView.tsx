import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { href, navigate } from '../../app/router';
import { CompatibilityControl } from './CompatibilityControl';
import { DraftPanel } from './DraftPanel';
import { SchemaDangerZone } from './SchemaDangerZone';
import { lazyNamed, LazyBoundary } from '../../lib/lazy-named';
import { useSchemaVersion, useSubject } from './schema-queries';

/** CodeMirror in its own chunk, loaded with the first schema shown. */
const SchemaText = lazyNamed(() => import('./SchemaText'), 'SchemaText');
const SchemaDiff = lazyNamed(() => import('./SchemaText'), 'SchemaDiff');

const TYPE_NAMES = { AVRO: 'Avro', PROTOBUF: 'Protobuf', JSON: 'JSON Schema' } as const;

/** One subject: its versions, a version's text or the diff of two, references, level, new version, deletes. */
export function SubjectView({ connectionId, subject, version, compare, readOnly }: { connectionId: string; subject: string; version?: number; compare?: number; readOnly: boolean }) {
  const detail = useSubject(connectionId, subject);
  const latestVersion = detail.data?.latest.version;
  const shown = version ?? latestVersion;
  const current = useSchemaVersion(connectionId, subject, shown);
  const other = useSchemaVersion(connectionId, subject, compare);
  const [drafting, setDrafting] = useState(false);
  const go = (params: { v?: number; diff?: number }) => navigate(['schemas', subject], { v: params.v, diff: params.diff });

  if (detail.isPending) return <Loading label={`Reading subject ${subject}…`} />;
  if (detail.error) return <ErrorMessage error={detail.error} title={`Could not read ${subject}`} />;
  const d = detail.data;
  const view = current.data ?? (shown === d.latest.version ? d.latest : undefined);

  return (
    <section className="subject-view" aria-label={`Subject ${subject}`}>
      <header className="subject-view__head">
        <h2 className="subject-view__title" title={subject}>
          {subject}
        </h2>
        <span className="badge">{TYPE_NAMES[d.latest.schemaType]}</span>
        <span className="text-muted">
          {d.versions.length} version{d.versions.length === 1 ? '' : 's'} · latest v{d.latest.version} (id {d.latest.id})
        </span>
      </header>
      <CompatibilityControl connectionId={connectionId} subject={subject} level={d.compatibility} global={d.globalCompatibility} readOnly={readOnly} />

      <div className="subject-view__versions">
        <label className="field">
          <span>Version</span>
          <select aria-label="Version" value={shown} onChange={(e) => go({ v: Number(e.target.value), diff: compare })}>
            {[...d.versions].reverse().map((v) => (
              <option key={v} value={v}>
                v{v}
                {v === d.latest.version ? ' (latest)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Compare with</span>
          <select aria-label="Compare with" value={compare ?? ''} onChange={(e) => go({ v: shown, diff: e.target.value ? Number(e.target.value) : undefined })}>
            <option value="">— no diff —</option>
            {[...d.versions]
              .reverse()
              .filter((v) => v !== shown)
              .map((v) => (
                <option key={v} value={v}>
                  v{v}
                </option>
              ))}
          </select>
        </label>
        {view && (
          <span className="text-muted subject-view__id">
            v{view.version} has schema id <strong>{view.id}</strong>
          </span>
        )}
        <span className="spacer" />
        {!readOnly && !drafting && (
          <button type="button" className="button" onClick={() => setDrafting(true)}>
            New version…
          </button>
        )}
      </div>

      {drafting && (
        <DraftPanel
          connectionId={connectionId}
          latest={d.latest}
          onDone={(v) => {
            setDrafting(false);
            if (v) go({ v });
          }}
        />
      )}
      {current.error && <ErrorMessage error={current.error} title={`Could not read version ${shown}`} />}
      {other.error && <ErrorMessage error={other.error} title={`Could not read version ${compare}`} />}
      {view && compare !== undefined && other.data ? (
        <LazyBoundary>
          <SchemaDiff type={view.schemaType} before={other.data.schema} after={view.schema} label={`Changes from v${compare} to v${view.version}`} />
        </LazyBoundary>
      ) : view ? (
        <LazyBoundary>
          <SchemaText type={view.schemaType} text={view.schema} label={`Schema of ${subject} version ${view.version}`} />
        </LazyBoundary>
      ) : (
        <Loading label={`Reading version ${shown}…`} />
      )}

      {view && view.references.length > 0 && (
        <div className="subject-view__refs">
          <h3>References</h3>
          <ul>
            {view.references.map((r) => (
              <li key={r.name}>
                <code>{r.name}</code> → <a href={href(['schemas', r.subject], { v: r.version })}>{r.subject} v{r.version}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!readOnly && view && (
        <SchemaDangerZone connectionId={connectionId} subject={subject} version={view.version} onDeleted={(what) => (what === 'subject' ? navigate(['schemas']) : go({}))} />
      )}
    </section>
  );
}
