import { useRef, useState } from 'react';
import type { ExportFormat, ExportResult, MessageView } from '../../../shared/api';
import { toOffsetRuns } from '../../../shared/messages/offset-runs';
import { useApi } from '../../api/ApiProvider';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useConnectionId } from '../../state/session-store';

type Scope = 'all' | 'shown' | 'selected';

const n = (x: number) => x.toLocaleString('en');
const EXTENSION: Record<ExportFormat, string> = { ndjson: 'ndjson', json: 'json', csv: 'csv' };

/** A file name for `topic` now, e.g. orders-2026-12-01T23-50-00-000Z.ndjson. */
export function exportFileName(topic: string, format: ExportFormat | string, now = new Date()): string {
  return `${topic}-${now.toISOString().replace(/[:.]/g, '-')}.${EXTENSION[format as ExportFormat] ?? format}`;
}

/**
 * Exports what was read (all kept, those shown by the quick filter, or the selected rows). Only
 * their partitions and offsets leave the window: main reads the messages again and writes them
 * whole to a file (a save dialog in Electron, the export folder in browser mode), never the
 * previews the table holds. The file lists them by partition, then offset.
 */
export function ExportMenu({ topic, all, shown, selected }: { topic: string; all(): MessageView[]; shown(): MessageView[]; selected(): MessageView[] }) {
  const api = useApi();
  const connectionId = useConnectionId();
  const [format, setFormat] = useState<ExportFormat>('ndjson');
  const [decoded, setDecoded] = useState(true);
  // Only worth asking when something read was decoded with a schema.
  const anyDecoded = all().some((m) => m.value?.schema || m.key?.schema);
  const [scope, setScope] = useState<Scope>('all');
  const [running, setRunning] = useState<number | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);

  const run = async () => {
    const messages = scope === 'all' ? all() : scope === 'shown' ? shown() : selected();
    const ctl = (controller.current = new AbortController());
    setRunning(messages.length);
    setResult(null);
    setError(null);
    try {
      const runId = `export-${Date.now().toString(36)}`;
      setResult(await api.call('messages.export', { connectionId, topic, runId, format, fileName: exportFileName(topic, format), selection: toOffsetRuns(messages), decoded: anyDecoded && decoded }, { signal: ctl.signal }));
    } catch (e) {
      if (!ctl.signal.aborted) setError(e);
    } finally {
      setRunning(null);
    }
  };

  return (
    <div className="messages-export" role="group" aria-label="Export">
      <select aria-label="Export scope" value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
        <option value="all">All read</option>
        <option value="shown">Shown (quick filter)</option>
        <option value="selected">Selected rows</option>
      </select>
      <select aria-label="Export format" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
        <option value="ndjson">NDJSON</option>
        <option value="json">JSON</option>
        <option value="csv">CSV</option>
      </select>
      {anyDecoded && (
        <label className="checkbox" title="Schema-encoded keys and values as their decoded JSON, with the schema named; unchecked: their bytes, which the Produce page's import writes back exactly">
          <input type="checkbox" checked={decoded} onChange={(e) => setDecoded(e.target.checked)} />
          <span>decoded</span>
        </label>
      )}
      {running !== null ? (
        <>
          <progress aria-label="Export progress" />
          <span className="muted">Exporting {n(running)} messages…</span>
          <button type="button" className="button small" onClick={() => controller.current?.abort()}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" className="button small" onClick={() => void run()}>
          Export
        </button>
      )}
      {result?.path && (
        <span className="muted" role="status" data-testid="export-result" title={result.path}>
          {n(result.messages)} messages, {n(result.bytes)} B saved to <span className="mono">{result.path}</span>
          {result.missing > 0 && ` · ${n(result.missing)} no longer on the broker`}
        </span>
      )}
      <ErrorMessage error={error} title="Could not export" />
    </div>
  );
}
