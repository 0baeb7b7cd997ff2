import { useMemo, useRef, useState } from 'react';
import type { CopyOptions, CopyPreview, CopySummary, HeaderRewrite, MessageView, RequestOf } from '../../../shared/api';
import { toOffsetRuns } from '../../../shared/messages/offset-runs';
import { useApi } from '../../api/ApiProvider';
import { useTopics } from '../../api/queries';
import { DateTimeInput } from '../../components/DateTimeInput';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useDateFormat } from '../../lib/use-date-format';
import { useClusters } from '../../state/clusters-store';
import { useConnectionId } from '../../state/session-store';
import { useModalDialog } from '../commands/use-modal-dialog';
import { CopyPreviewTable } from './CopyPreviewTable';
import { CopyRunStatus } from './CopyRunStatus';
import { HeaderRewritesEditor } from './HeaderRewritesEditor';
import { useCopyProgress } from './copy-progress-store';
import './copy.css';

/** What was read in the Messages tab, offered as the copy's source (their partitions and offsets only leave the window). */
export interface ReadSets {
  all(): MessageView[];
  shown(): MessageView[];
  selected(): MessageView[];
}

type Scope = 'selected' | 'shown' | 'all' | 'range';
type From = 'beginning' | 'offset' | 'timestamp';

const n = (x: number) => x.toLocaleString('en');

/**
 * Copy or replay messages to a topic on this or another open connection: chosen rows, the
 * read's matches, or a range; what is kept and rewritten; a DLQ redrive (the topic from a
 * header, a marker so a second redrive skips them). Preview first, then progress with rate and
 * Cancel, then what was sent, failed (with the broker's reasons) and the offsets written.
 */
