import { readableTrace } from './trace';

/** A failure as a reader needs it: the root cause first, where it broke, and the whole trace folded. */
export function TaskTrace({ trace, label }: { trace: string; label: string }) {
  const r = readableTrace(trace);
  return (
    <div className="connect-trace" data-testid="connect-trace">
      <p className="connect-trace__cause">
        <span className="text-bad">Cause: </span>
        {r.cause}
      </p>
      {r.summary && <p className="connect-trace__summary text-muted">Reported as: {r.summary}</p>}
      {r.at && <p className="connect-trace__at text-muted">at {r.at}</p>}
      <details>
        <summary>Full stack trace of {label}</summary>
        <pre className="connect-trace__full">{r.full}</pre>
      </details>
    </div>
  );
}
