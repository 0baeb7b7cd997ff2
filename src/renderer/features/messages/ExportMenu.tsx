import { useRef, useState } from 'react';
import type { MessageView } from '../../../shared/api';
import { buildExport, type ExportFormat } from './export';

type Scope = 'all' | 'shown' | 'selected';

/** Exports what was read (all kept, those shown by the quick filter, or the selected rows) as a download. */
export function ExportMenu({ topic, all, shown, selected }: { topic: string; all(): MessageView[]; shown(): MessageView[]; selected(): MessageView[] }) {
  const [format, setFormat] = useState<ExportFormat>('ndjson');
  const [scope, setScope] = useState<Scope>('all');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const controller = useRef<AbortController | null>(null);

  const run = async () => {
    const messages = scope === 'all' ? all() : scope === 'shown' ? shown() : selected();
    controller.current = new AbortController();
    setProgress({ done: 0, total: messages.length });
    try {
      const blob = await buildExport(messages, format, (done) => setProgress({ done, total: messages.length }), controller.current.signal);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${topic}-${new Date().toISOString().replace(/[:.]/g, '-')}.${format === 'ndjson' ? 'ndjson' : format}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      /* cancelled */
    } finally {
      setProgress(null);
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
      {progress ? (
        <>
          <progress max={Math.max(1, progress.total)} value={progress.done} aria-label="Export progress" />
          <button type="button" className="button small" onClick={() => controller.current?.abort()}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" className="button small" onClick={() => void run()}>
          Export
        </button>
      )}
    </div>
  );
}
