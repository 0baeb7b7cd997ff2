const TONE: Record<string, string> = { Stable: 'good', Empty: 'muted', PreparingRebalance: 'warn', CompletingRebalance: 'warn', Dead: 'bad' };

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
