import { describe, expect, it } from 'vitest';
import { messageTime } from './message-time';

describe('message time', () => {
  it('is ISO text for epoch milliseconds, and the raw number when Date cannot hold it', () => {
    expect(messageTime('1764000000123')).toBe('2025-11-24T16:00:00.123Z');
    expect(messageTime('1700000000000000000')).toBe('1700000000000000000 (not a valid time)');
    expect(messageTime('-1')).toBe('1969-12-31T23:59:59.999Z');
  });
});
