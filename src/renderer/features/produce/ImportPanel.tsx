import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { BurstSummary, ImportSchemas } from '../../../shared/api';
import { choiceLabel } from '../../../shared/schemas/schema-choice';
import { useApi } from '../../api/ApiProvider';
import { ErrorMessage } from '../../components/ErrorMessage';
import { RunProgress } from './RunProgress';
import type { useRun } from './use-run';

type Format = 'ndjson' | 'lines';
/** What NDJSON lines keep from the file (the produce.import request's `keep`). */
export interface ImportKeep {
  partition: boolean;
  timestamp: boolean;
}

interface Chosen {
  /** Tells one choice from the next (the content is too big for a query key). */
  id: number;
  name: string;
  content: string;
}

/**
 * Import a file: choosing it shows what it holds (messages, the first line the import would
 * refuse, checked by main's own import code, and a few lines as they are) and sends nothing;
 * Send sends it. Changing the format, what to keep or the topic checks it again.
 */
export function ImportPanel({
  connectionId,
  topic,
  run,
  canChoose,
  disabled,
  runError,
  schemas,
  onSend,
}: {
  connectionId: string;
  /** An existing topic, or null: a file is checked against its partitions. */
  topic: string | null;
  run: ReturnType<typeof useRun>;
  canChoose: boolean;
  /** Sending is blocked (read-only, no topic). */
  disabled: boolean;
  /** The run's error to show (the page shows a missing topic itself). */
  runError: unknown;
  /** The schemas chosen in the Key and Value editors (Schema format), which lines may be encoded with; null: none. */
  schemas: ImportSchemas | null;
  /** The send of a file's content, for the run to start (it passes the run id and its abort signal). */
  onSend(format: Format, content: string, keep: ImportKeep, schemas: ImportSchemas | undefined): (runId: string, signal: AbortSignal) => Promise<BurstSummary>;
}) {
  const [format, setFormat] = useState<Format>('ndjson');
  // What NDJSON lines keep from the file: their partition (as before), and on request their timestamp.
  const [keep, setKeep] = useState<ImportKeep>({ partition: true, timestamp: false });
  const [chosen, setChosen] = useState<Chosen | null>(null);
  // Encode each line with the schemas chosen above (on by default when there are any).
  const [encode, setEncode] = useState(true);
  const using = encode && schemas ? schemas : undefined;
  const [readError, setReadError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const api = useApi();
  const checked = useQuery({
    queryKey: ['cluster', connectionId, 'produce', 'import-preview', topic, format, keep, using ?? null, chosen?.id],
    queryFn: ({ signal }) => api.call('produce.importPreview', { connectionId, topic: topic!, format, content: chosen!.content, keep, ...(using ? { schemas: using } : {}) }, { signal }),
    enabled: chosen !== null && topic !== null,
    gcTime: 0,
    retry: false,
  });
  const preview = chosen && checked.data ? checked.data : null;

  const choose = async (file: File | undefined) => {
    if (input.current) input.current.value = ''; // choosing the same file again still shows it
    if (!file) return;
    setReadError(null);
    try {
      const content = await file.text();
      setChosen((c) => ({ id: (c?.id ?? 0) + 1, name: file.name, content }));
    } catch (error) {
      setChosen(null);
      setReadError(`Could not read ${file.name}: ${(error as Error).message}`);
    }
  };
  const send = () => {
    if (!chosen) return;
    const content = chosen.content;
    setChosen(null);
    void run.start(onSend(format, content, keep, using));
  };

  return (
    <section className="produce-section" aria-label="Import a file">
      <h2>Import a file</h2>
      <div className="form-row">
        <label className="field">
          <span>Format</span>
          <select aria-label="File format" value={format} onChange={(e) => setFormat(e.target.value as Format)}>
            <option value="ndjson">NDJSON: {'{"key", "value", "headers", "partition"}'} per line</option>
            <option value="lines">Plain lines: one value per line</option>
          </select>
        </label>
        {format === 'ndjson' && (
          <>
            <label className="checkbox" title="Send each line to the partition it names (else its key picks one)">
              <input type="checkbox" checked={keep.partition} onChange={(e) => setKeep({ ...keep, partition: e.target.checked })} /> Keep partitions
            </label>
            <label className="checkbox" title="Send each line with its timestamp as create time (else now)">
              <input type="checkbox" checked={keep.timestamp} onChange={(e) => setKeep({ ...keep, timestamp: e.target.checked })} /> Keep timestamps
            </label>
          </>
        )}
        {schemas && (
          <label className="checkbox" title="Each line's value (NDJSON: and key) is JSON encoded with the schema chosen above: a registry subject in Confluent wire format, a local type as plain bytes">
            <input type="checkbox" checked={encode} onChange={(e) => setEncode(e.target.checked)} /> Encode with {[schemas.key && `key: ${choiceLabel(schemas.key)}`, schemas.value && `value: ${choiceLabel(schemas.value)}`].filter(Boolean).join(', ')}
          </label>
        )}
        <button type="button" className="button" disabled={!canChoose || run.running} onClick={() => input.current?.click()}>
          Choose file…
        </button>
        <input ref={input} type="file" aria-label="File to import" accept=".ndjson,.jsonl,.json,.txt,text/plain" disabled={!canChoose || run.running} onChange={(e) => void choose(e.target.files?.[0])} hidden />
      </div>
      {readError && <div className="field-problem">{readError}</div>}
      {chosen && checked.isFetching && !preview && <div className="muted">Checking {chosen.name}…</div>}
      {chosen && <ErrorMessage error={checked.error} title={`Could not check ${chosen.name}`} />}
      {chosen && preview && (
        <div className="import-preview" role="region" aria-label="File preview" data-testid="import-preview">
          <div>
            <strong>{chosen.name}</strong>: {preview.total.toLocaleString('en')} {preview.total === 1 ? 'message' : 'messages'}
            {preview.invalid > 0 && (
              <>
                , <strong className="bad">{preview.invalid.toLocaleString('en')}</strong> {preview.invalid === 1 ? 'line' : 'lines'} will fail
              </>
            )}
          </div>
          {preview.firstInvalid && (
            <div className="field-problem" data-testid="import-first-invalid">
              First invalid line: {preview.firstInvalid.reason}
            </div>
          )}
          {preview.sample.length > 0 && (
            <pre className="import-preview__sample" aria-label="First lines">
              {preview.sample.map((s) => `${s.line}: ${s.text}`).join('\n')}
            </pre>
          )}
          <div className="actions">
            <button type="button" className="button primary" disabled={disabled || preview.total === preview.invalid} onClick={send}>
              {sendLabel(preview.total, preview.invalid)}
            </button>
            <button type="button" className="button" onClick={() => setChosen(null)}>
              Discard
            </button>
          </div>
        </div>
      )}
      <RunProgress running={run.running} progress={run.progress} summary={run.summary} error={runError} onCancel={run.cancel} />
    </section>
  );
}

function sendLabel(total: number, invalid: number): string {
  const n = (x: number, one: string, many: string) => `${x.toLocaleString('en')} ${x === 1 ? one : many}`;
  return invalid === 0 ? `Send ${n(total, 'message', 'messages')}` : `Send the ${n(total - invalid, 'valid line', 'valid lines')}`;
}
