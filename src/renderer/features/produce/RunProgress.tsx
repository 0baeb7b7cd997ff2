import type { BurstSummary, ProduceProgress } from '../../../shared/api';
import { ErrorMessage } from '../../components/ErrorMessage';

const n = (x: number) => x.toLocaleString('en');

/** Progress bar with live rate while running; then the summary: sent, failed with reasons, per partition. */
export function RunProgress({ running, progress, summary, error, onCancel }: { running: boolean; progress: ProduceProgress | undefined; summary: BurstSummary | null; error: unknown; onCancel(): void }) {
  return (
    <div className="run-progress" aria-live="polite">
      {running && (
        <div className="run-progress__live">
          <progress max={progress?.total ?? 1} value={(progress?.sent ?? 0) + (progress?.failed ?? 0)} aria-label="Sending progress" />
          <span data-testid="run-progress-text">
            {progress ? `${n(progress.sent)} of ${n(progress.total)} sent · ${n(progress.ratePerSecond)} msg/s${progress.failed ? ` · ${n(progress.failed)} failed` : ''}` : 'Starting…'}
          </span>
          <button type="button" className="button small" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
      {summary && (
        <div className="run-summary" data-testid="run-summary">
          <div>
            <strong>{n(summary.sent)}</strong> sent{summary.failed > 0 && <>, <strong className="bad">{n(summary.failed)}</strong> failed</>} in {(summary.elapsedMs / 1000).toFixed(1)} s
            {summary.cancelled && ' (cancelled)'}
            {summary.elapsedMs > 0 && ` · ${n(Math.round((summary.sent * 1000) / summary.elapsedMs))} msg/s`}
          </div>
          {summary.perPartition.length > 0 && (
            <div className="run-summary__partitions">
              {summary.perPartition.map((p) => (
                <span key={p.partition} className="badge muted">
                  p{p.partition}: {n(p.count)}
                </span>
              ))}
            </div>
          )}
          {summary.errors.map((e) => (
            <div key={e.reason} className="run-summary__error">
              {n(e.count)} × {e.reason}
            </div>
          ))}
        </div>
      )}
      <ErrorMessage error={error} title="Could not send" />
    </div>
  );
}
