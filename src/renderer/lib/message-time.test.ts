import { describe, expect, it } from 'vitest';
import { messageTime } from './message-time';

describe('message time', () => {
  it('is the chosen ISO-like text for epoch milliseconds, and the raw number when Date cannot hold it', () => {
    const iso = { timeZone: 'utc', dateFormat: 'iso8601' } as const;
    expect(messageTime('1764000000123', iso)).toBe('2025-11-24T16:00:00.123Z');
    expect(messageTime('1764000000123', { timeZone: 'utc', dateFormat: 'millis' })).toBe('2025-11-24 16:00:00.123 UTC');
    expect(messageTime('1700000000000000000', iso)).toBe('1700000000000000000 (not a valid time)');
    expect(messageTime('-1', iso)).toBe('1969-12-31T23:59:59.999Z');
  });
});
