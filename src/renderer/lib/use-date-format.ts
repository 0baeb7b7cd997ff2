import { useMemo } from 'react';
import { useSettingsStore } from '../state/settings-store';
import { formatDateTime, formatTimeOfDay, fromDateInput, toDateInput, zoneLabel, type DateOptions } from './date-format';

export interface DateFormatter {
  options: DateOptions;
  /** "2026-12-02 14:03:05" in the chosen zone and format. */
  dateTime(ms: number): string;
  /** "14:03:05". */
  time(ms: number): string;
  /** A date input's text for an instant ("2026-12-02 14:03:05"), and back (NaN when empty or invalid). */
  toInput(ms: number): string;
  fromInput(value: string): number;
  /** "UTC" or the local zone's name, for date input labels. */
  zone: string;
}

/** The app's one date format, as chosen in Settings; components re-render when it changes. */
export function useDateFormat(): DateFormatter {
  const timeZone = useSettingsStore((s) => s.settings.timeZone);
  const dateFormat = useSettingsStore((s) => s.settings.dateFormat);
  return useMemo(() => {
    const options = { timeZone, dateFormat };
    return {
      options,
      dateTime: (ms) => formatDateTime(ms, options),
      time: (ms) => formatTimeOfDay(ms, options),
      toInput: (ms) => toDateInput(ms, timeZone),
      fromInput: (value) => fromDateInput(value, timeZone),
      zone: zoneLabel(timeZone),
    };
  }, [timeZone, dateFormat]);
}
