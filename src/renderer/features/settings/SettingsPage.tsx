import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { DateFormatSetting, RefreshEvery, Settings, ThemeSetting, TimeZoneSetting } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, zoneLabel } from '../../lib/date-format';
import { useResolvedTheme } from '../../lib/theme';
import { REFRESH_CHOICES, useAutoRefreshStore } from '../../state/auto-refresh-store';
import { updateSettings, useSettings } from '../../state/settings-store';
import { ChoiceGroup } from './ChoiceGroup';
import './settings.css';

const THEMES: { value: ThemeSetting; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

const FORMATS: { value: DateFormatSetting; label: string }[] = [
  { value: 'seconds', label: 'Date and time' },
  { value: 'millis', label: 'With milliseconds' },
  { value: 'iso8601', label: 'ISO 8601 with offset' },
];

function Row({ label, help, children }: { label: string; help?: ReactNode; children: ReactNode }) {
  return (
    <div className="settings-row">
      <span className="settings-row__label">{label}</span>
      <div>{children}</div>
      {help && <div className="settings-row__help">{help}</div>}
    </div>
  );
}

/** The app's settings: kept by main in settings.json, applied at once in this window. */
export function SettingsPage() {
  const api = useApi();
  const settings = useSettings();
  const shown = useResolvedTheme();
  const overrides = useAutoRefreshStore((s) => Object.keys(s.every).length);
  const clearOverrides = useAutoRefreshStore((s) => s.clear);
  const info = useQuery({ queryKey: ['app', 'info'], queryFn: () => api.call('app.info', {}), staleTime: Infinity });
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // One instant for every example, so the formats are easy to compare.
  const [now] = useState(() => Date.now());

  const change = (changes: Partial<Settings>) => {
    setError(null);
    updateSettings(api, changes).then(
      () => setSaved('Saved.'),
      (e: unknown) => setError(e),
    );
  };

  return (
    <div className="page">
      <PageHeader title="Settings" subtitle="For every connection and window; applied at once" />
      <div className="settings" data-testid="settings">
        <fieldset className="settings-section">
          <legend>Appearance</legend>
          <Row label="Theme" help={settings.theme === 'system' ? `Follows the system: ${shown} now.` : undefined}>
            <ChoiceGroup label="Theme" name="theme" value={settings.theme} choices={THEMES} onChange={(theme) => change({ theme })} />
          </Row>
        </fieldset>

        <fieldset className="settings-section">
          <legend>Dates and times</legend>
          <Row label="Time zone" help="Message times, “updated” clocks and the date inputs (message filters, offset resets, produce) all use it.">
            <ChoiceGroup<TimeZoneSetting>
              label="Time zone"
              name="time-zone"
              value={settings.timeZone}
              choices={[
                { value: 'local', label: `Local (${zoneLabel('local')})` },
                { value: 'utc', label: 'UTC' },
              ]}
              onChange={(timeZone) => change({ timeZone })}
            />
          </Row>
          <Row label="Format" help={<>Example: <span className="mono" data-testid="date-example">{formatDateTime(now, settings)}</span></>}>
            <select aria-label="Date format" value={settings.dateFormat} onChange={(e) => change({ dateFormat: e.target.value as DateFormatSetting })}>
              {FORMATS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}: {formatDateTime(now, { timeZone: settings.timeZone, dateFormat: f.value })}
                </option>
              ))}
            </select>
          </Row>
        </fieldset>

        <fieldset className="settings-section">
          <legend>Refreshing</legend>
          <Row
            label="Auto-refresh"
            help={
              <>
                The default for every list (brokers, topics, consumer groups, schemas, ACLs, the overview). Each page has one Refresh button and can pick its own interval.
                {overrides > 0 && (
                  <>
                    {' '}
                    {overrides} {overrides === 1 ? 'page has' : 'pages have'} their own choice.{' '}
                    <button type="button" className="button small" onClick={clearOverrides}>
                      Use the default everywhere
                    </button>
                  </>
                )}
              </>
            }
          >
            <select aria-label="Default auto-refresh" value={settings.autoRefresh} onChange={(e) => change({ autoRefresh: e.target.value as RefreshEvery })}>
              {REFRESH_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </Row>
        </fieldset>

        <fieldset className="settings-section">
          <legend>Storage</legend>
          <Row label="Kept in" help="settings.json sits next to the connection profiles (profiles.json).">
            <span className="mono" data-testid="user-data-dir">
              {info.data?.userDataDir ?? '…'}
            </span>
          </Row>
        </fieldset>
        <div className="settings-status" role="status">
          {saved}
        </div>
        <ErrorMessage error={error} title="Could not save the settings" />
      </div>
    </div>
  );
}
