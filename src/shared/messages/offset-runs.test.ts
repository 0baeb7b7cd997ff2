import { describe, expect, it } from 'vitest';
import { offsetCount, offsetIntervals, toOffsetRuns } from './offset-runs';

const m = (partition: number, offset: number | string) => ({ partition, offset: String(offset) });

describe('offsets as runs', () => {
  it('packs contiguous offsets into one number and gaps into pairs, per partition', () => {
    const runs = toOffsetRuns([m(1, 7), m(0, 3), m(0, 4), m(0, 5), m(0, 9), m(1, 8), m(0, 10), m(0, 4)]);
    expect(runs).toEqual([
      { partition: 0, from: '3', runs: [3, 3, 2] },
      { partition: 1, from: '7', runs: [2] },
    ]);
    expect(offsetIntervals(runs[0]!)).toEqual([
      { start: 3n, end: 6n },
      { start: 9n, end: 11n },
    ]);
    expect(offsetCount(runs[0]!)).toBe(5);
  });

  it('keeps offsets beyond 2^53 exact', () => {
    const runs = toOffsetRuns([m(0, '9007199254740993'), m(0, '9007199254740995')]);
    expect(runs).toEqual([{ partition: 0, from: '9007199254740993', runs: [1, 1, 1] }]);
    expect(offsetIntervals(runs[0]!).map((i) => i.start.toString())).toEqual(['9007199254740993', '9007199254740995']);
  });

  it('is empty for no messages', () => {
    expect(toOffsetRuns([])).toEqual([]);
  });
});
