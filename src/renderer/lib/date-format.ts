import type { DateFormatSetting, TimeZoneSetting } from '../../shared/api';

/** How the app shows dates: one zone and one ISO-like format, chosen in Settings. */
export interface DateOptions {
  timeZone: TimeZoneSetting;
  dateFormat: DateFormatSetting;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The calendar fields of an instant in the chosen zone. */
function fields(ms: number, zone: TimeZoneSetting) {
  const d = new Date(ms);
  return zone === 'utc'
    ? { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(), ms: d.getUTCMilliseconds(), offsetMin: 0 }
    : { y: d.getFullYear(), mo: d.getMonth() + 1, d: d.getDate(), h: d.getHours(), mi: d.getMinutes(), s: d.getSeconds(), ms: d.getMilliseconds(), offsetMin: -d.getTimezoneOffset() };
}

/** "+01:00", or "Z" for UTC. */
function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes > 0 ? '+' : '-';
  const m = Math.abs(minutes);
  return `${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

/**
 * A date and time, e.g. "2026-12-02 14:03:05" (seconds), "2026-12-02 14:03:05.123" (millis) or
 * "2026-12-02T14:03:05.123+01:00" (ISO 8601); the short forms end in " UTC" when the zone is UTC,
 * so a UTC time is never read as local. NaN or an instant Date cannot hold gives "—".
 */
export function formatDateTime(ms: number, options: DateOptions): string {
  if (!Number.isFinite(ms) || !Number.isFinite(new Date(ms).getTime())) return '—';
  const f = fields(ms, options.timeZone);
  const date = `${pad(f.y, 4)}-${pad(f.mo)}-${pad(f.d)}`;
  const time = `${pad(f.h)}:${pad(f.mi)}:${pad(f.s)}`;
  const utc = options.timeZone === 'utc' ? ' UTC' : '';
  switch (options.dateFormat) {
    case 'iso8601':
      return `${date}T${time}.${pad(f.ms, 3)}${offsetText(f.offsetMin)}`;
    case 'millis':
      return `${date} ${time}.${pad(f.ms, 3)}${utc}`;
    default:
      return `${date} ${time}${utc}`;
  }
}

/** The time of day only, "14:03:05" (with " UTC" in UTC), for "updated at" and other same-day stamps. */
export function formatTimeOfDay(ms: number, options: DateOptions): string {
  if (!Number.isFinite(ms)) return '—';
  const f = fields(ms, options.timeZone);
  return `${pad(f.h)}:${pad(f.mi)}:${pad(f.s)}${options.timeZone === 'utc' ? ' UTC' : ''}`;
}

/** An instant as a date input's text ("2026-12-02 14:03:05") in the chosen zone. */
export function toDateInput(ms: number, zone: TimeZoneSetting): string {
  const f = fields(ms, zone);
  return `${pad(f.y, 4)}-${pad(f.mo)}-${pad(f.d)} ${pad(f.h)}:${pad(f.mi)}:${pad(f.s)}`;
}

/**
 * A date input's text value read in the chosen zone, as epoch ms; NaN when empty or invalid.
 * "2026-12-02 14:03:05", with "T" or a space, seconds and milliseconds optional (drafts saved by older builds used datetime-local's "T").
 */
export function fromDateInput(value: string, zone: TimeZoneSetting): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(value.trim());
  if (!m) return NaN;
  const [y, mo, d, h, mi, s = '0', frac = '0'] = m.slice(1);
  const parts = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0'))] as const;
  const ms = zone === 'utc' ? Date.UTC(...parts) : new Date(...parts).getTime();
  // Date rolls 2026-02-31 over into March: a date that does not exist is invalid, not another day.
  return toDateInput(ms, zone).slice(0, 16) === `${y}-${mo}-${d} ${h}:${mi}` ? ms : NaN;
}

/** "UTC" or the local zone's name, e.g. "Europe/Berlin", to label date inputs. */
export function zoneLabel(zone: TimeZoneSetting): string {
  if (zone === 'utc') return 'UTC';
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';
}
