/** Classic states, and the KIP-848 / KIP-932 ones (Assigning, Reconciling, NotReady for streams groups). */
const TONE: Record<string, string> = { Stable: 'good', Empty: 'muted', PreparingRebalance: 'warn', CompletingRebalance: 'warn', Assigning: 'warn', Reconciling: 'warn', NotReady: 'warn', Dead: 'bad' };

/** The state as a badge; a note (why the state cannot be trusted) adds a ⚠ and a tooltip. One element without a note: thousands of rows. */
export function StateBadge({ state, note }: { state: string; note?: string | null }) {
  const badge = (
    <span className={`badge ${TONE[state] ?? 'muted'}`} style={{ marginLeft: 0 }}>
      {state}
    </span>
  );
  if (!note) return badge;
  return (
    <span title={note}>
      {badge}
      <span className="text-warn"> ⚠</span>
    </span>
  );
}