export function CopyDialog({ topic, sets, onClose }: { topic: string; sets?: ReadSets; onClose(): void }) {
  const api = useApi();
  const dialog = useModalDialog();
  const connectionId = useConnectionId();
  const clusters = useClusters((s) => s.open);
  const dates = useDateFormat();
  const counts = useMemo(() => (sets ? { selected: sets.selected().length, shown: sets.shown().length, all: sets.all().length } : null), [sets]);
  const [scope, setScope] = useState<Scope>(counts ? (counts.selected > 0 ? 'selected' : 'shown') : 'range');
  const [partition, setPartition] = useState('all');
  const [from, setFrom] = useState<From>('beginning');
  const [fromOffset, setFromOffset] = useState('0');
  const [fromTime, setFromTime] = useState('');
  const [untilOffset, setUntilOffset] = useState('');
  const [limit, setLimit] = useState('');
  const [targetConnection, setTargetConnection] = useState(connectionId);
  const [targetTopic, setTargetTopic] = useState('');
  const [redrive, setRedrive] = useState(false);
  const [topicHeader, setTopicHeader] = useState('x-original-topic');
  const [mark, setMark] = useState(true);
  const [marker, setMarker] = useState('x-redriven');
  const [options, setOptions] = useState<Omit<CopyOptions, 'headers'>>({ keepKey: true, keepHeaders: true, timestamp: 'original', partitioning: 'same', compression: 'none', acks: 'all' });
  const [rewrites, setRewrites] = useState<HeaderRewrite[]>([]);
  const [preview, setPreview] = useState<CopyPreview | null>(null);
  const [summary, setSummary] = useState<CopySummary | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'copy' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);
  const progress = useCopyProgress((s) => (runId ? s.runs[runId] : undefined));
  const targetTopics = useTopics(targetConnection);

  const request = (): Omit<RequestOf<'copy.run'>, 'runId'> => {
    const source: RequestOf<'copy.run'>['source'] =
      scope === 'range'
        ? {
            kind: 'range',
            partitions: partition === 'all' ? null : [Number(partition)],
            position: from === 'offset' ? { kind: 'offset', offset: fromOffset.trim() || '0' } : from === 'timestamp' ? { kind: 'timestamp', timestamp: Math.max(0, dates.fromInput(fromTime) || 0) } : { kind: 'beginning' },
            untilOffset: untilOffset.trim() === '' ? null : untilOffset.trim(),
            limit: limit.trim() === '' ? null : Number(limit),
          }
        : { kind: 'offsets', selection: toOffsetRuns(scope === 'selected' ? sets!.selected() : scope === 'shown' ? sets!.shown() : sets!.all()) };
    return {
      connectionId,
      topic,
      source,
      target: { connectionId: targetConnection, topic: targetTopic.trim() === '' ? null : targetTopic.trim() },
      options: { ...options, headers: rewrites.filter((w) => w.key.trim() !== '') },
      redrive: redrive ? { topicHeader: topicHeader.trim() || null, marker: mark ? marker.trim() || null : null } : null,
    };
  };

  const guarded = async (what: 'preview' | 'copy', work: (signal: AbortSignal) => Promise<void>) => {
    const ctl = (controller.current = new AbortController());
    setBusy(what);
    setError(null);
    try {
      await work(ctl.signal);
    } catch (e) {
      if (!ctl.signal.aborted || what === 'copy') setError(e);
    } finally {
      setBusy(null);
    }
  };
  const runPreview = () =>
    guarded('preview', async (signal) => {
      setPreview(await api.call('copy.preview', { ...request(), count: 5 }, { signal }));
    });
  const runCopy = () =>
    guarded('copy', async (signal) => {
      const id = `copy-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
      setRunId(id);
      setSummary(null);
      setSummary(await api.call('copy.run', { ...request(), runId: id }, { signal }));
    });

  const sourceCount = scope === 'range' || !counts ? null : counts[scope];
  const noTarget = targetTopic.trim() === '' && !(redrive && topicHeader.trim() !== '');
  const empty = sourceCount === 0;
  const keep = <K extends keyof typeof options>(k: K, v: (typeof options)[K]) => setOptions((o) => ({ ...o, [k]: v }));

  return (
    <dialog
      ref={dialog}
      className="copy-dialog"
      aria-labelledby="copy-title"
      onCancel={(e) => {
        e.preventDefault();
        if (busy !== 'copy') onClose();
      }}
    >
      <div className="copy-dialog__head">
        <h2 id="copy-title">
          Copy messages from <span className="mono">{topic}</span>
        </h2>
        <button type="button" className="button small" onClick={onClose} disabled={busy === 'copy'}>
          Close
        </button>
      </div>
      <div className="copy-dialog__body">
        <fieldset>
          <legend>Messages</legend>
          <label className="field">
            <span>Which</span>
            <select aria-label="Which messages" value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
              {counts && <option value="selected">Selected rows ({n(counts.selected)})</option>}
              {counts && <option value="shown">Shown, as filtered ({n(counts.shown)})</option>}
              {counts && <option value="all">All read ({n(counts.all)})</option>}
              <option value="range">A range of the topic</option>
            </select>
          </label>
          {scope === 'range' && (
            <div className="copy-dialog__grid">
              <label className="field">
                <span>Partition</span>
                <input aria-label="Partition" value={partition} onChange={(e) => setPartition(e.target.value.replace(/[^\dal]/g, '') || 'all')} size={5} />
              </label>
              <label className="field">
                <span>From</span>
                <select aria-label="From" value={from} onChange={(e) => setFrom(e.target.value as From)}>
                  <option value="beginning">the beginning</option>
                  <option value="offset">an offset</option>
                  <option value="timestamp">a time</option>
                </select>
              </label>
              {from === 'offset' && (
                <label className="field">
                  <span>Offset</span>
                  <input aria-label="From offset" value={fromOffset} onChange={(e) => setFromOffset(e.target.value.replace(/\D/g, ''))} size={10} />
                </label>
              )}
              {from === 'timestamp' && (
                <label className="field">
                  <span>Time</span>
                  <DateTimeInput label="From time" value={fromTime} onChange={setFromTime} />
                </label>
              )}
              <label className="field">
                <span>Until offset (excl.)</span>
                <input aria-label="Until offset" placeholder="the end" value={untilOffset} onChange={(e) => setUntilOffset(e.target.value.replace(/\D/g, ''))} size={10} />
              </label>
              <label className="field">
                <span>At most</span>
                <input aria-label="At most" placeholder="all" value={limit} onChange={(e) => setLimit(e.target.value.replace(/\D/g, ''))} size={8} />
              </label>
            </div>
          )}
        </fieldset>

        <fieldset>
          <legend>To</legend>
          <div className="copy-dialog__grid">
            <label className="field">
              <span>Connection</span>
              <select aria-label="Target connection" value={targetConnection} onChange={(e) => setTargetConnection(e.target.value)}>
                {clusters.map((c) => (
                  <option key={c.connectionId} value={c.connectionId} disabled={c.readOnly}>
                    {c.name}
                    {c.connectionId === connectionId ? ' (this one)' : ''}
                    {c.readOnly ? ' (read-only)' : ''}
                  </option>
                ))}
              </select>
            </label>
            <label className="field copy-dialog__topic">
              <span>Topic{redrive ? ' (when the header is missing)' : ''}</span>
              <input aria-label="Target topic" list="copy-target-topics" value={targetTopic} onChange={(e) => setTargetTopic(e.target.value)} placeholder="topic name" />
              <datalist id="copy-target-topics">
                {(targetTopics.data ?? [])
                  .filter((t) => !t.internal)
                  .map((t) => (
                    <option key={t.name} value={t.name} />
                  ))}
              </datalist>
            </label>
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={redrive} onChange={(e) => setRedrive(e.target.checked)} />
            <span>Dead-letter redrive: send each message to the topic a header names</span>
          </label>
          {redrive && (
            <div className="copy-dialog__grid">
              <label className="field">
                <span>Topic header</span>
                <input aria-label="Topic header" value={topicHeader} onChange={(e) => setTopicHeader(e.target.value)} />
              </label>
              <label className="checkbox" title="Each copy carries this header (where it came from); a message that already carries it was redriven before and is skipped">
                <input type="checkbox" checked={mark} onChange={(e) => setMark(e.target.checked)} />
                <span>Mark with</span>
              </label>
              <input aria-label="Marker header" value={marker} onChange={(e) => setMarker(e.target.value)} disabled={!mark} />
            </div>
          )}
        </fieldset>

        <fieldset>
          <legend>Keep</legend>
          <div className="copy-dialog__grid">
            <label className="checkbox">
              <input type="checkbox" checked={options.keepKey} onChange={(e) => keep('keepKey', e.target.checked)} />
              <span>Key</span>
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={options.keepHeaders} onChange={(e) => keep('keepHeaders', e.target.checked)} />
              <span>Headers</span>
            </label>
            <label className="field">
              <span>Timestamp</span>
              <select aria-label="Timestamp" value={options.timestamp} onChange={(e) => keep('timestamp', e.target.value as CopyOptions['timestamp'])}>
                <option value="original">original</option>
                <option value="now">now</option>
              </select>
            </label>
            <label className="field">
              <span>Partition</span>
              <select aria-label="Target partition" value={options.partitioning} onChange={(e) => keep('partitioning', e.target.value as CopyOptions['partitioning'])}>
                <option value="same">same number</option>
                <option value="key">by key (murmur2)</option>
                <option value="round-robin">round-robin</option>
              </select>
            </label>
          </div>
          <HeaderRewritesEditor value={rewrites} onChange={setRewrites} />
        </fieldset>

        {preview && <CopyPreviewTable preview={preview} />}
        <CopyRunStatus progress={progress} summary={summary} running={busy === 'copy'} />
        <ErrorMessage error={error} title={busy === 'preview' ? 'Could not preview' : 'Could not copy'} />
      </div>
      <div className="copy-dialog__foot">
        {noTarget && <span className="text-muted">Choose a target topic.</span>}
        {empty && <span className="text-muted">No messages in this choice.</span>}
        <button type="button" className="button" disabled={busy !== null || noTarget || empty} onClick={() => void runPreview()}>
          Preview
        </button>
        {busy === 'copy' ? (
          <button type="button" className="button danger" onClick={() => controller.current?.abort()}>
            Cancel copy
          </button>
        ) : (
          <button type="button" className="button primary" disabled={busy !== null || noTarget || empty} onClick={() => void runCopy()}>
            {sourceCount === null ? 'Copy' : `Copy ${n(sourceCount)} message${sourceCount === 1 ? '' : 's'}`}
          </button>
        )}
      </div>
    </dialog>
  );
}
