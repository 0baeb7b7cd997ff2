import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTimeOfDay, fromDateInput, toDateInput } from './date-format';

const at = Date.UTC(2026, 11, 2, 14, 3, 5, 123);

describe('one date format', () => {
  it('shows UTC in the three ISO-like formats', () => {
    expect(formatDateTime(at, { timeZone: 'utc', dateFormat: 'seconds' })).toBe('2026-12-02 14:03:05 UTC');
    expect(formatDateTime(at, { timeZone: 'utc', dateFormat: 'millis' })).toBe('2026-12-02 14:03:05.123 UTC');
    expect(formatDateTime(at, { timeZone: 'utc', dateFormat: 'iso8601' })).toBe('2026-12-02T14:03:05.123Z');
    expect(formatTimeOfDay(at, { timeZone: 'utc', dateFormat: 'seconds' })).toBe('14:03:05 UTC');
  });

  it('shows local time with its offset in ISO 8601', () => {
    const local = new Date(at);
    const text = formatDateTime(at, { timeZone: 'local', dateFormat: 'iso8601' });
    expect(new Date(text).getTime()).toBe(at);
    expect(formatDateTime(at, { timeZone: 'local', dateFormat: 'seconds' })).toContain(`${String(local.getHours()).padStart(2, '0')}:03:05`);
  });

  it('never throws on times Date cannot hold', () => {
    expect(formatDateTime(1e20, { timeZone: 'utc', dateFormat: 'seconds' })).toBe('—');
    expect(formatDateTime(NaN, { timeZone: 'local', dateFormat: 'seconds' })).toBe('—');
  });

  it('reads and writes date inputs in the chosen zone', () => {
    expect(toDateInput(at, 'utc')).toBe('2026-12-02 14:03:05');
    expect(fromDateInput('2026-12-02 14:03:05.5', 'utc')).toBe(at - 123 + 500);
    expect(fromDateInput('2026-12-02T14:03:05', 'utc')).toBe(at - 123);
    expect(fromDateInput('2026-12-02T14:03', 'utc')).toBe(Date.UTC(2026, 11, 2, 14, 3));
    expect(fromDateInput(toDateInput(at, 'local'), 'local')).toBe(at - 123);
    expect(fromDateInput('', 'utc')).toBeNaN();
    expect(fromDateInput('yesterday', 'local')).toBeNaN();
    expect(fromDateInput('2026-02-31 10:00:00', 'utc')).toBeNaN();
  });
});
