import { useState } from 'react';
import { useApi } from '../../api/ApiProvider';
import { updateSettings, useSettings } from '../../state/settings-store';
import { notificationPermission } from './group-alerts';

/**
 * "Notify me when lag exceeds N": the group's threshold, kept in the settings by main, which
 * checks it at every lag sample (and tells verdict changes of a watched group too).
 */
export function LagAlertSetting({ groupId }: { groupId: string }) {
  const api = useApi();
  const { lagAlerts } = useSettings();
  const current = lagAlerts[groupId];
  const [draft, setDraft] = useState(current === undefined ? '' : String(current));
  const [allowed, setAllowed] = useState(() => notificationPermission(api.mode));
  const [error, setError] = useState<string | null>(null);
  const value = draft.trim() === '' ? null : Number(draft);
  const invalid = value !== null && (!Number.isInteger(value) || value < 0);

  const save = async () => {
    setError(null);
    // Asked from this click (a user gesture), as browsers require.
    if (value !== null && allowed === 'default') setAllowed(await Notification.requestPermission());
    const next = { ...lagAlerts };
    if (value === null) delete next[groupId];
    else next[groupId] = value;
    await updateSettings(api, { lagAlerts: next }).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };

  return (
    <form
      className="lag-alert"
      aria-label="Lag notification"
      onSubmit={(e) => {
        e.preventDefault();
        if (!invalid) void save();
      }}
    >
      <label>
        Notify me when lag exceeds{' '}
        <input type="number" min={0} step={1} value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="off" aria-label="Lag threshold (messages)" data-testid="lag-threshold" />
      </label>{' '}
      <button type="submit" disabled={invalid || value === (current ?? null)}>
        {value === null && current !== undefined ? 'Stop watching' : 'Watch'}
      </button>{' '}
      <span className="text-muted" data-testid="lag-alert-state">
        {current !== undefined ? `Watching: over ${current.toLocaleString('en')} messages, and verdict changes, while the app is open.` : 'Not watched.'}
        {current !== undefined && allowed === 'denied' && ' Notifications are blocked for this app: allow them to see alerts.'}
        {allowed === 'unsupported' && ' This browser has no notifications.'}
      </span>
      {error && <span className="text-bad"> {error}</span>}
    </form>
  );
}
