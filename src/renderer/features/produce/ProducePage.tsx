import { useCallback, useEffect, useRef, useState } from 'react';
import './produce.css';
import { LARGE_BURST, type Acks, type Compression, type ImportSchemas, type MessageDraftInput, type SendResult } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { sendFailureTitle } from '../../../shared/produce/send-failure';
import { useApi } from '../../api/ApiProvider';
import { useFreshTopicsReload, useTopics } from '../../api/queries';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeader } from '../../components/PageHeader';
import { useConnectionId } from '../../state/session-store';
import { useReadOnly } from '../../state/use-read-only';
import { fromMessageDraft, partitionPrediction, payloadProblem, toMessageDraft, type DraftState } from './draft';
import { initialForm, useProduceDrafts } from './draft-store';
import { HeadersEditor } from './HeadersEditor';
import { ImportPanel, type ImportKeep } from './ImportPanel';
import { lazyNamed, LazyBoundary } from '../../lib/lazy-named';
import { useProduceInvalidation } from './queries';
import { useLocalTypes, useRegistrySubjects, useSchemaCheck } from './schema-queries';
import { isChosen } from '../../../shared/schemas/schema-choice';
import { RunProgress } from './RunProgress';
import { SendResultView } from './SendResultView';
import { TemplatesPanel } from './TemplatesPanel';
import { useRun } from './use-run';
import { useDateFormat } from '../../lib/use-date-format';
import { DateTimeInput } from '../../components/DateTimeInput';

/** CodeMirror in its own chunk, loaded with the form. */
const PayloadEditor = lazyNamed(() => import('./PayloadEditor'), 'PayloadEditor');

const COMPRESSIONS: Compression[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];
const ACKS: { id: Acks; label: string }[] = [
  { id: 'all', label: 'all (every in-sync replica)' },
  { id: 'leader', label: 'leader only' },
  { id: 'none', label: 'none (fire and forget)' },
];

