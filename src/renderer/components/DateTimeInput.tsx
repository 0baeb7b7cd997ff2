import { useDateFormat } from '../lib/use-date-format';

/**
 * A date and time typed as the app shows them ("2026-12-02 14:03:05", in the zone chosen in
 * Settings), rather than the browser's datetime-local, whose display follows the OS locale
 * (12/02/2026, 02:03:05 PM) whatever the app's format. Empty means "not set".
 */
export function DateTimeInput({ label, value, onChange, className }: { label: string; value: string; onChange(value: string): void; className?: string }) {
  const dates = useDateFormat();
  const invalid = value.trim() !== '' && !Number.isFinite(dates.fromInput(value));
  return (
    <input
      type="text"
      className={className}
      aria-label={label}
      aria-invalid={invalid}
      spellCheck={false}
      placeholder="YYYY-MM-DD HH:MM:SS"
      title={invalid ? `Not a date and time: type it as 2026-12-02 14:03:05 (${dates.zone})` : `In ${dates.zone} (Settings)`}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
