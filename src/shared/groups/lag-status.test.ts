import { describe, expect, it } from 'vitest';
import { partitionStatus, worstStatus, type LagSample } from './lag-status';

const opts = { stopAfterMs: 60_000, minSamples: 3 };
/** Samples 10 s apart from [committed, logEnd] pairs. */
const series = (pairs: [number | null, number][], logStart = 0): LagSample[] => pairs.map(([committed, logEnd], i) => ({ at: i * 10_000, committed, logStart, logEnd }));

describe('lag status rules', () => {
  it('OK when the consumer keeps up or lag shrinks', () => {
    expect(partitionStatus(series([[10, 10], [20, 20], [30, 30]]), opts)).toBe('OK');
    expect(partitionStatus(series([[10, 50], [30, 55], [50, 58]]), opts)).toBe('OK');
    expect(partitionStatus(series([[null, 50]]), opts)).toBe('OK');
  });

  it('WARN when lag grows in every sample while commits advance', () => {
    expect(partitionStatus(series([[10, 20], [15, 30], [20, 45]]), opts)).toBe('WARN');
  });

  it('STALL when commits stop advancing with lag, STOP once that lasts past the threshold', () => {
    expect(partitionStatus(series([[10, 20], [15, 30], [15, 35], [15, 40]]), opts)).toBe('STALL');
    const long = series(Array.from({ length: 9 }, (_, i) => [15, 30 + i] as [number, number]));
    expect(partitionStatus(long, opts)).toBe('STOP');
  });

  it('ERR when retention deleted what the group had not read', () => {
    expect(partitionStatus(series([[5, 100]], 40), opts)).toBe('ERR');
  });

  it('needs a few samples before judging, and ranks the group by its worst partition', () => {
    expect(partitionStatus(series([[10, 20], [10, 30]]), opts)).toBe('OK');
    expect(worstStatus(['OK', 'STALL', 'WARN'])).toBe('STALL');
    expect(worstStatus([])).toBe('OK');
  });
});
