import type { CopyProgress, CopySummary } from '../../../shared/api';

const n = (x: number) => x.toLocaleString('en');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB/s`;

/** While a copy runs: how far, how fast; then what was sent, skipped, failed (with reasons) and the offsets written. */
export function CopyRunStatus({ progress, summary, running }: { progress: CopyProgress | undefined; summary: CopySummary | null; running: boolean }) {
  if (!running && !summary) return null;
  return (
    <div className="copy-status" aria-live="polite">
      {running && (
        <div className="copy-status__live">
          <progress max={Math.max(1, progress?.total ?? 1)} value={progress?.scanned ?? 0} aria-label="Copy progress" />
          <span data-testid="copy-progress-text">
            {progress ? `${n(progress.sent)} sent of ${n(progress.total)} · ${n(progress.ratePerSecond)} msg/s · ${mb(progress.bytesPerSecond)}${progress.failed ? ` · ${n(progress.failed)} failed` : ''}` : 'Starting…'}
          </span>
        </div>
      )}
      {summary && (
        <div className="copy-status__summary" data-testid="copy-summary">
          <div>
            <strong>{n(summary.sent)}</strong> sent
            {summary.skipped > 0 && (
              <>
                , <strong>{n(summary.skipped)}</strong> skipped
              </>
            )}
            {summary.failed > 0 && (
              <>
                , <strong className="bad">{n(summary.failed)}</strong> failed
              </>
            )}{' '}
            in {(summary.elapsedMs / 1000).toFixed(1)} s · {n(summary.ratePerSecond)} msg/s{summary.cancelled && ' (cancelled: what was sent stays)'}
          </div>
          {summary.errors.map((e) => (
            <div key={e.reason} className="copy-status__error">
              {n(e.count)} failed: {e.reason}
            </div>
          ))}
          {summary.skips.map((s) => (
            <div key={s.reason} className="text-muted">
              {n(s.count)} skipped: {s.reason}
            </div>
          ))}
          {summary.written.length > 0 && (
            <div className="copy-status__written">
              Written:{' '}
              {summary.written.map((w) => (
                <span key={`${w.topic}/${w.partition}`} className="badge muted mono">
                  {w.topic}/{w.partition} @ {w.first === w.last ? w.first : `${w.first}–${w.last}`}
                </span>
              ))}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
