import { describe, expect, it } from 'vitest';
import { durationText } from './format';

describe('durationText', () => {
  it('picks the unit a person reads', () => {
    expect([0, 45_000, 12 * 60_000, (3 * 60 + 5) * 60_000, 2 * 86_400_000 + 4 * 3_600_000].map(durationText)).toEqual(['0 s', '45 s', '12 min', '3 h 5 min', '2 d 4 h']);
  });
});
