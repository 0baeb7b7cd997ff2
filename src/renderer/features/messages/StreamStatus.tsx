import { useCurrentMessageStream } from './message-stream-store';

const n = (x: number) => x.toLocaleString('en');

/**
 * Where the current read or tail stands: scanned of the range and matched, per partition, with
 * Cancel while reading; Pause/Resume/Stop while tailing; Clear; dropped messages.
 */
export function StreamStatus({ onCancel, onPause, onResume }: { onCancel(): void; onPause(): void; onResume(): void }) {
  const useMessageStream = useCurrentMessageStream().store;
  const mode = useMessageStream((s) => s.mode);
  const progress = useMessageStream((s) => s.progress);
  const kept = useMessageStream((s) => s.kept);
  const dropped = useMessageStream((s) => s.dropped);
  const summary = useMessageStream((s) => s.summary);
  const parts = progress?.partitions ?? [];
  const total = parts.reduce((sum, p) => sum + Math.max(0, Number(p.end) - Number(p.from)), 0);
  return (
    <div className="messages-status" aria-live="polite">
      {mode === 'reading' && (
        <>
          <progress max={Math.max(1, total)} value={progress?.scanned ?? 0} aria-label="Reading progress" />
          <span data-testid="read-progress">
            {progress ? `${n(progress.scanned)} of ${n(total)} scanned · ${n(progress.matched)} matched` : 'Starting…'}
          </span>
          <button type="button" className="button small" onClick={onCancel}>
            Cancel
          </button>
        </>
      )}
      {mode === 'tailing' && (
        <>
          {progress?.waiting ? (
            <span className="badge warn" data-testid="tail-state" data-waiting title={progress.waiting}>
              Waiting for the cluster…
            </span>
          ) : (
            <span className="badge live" data-testid="tail-state">
              ● Live
            </span>
          )}
          <button type="button" className="button small" onClick={onPause}>
            Pause
          </button>
          <button type="button" className="button small ghost" onClick={onCancel}>
            Stop
          </button>
        </>
      )}
      {mode === 'paused' && (
        <>
          <span className="badge" data-testid="tail-state">
            Paused
          </span>
          <button type="button" className="button small primary" onClick={onResume}>
            Resume
          </button>
          <button type="button" className="button small ghost" onClick={onCancel}>
            Stop
          </button>
        </>
      )}
      <span className="summary-line" data-testid="messages-summary">
        {n(kept)} messages
        {progress && mode !== 'reading' && ` · scanned ${n(progress.scanned)}, matched ${n(progress.matched)}`}
        {summary?.limitReached && ' · limit reached'}
        {summary?.cancelled && mode === 'idle' && !summary.limitReached && ' · stopped'}
      </span>
      {progress?.gaps && progress.gaps.length > 0 && (
        <span
          className="badge warn"
          data-testid="tail-gaps"
          title={progress.gaps.map((g) => `partition ${g.partition}: offsets ${g.from}–${BigInt(g.to) - 1n} were deleted before they could be shown`).join('\n')}
        >
          {n(progress.gaps.reduce((sum, g) => sum + Number(BigInt(g.to) - BigInt(g.from)), 0))} messages missed (deleted by retention)
        </span>
      )}
      {dropped > 0 && (
        <span className="badge warn" data-testid="dropped">
          {n(dropped)} older messages dropped
        </span>
      )}
      {/* Per partition while reading, or when one failed; after a read the summary says it all, in one line. */}
      {parts.length > 0 && parts.length <= 24 && (mode === 'reading' || parts.some((p) => p.error)) && (
        <span className="messages-status__partitions" data-testid="partition-progress">
          {parts.map((p) => (
            <span
              key={p.partition}
              className={`badge ${p.error ? 'bad' : 'muted'}`}
              data-partition-error={p.error ? p.partition : undefined}
              title={`partition ${p.partition}: ${p.unstarted ? 'not started yet' : `offsets ${p.from}–${p.end}, at ${p.position}`}${p.error ? ` — ${p.error}` : ''}`}
            >
              p{p.partition} {n(p.scanned)}/{n(Math.max(0, Number(p.end) - Number(p.from)))} · {n(p.matched)}
              {p.error && ' ⚠'}
            </span>
          ))}
        </span>
      )}
      <button type="button" className="button small ghost" disabled={kept === 0} onClick={() => useMessageStream.getState().clear()}>
        Clear
      </button>
    </div>
  );
}
