import { useEffect, useState } from 'react';
import { REFRESH_CHOICES, type RefreshEvery } from '../state/auto-refresh-store';
import { useAutoRefresh } from './use-auto-refresh';
import { useDateFormat } from '../lib/use-date-format';


/**
 * A page's refresh controls, the one Refresh of the page (the connection bar has none): a
 * Refresh button for everything the page shows, the auto-refresh choice (remembered per view;
 * the default is in Settings) and when the data was last loaded. The view's queries read the same
 * setting through useAutoRefresh(viewId).
 */
export function AutoRefresh({ viewId, onRefresh, refreshing, updatedAt }: { viewId: string; onRefresh: () => unknown; refreshing: boolean; updatedAt: number }) {
  const { every, setEvery } = useAutoRefresh(viewId);
  const dates = useDateFormat();
  // Keep the button busy at least briefly, so a quick refresh is still visibly a refresh.
  const [pressed, setPressed] = useState(false);
  useEffect(() => {
    if (!pressed) return;
    const t = setTimeout(() => setPressed(false), 400);
    return () => clearTimeout(t);
  }, [pressed]);
  const busy = refreshing || pressed;
  return (
    <div className="auto-refresh" data-testid={`auto-refresh-${viewId}`}>
      <span className="auto-refresh__updated" title="When this view last loaded">
        updated {updatedAt > 0 ? dates.time(updatedAt) : '—'}
      </span>
      <label className="auto-refresh__every">
        <span>Auto-refresh</span>
        <select aria-label="Auto-refresh" value={every} onChange={(e) => setEvery(e.target.value as RefreshEvery)}>
          {REFRESH_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button small"
        disabled={busy}
        onClick={() => {
          setPressed(true);
          void onRefresh();
        }}
      >
        {busy ? 'Refreshing…' : 'Refresh'}
      </button>
    </div>
  );
}