/** Send test events: one message, a templated burst, or a file. */
export function ProducePage({ initialTopic }: { initialTopic?: string | undefined }) {
  const api = useApi();
  const connectionId = useConnectionId();
  const readOnly = useReadOnly();
  const dates = useDateFormat();
  const topics = useTopics(connectionId);
  const invalidate = useProduceInvalidation();
  // The form as it was left for this topic (or, from the sidebar, the last one): leaving the page keeps it.
  const [start] = useState(() => initialForm(connectionId, initialTopic));
  const [topic, setTopic] = useState(start.topic);
  const [draft, setDraft] = useState<DraftState>(start.form.draft);
  const [compression, setCompression] = useState<Compression>(start.form.compression);
  const [acks, setAcks] = useState<Acks>(start.form.acks);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<SendResult | null>(null);
  const [sendError, setSendError] = useState<unknown>(null);
  const [count, setCount] = useState(start.form.count);
  const [rate, setRate] = useState(start.form.rate);
  const [confirmLarge, setConfirmLarge] = useState(false);
  /** A topic a send found missing (deleted since the list was loaded), and when. */
  const [gone, setGone] = useState<{ topic: string; at: number } | null>(null);
  const burst = useRun();
  const fileRun = useRun();
  const saveForm = useProduceDrafts((s) => s.save);
  useEffect(() => saveForm(connectionId, topic, { draft, compression, acks, count, rate }), [saveForm, connectionId, topic, draft, compression, acks, count, rate]);

  const topicInfo = topics.data?.find((t) => t.name === topic);
  // A topic created since the list was loaded (by a script, another tool): look again, once per name.
  const lookedFor = useRef(new Set<string>());
  const refetch = useFreshTopicsReload(connectionId);
  const unknownTopic = Boolean(topic && topics.data && !topicInfo);
  useEffect(() => {
    if (!unknownTopic || lookedFor.current.has(topic)) return;
    const timer = setTimeout(() => {
      lookedFor.current.add(topic);
      void refetch().catch(() => undefined);
    }, 300);
    return () => clearTimeout(timer);
  }, [unknownTopic, topic, refetch]);
  // Deleted: until the list, loaded after the failure, shows the topic again (re-created), or another is picked.
  const deleted = gone !== null && gone.topic === topic && !(topicInfo && topics.dataUpdatedAt > gone.at);
  useEffect(() => {
    if (!deleted) return;
    const timer = setInterval(() => void refetch().catch(() => undefined), 5000);
    return () => clearInterval(timer);
  }, [deleted, refetch]);
  const topicProblem = !topic ? null : deleted ? `Topic ${topic} was deleted: pick another topic, or create it again.` : topicInfo ? null : `Topic ${topic} does not exist on this cluster.`;
  // The Schema format: offered with a registry or local schema files; main checks the text as typed (debounced), naming the field.
  const registry = useRegistrySubjects(connectionId);
  const local = useLocalTypes(connectionId, topic);
  const keySchemaProblem = useSchemaCheck(connectionId, draft.key, 'key');
  const valueSchemaProblem = useSchemaCheck(connectionId, draft.value, 'value');
  const schemaContext = (role: 'key' | 'value', problem: string | null) => ({ connectionId, topic, role, available: registry.available || local.types.length > 0, problem });
  const timestampProblem = draft.timestamp.trim() && !Number.isFinite(dates.fromInput(draft.timestamp)) ? `Timestamp: type it as 2026-12-02 14:03:05 (${dates.zone}), or leave it empty for now` : null;
  const problems = [topicProblem, payloadProblem(draft.key, 'key') ?? keySchemaProblem, payloadProblem(draft.value, 'value') ?? valueSchemaProblem, timestampProblem].filter(Boolean);
  const blocked = readOnly || !topicInfo || problems.length > 0;
  /** A send that found the topic missing: the form says so once (the topic line) and blocks sending. */
  const missingTopic = (error: unknown) => AppError.is(error) && error.code === 'UNKNOWN_TOPIC_OR_PARTITION';
  const noticeMissing = (error: unknown, sentTo: string) => {
    if (!missingTopic(error)) return;
    setGone({ topic: sentTo, at: Date.now() });
    void refetch().catch(() => undefined);
  };
  const runError = (error: unknown) => (missingTopic(error) ? null : error);
  const options = { compression, acks };
  const burstCount = Math.max(0, Math.floor(Number(count) || 0));
  const needsConfirm = burstCount > LARGE_BURST;

  const update = (patch: Partial<DraftState>) => setDraft((d) => ({ ...d, ...patch }));
  // Stable: the schema picker fills the editor from effects.
  const setKey = useCallback((key: DraftState['key']) => setDraft((d) => ({ ...d, key })), []);
  const setValue = useCallback((value: DraftState['value']) => setDraft((d) => ({ ...d, value })), []);
  const send = async () => {
    setSending(true);
    setSendError(null);
    setResult(null);
    try {
      setResult(await api.call('produce.send', { connectionId, topic, message: toMessageDraft(draft), options }));
      void invalidate.history(connectionId);
    } catch (error) {
      noticeMissing(error, topic);
      setSendError(runError(error));
    } finally {
      setSending(false);
    }
  };
  const sendBurst = () => {
    setConfirmLarge(false);
    const sentTo = topic;
    void burst.start((runId, signal) =>
      api
        .call(
          'produce.burst',
          { connectionId, topic, runId, count: burstCount, ratePerSecond: rate ? Number(rate) : null, confirmed: needsConfirm, message: toMessageDraft(draft), options },
          { signal },
        )
        .catch((error: unknown) => {
          noticeMissing(error, sentTo);
          throw error;
        }),
    );
  };
  const importFile = (format: 'ndjson' | 'lines', content: string, keep: ImportKeep, schemas: ImportSchemas | undefined) => {
    const sentTo = topic;
    return (runId: string, signal: AbortSignal) =>
      api.call('produce.import', { connectionId, topic, runId, format, content, options, keep, ...(schemas ? { schemas } : {}) }, { signal }).catch((error: unknown) => {
        noticeMissing(error, sentTo);
        throw error;
      });
  };
  const load = (t: string | null, message: MessageDraftInput) => {
    if (t) setTopic(t);
    setDraft(fromMessageDraft(message));
    setResult(null);
  };

  return (
    <div className="page produce-page">
      <PageHeader title="Produce" subtitle="Send one message, a templated burst, or a file" />
      {readOnly && (
        <div className="notice" role="note">
          This connection is read-only: producing is disabled (and refused by the app itself).
        </div>
      )}
      <div className="produce-layout">
        <form className="produce-form" onSubmit={(e) => e.preventDefault()} aria-label="Message">
          <div className="form-row">
            <label className="field">
              <span>Topic</span>
              <input list="produce-topics" value={topic} onChange={(e) => setTopic(e.target.value.trim())} placeholder="Pick a topic…" aria-label="Topic" />
              <datalist id="produce-topics">
                {(topics.data ?? []).filter((t) => !t.internal).map((t) => (
                  <option key={t.name} value={t.name} />
                ))}
              </datalist>
            </label>
            <label className="field">
              <span>Partition</span>
              <select aria-label="Partition" value={draft.partition} onChange={(e) => update({ partition: e.target.value })}>
                <option value="auto">Automatic (by key)</option>
                {Array.from({ length: topicInfo?.partitionCount ?? 0 }, (_, i) => (
                  <option key={i} value={String(i)}>
                    {i}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="prediction" data-testid="partition-prediction">
            {partitionPrediction(draft, topicInfo?.partitionCount)}
          </div>
          <LazyBoundary label="Loading the editor…">
            <PayloadEditor label="Key" value={draft.key} onChange={setKey} nullLabel="null" schema={schemaContext('key', keySchemaProblem)} />
            <PayloadEditor label="Value" value={draft.value} onChange={setValue} nullLabel="null (tombstone)" multiline schema={schemaContext('value', valueSchemaProblem)} />
          </LazyBoundary>
          <HeadersEditor headers={draft.headers} onChange={(headers) => update({ headers })} />
          <div className="form-row">
            <label className="field">
              <span>Compression</span>
              <select aria-label="Compression" value={compression} onChange={(e) => setCompression(e.target.value as Compression)}>
                {COMPRESSIONS.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Acks</span>
              <select aria-label="Acks" value={acks} onChange={(e) => setAcks(e.target.value as Acks)}>
                {ACKS.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Timestamp ({dates.zone}; empty: now)</span>
              <DateTimeInput label="Timestamp" value={draft.timestamp} onChange={(timestamp) => update({ timestamp })} />
            </label>
          </div>
          {problems.length > 0 && topic && (
            <div className="field-problem" role="status" data-testid="produce-problem">
              {problems[0]}
            </div>
          )}
          <div className="actions">
            <button type="button" className="button primary" disabled={blocked || sending} onClick={send}>
              {sending ? 'Sending…' : 'Send'}
            </button>
          </div>
          {result && <SendResultView result={result} />}
          <ErrorMessage error={sendError} title={sendFailureTitle(AppError.is(sendError) ? sendError.code : undefined)} />

          <section className="produce-section" aria-label="Burst">
            <h2>Burst</h2>
            <div className="form-row">
              <label className="field">
                <span>Messages</span>
                <input aria-label="Burst count" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value.replace(/[^\d]/g, ''))} />
              </label>
              <label className="field">
                <span>Rate (msg/s, empty: full speed)</span>
                <input aria-label="Burst rate" inputMode="numeric" value={rate} onChange={(e) => setRate(e.target.value.replace(/[^\d]/g, ''))} />
              </label>
              {needsConfirm && confirmLarge ? (
                <button type="button" className="button danger" disabled={blocked || burst.running} onClick={sendBurst}>
                  Yes, send {burstCount.toLocaleString('en')} messages
                </button>
              ) : (
                <button type="button" className="button" disabled={blocked || burst.running || burstCount < 1} onClick={() => (needsConfirm ? setConfirmLarge(true) : sendBurst())}>
                  Send burst
                </button>
              )}
            </div>
            <RunProgress running={burst.running} progress={burst.progress} summary={burst.summary} error={runError(burst.error)} onCancel={burst.cancel} />
          </section>

          <ImportPanel
            connectionId={connectionId}
            topic={topicInfo && !deleted ? topic : null}
            run={fileRun}
            canChoose={!readOnly && Boolean(topicInfo) && !deleted}
            disabled={readOnly || !topicInfo || deleted}
            runError={runError(fileRun.error)}
            schemas={importSchemas(draft)}
            onSend={importFile}
          />
        </form>
        <TemplatesPanel connectionId={connectionId} topic={topic} current={() => toMessageDraft(draft)} onLoad={load} />
      </div>
    </div>
  );
}

/** The schemas the Key and Value editors chose (Schema format), for encoding an imported file's lines; null: none. */
function importSchemas(d: DraftState): ImportSchemas | null {
  const of = (p: DraftState['key']) => (p.format === 'schema' && isChosen(p.schema) ? p.schema : null);
  const key = of(d.key);
  const value = of(d.value);
  return key || value ? { key, value } : null;
}
