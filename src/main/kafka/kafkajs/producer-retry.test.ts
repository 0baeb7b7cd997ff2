import { describe, expect, it } from 'vitest';
import { errorNameForCode } from './protocol-errors';
import { RETRIABLE } from './producer';

describe('produce retries', () => {
  it('retry a leader that moved, by the name the error table gives code 6', () => {
    expect(RETRIABLE.has(errorNameForCode(6))).toBe(true);
    for (const code of [3, 5, 13, 41, 56]) expect(RETRIABLE.has(errorNameForCode(code))).toBe(true);
    expect(RETRIABLE.has(errorNameForCode(10))).toBe(false); // MESSAGE_TOO_LARGE is final
  });

  it('never retry what the leader has already written: a retry would write it twice', () => {
    for (const code of [7 /* REQUEST_TIMED_OUT */, 19 /* NOT_ENOUGH_REPLICAS */, 20 /* NOT_ENOUGH_REPLICAS_AFTER_APPEND */]) expect(RETRIABLE.has(errorNameForCode(code)), errorNameForCode(code)).toBe(false);
  });
});
