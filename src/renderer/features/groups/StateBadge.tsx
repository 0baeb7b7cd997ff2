/** Classic states, and the KIP-848 / KIP-932 ones (Assigning, Reconciling, NotReady for streams groups). */
const TONE: Record<string, string> = { Stable: 'good', Empty: 'muted', PreparingRebalance: 'warn', CompletingRebalance: 'warn', Assigning: 'warn', Reconciling: 'warn', NotReady: 'warn', Dead: 'bad' };

export function StateBadge({ state, note }: { state: string; note?: string | null }) {
  return (
    <span title={note ?? undefined}>
      <span className={`badge ${TONE[state] ?? 'muted'}`} style={{ marginLeft: 0 }}>
        {state}
      </span>
      {note && <span className="text-warn"> ⚠</span>}
    </span>
  );
}
