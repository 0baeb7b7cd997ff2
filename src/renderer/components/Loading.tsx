/** A quiet inline loading marker (never a blocking overlay). */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="loading__dot" />
      {label}
    </div>
  );
}
