import { describe, expect, it } from 'vitest';
import { durationText } from './format';

describe('durationText', () => {
  it('reads in whole seconds', () => {
    expect([400, 45_678, (3 * 60 + 5) * 1_000 + 999, 900_000].map(durationText)).toEqual(['under a second', '45 seconds', '3 minutes 5 seconds', '15 minutes']);
  });
});
