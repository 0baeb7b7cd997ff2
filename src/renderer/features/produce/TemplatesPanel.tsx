import { useState } from 'react';
import type { HistoryEntry, Template } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PLACEHOLDER_HELP } from '../../../shared/produce/template';
import { useHistory, useProduceInvalidation, useTemplates } from './queries';
import type { MessageDraftInput } from '../../../shared/api';
import { useDateFormat } from '../../lib/use-date-format';

/** Templates (built-in, saved, import/export), recent sends, and the placeholder reference. */
export function TemplatesPanel({ connectionId, topic, current, onLoad }: { connectionId: string; topic: string; current: () => MessageDraftInput; onLoad(topic: string | null, message: MessageDraftInput): void }) {
  const api = useApi();
  const templates = useTemplates();
  const history = useHistory(connectionId);
  const dates = useDateFormat();
  const invalidate = useProduceInvalidation();
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      await invalidate.templates();
    } catch (e) {
      setError(e);
    }
  };
  const save = () =>
    act(async () => {
      await api.call('produce.templates.save', { template: { id: `t-${Date.now().toString(36)}`, name, topic: topic || null, message: current() } });
      setName('');
    });
  const exportAll = () => {
    const saved = (templates.data ?? []).filter((t) => !t.builtIn);
    const blob = new Blob([JSON.stringify({ templates: saved }, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'kafka-explorer-templates.json';
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const importFile = (file: File | undefined) => file && act(async () => api.call('produce.templates.import', { json: await file.text() }));

  return (
    <aside className="produce-side">
      <section>
        <h2>Templates</h2>
        <ul className="plain-list" aria-label="Templates">
          {(templates.data ?? []).map((t: Template) => (
            <li key={t.id}>
              <button type="button" className="link" onClick={() => onLoad(t.topic, t.message)}>
                {t.name}
              </button>
              {t.builtIn ? <span className="badge muted">built-in</span> : (
                <button type="button" className="button small ghost" aria-label={`Delete template ${t.name}`} onClick={() => act(() => api.call('produce.templates.delete', { id: t.id }))}>
                  ✕
                </button>
              )}
            </li>
          ))}
        </ul>
        <div className="row">
          <input aria-label="Template name" placeholder="Name for this message" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="button" className="button small" disabled={!name.trim()} onClick={save}>
            Save as template
          </button>
        </div>
        <div className="row">
          <button type="button" className="button small" onClick={exportAll}>
            Export
          </button>
          <label className="button small file-button">
            Import…
            <input type="file" accept="application/json,.json" onChange={(e) => importFile(e.target.files?.[0])} hidden />
          </label>
        </div>
        <ErrorMessage error={error} title="Templates" />
      </section>
      <section>
        <h2>Recently sent</h2>
        {(history.data ?? []).length === 0 && <p className="muted">Nothing sent to this cluster yet.</p>}
        <ul className="plain-list history" aria-label="Recently sent">
          {(history.data ?? []).slice(0, 15).map((h: HistoryEntry) => (
            <li key={`${h.sentAt}-${h.result.offset}`}>
              <button type="button" className="link" onClick={() => onLoad(h.topic, h.message)} title="Load into the form to send again">
                {h.topic} · p{h.result.partition}@{h.result.offset ?? '?'}
              </button>
              <span className="muted">{dates.time(Date.parse(h.sentAt))}</span>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2>Placeholders</h2>
        <dl className="placeholder-help">
          {PLACEHOLDER_HELP.map((p) => (
            <div key={p.syntax}>
              <dt>
                <code>{p.syntax}</code>
              </dt>
              <dd>{p.means}</dd>
            </div>
          ))}
        </dl>
      </section>
    </aside>
  );
}
