import { describe, expect, it } from 'vitest';
import { errorNameForCode } from './protocol-errors';
import { RETRIABLE } from './producer';

describe('produce retries', () => {
  it('retry a leader that moved, by the name the error table gives code 6', () => {
    expect(RETRIABLE.has(errorNameForCode(6))).toBe(true);
    for (const code of [3, 5, 7, 13, 41, 56]) expect(RETRIABLE.has(errorNameForCode(code))).toBe(true);
    expect(RETRIABLE.has(errorNameForCode(10))).toBe(false); // MESSAGE_TOO_LARGE is final
  });
});
