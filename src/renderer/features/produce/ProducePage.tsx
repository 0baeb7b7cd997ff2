import { useEffect, useRef, useState } from 'react';
import './produce.css';
import { LARGE_BURST, type Acks, type Compression, type MessageDraftInput, type SendResult } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';
import { useFreshTopicsReload, useTopics } from '../../api/queries';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeader } from '../../components/PageHeader';
import { useConnectionId } from '../../state/session-store';
import { useReadOnly } from '../../state/use-read-only';
import { emptyDraft, fromMessageDraft, partitionPrediction, payloadProblem, toMessageDraft, type DraftState } from './draft';
import { HeadersEditor } from './HeadersEditor';
import { PayloadEditor } from './PayloadEditor';
import { useProduceInvalidation } from './queries';
import { RunProgress } from './RunProgress';
import { SendResultView } from './SendResultView';
import { TemplatesPanel } from './TemplatesPanel';
import { useRun } from './use-run';

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
  const topics = useTopics(connectionId);
  const invalidate = useProduceInvalidation();
  const [topic, setTopic] = useState(initialTopic ?? '');
  const [draft, setDraft] = useState<DraftState>(emptyDraft);
  const [compression, setCompression] = useState<Compression>('none');
  const [acks, setAcks] = useState<Acks>('all');
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<SendResult | null>(null);
  const [sendError, setSendError] = useState<unknown>(null);
  const [count, setCount] = useState('1000');
  const [rate, setRate] = useState('');
  const [confirmLarge, setConfirmLarge] = useState(false);
  const [importFormat, setImportFormat] = useState<'ndjson' | 'lines'>('ndjson');
  const burst = useRun();
  const fileRun = useRun();

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
  const problems = [payloadProblem(draft.key, 'key'), payloadProblem(draft.value, 'value'), topicInfo || !topic ? null : `Topic ${topic} does not exist on this cluster.`].filter(Boolean);
  const blocked = readOnly || !topicInfo || problems.length > 0;
  const options = { compression, acks };
  const burstCount = Math.max(0, Math.floor(Number(count) || 0));
  const needsConfirm = burstCount > LARGE_BURST;

  const update = (patch: Partial<DraftState>) => setDraft((d) => ({ ...d, ...patch }));
  const send = async () => {
    setSending(true);
    setSendError(null);
    setResult(null);
    try {
      setResult(await api.call('produce.send', { connectionId, topic, message: toMessageDraft(draft), options }));
      void invalidate.history(connectionId);
    } catch (error) {
      setSendError(error);
    } finally {
      setSending(false);
    }
  };
  const sendBurst = () => {
    setConfirmLarge(false);
    void burst.start((runId, signal) =>
      api.call(
        'produce.burst',
        { connectionId, topic, runId, count: burstCount, ratePerSecond: rate ? Number(rate) : null, confirmed: needsConfirm, message: toMessageDraft(draft), options },
        { signal },
      ),
    );
  };
  const importFile = (file: File | undefined) => {
    if (!file) return;
    void fileRun.start(async (runId, signal) => api.call('produce.import', { connectionId, topic, runId, format: importFormat, content: await file.text(), options }, { signal }));
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
          <PayloadEditor label="Key" value={draft.key} onChange={(key) => update({ key })} nullLabel="null" />
          <PayloadEditor label="Value" value={draft.value} onChange={(value) => update({ value })} nullLabel="null (tombstone)" />
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
              <span>Timestamp (empty: now)</span>
              <input type="datetime-local" step="1" aria-label="Timestamp" value={draft.timestamp} onChange={(e) => update({ timestamp: e.target.value })} />
            </label>
          </div>
          {problems.length > 0 && topic && <div className="field-problem">{problems[0]}</div>}
          <div className="actions">
            <button type="button" className="button primary" disabled={blocked || sending} onClick={send}>
              {sending ? 'Sending…' : 'Send'}
            </button>
          </div>
          {result && <SendResultView result={result} />}
          <ErrorMessage error={sendError} title="The message was not sent" />

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
            <RunProgress running={burst.running} progress={burst.progress} summary={burst.summary} error={burst.error} onCancel={burst.cancel} />
          </section>

          <section className="produce-section" aria-label="Import a file">
            <h2>Import a file</h2>
            <div className="form-row">
              <label className="field">
                <span>Format</span>
                <select aria-label="File format" value={importFormat} onChange={(e) => setImportFormat(e.target.value as 'ndjson' | 'lines')}>
                  <option value="ndjson">NDJSON: {'{"key", "value", "headers", "partition"}'} per line</option>
                  <option value="lines">Plain lines: one value per line</option>
                </select>
              </label>
              <label className={`button file-button${readOnly || !topicInfo || fileRun.running ? ' disabled' : ''}`}>
                Choose file…
                <input type="file" aria-label="File to import" accept=".ndjson,.jsonl,.json,.txt,text/plain" disabled={readOnly || !topicInfo || fileRun.running} onChange={(e) => importFile(e.target.files?.[0])} hidden />
              </label>
            </div>
            <RunProgress running={fileRun.running} progress={fileRun.progress} summary={fileRun.summary} error={fileRun.error} onCancel={fileRun.cancel} />
          </section>
        </form>
        <TemplatesPanel connectionId={connectionId} topic={topic} current={() => toMessageDraft(draft)} onLoad={load} />
      </div>
    </div>
  );
}
