import { describe, expect, it } from 'vitest';
import { groupVerdict, partitionStatus, worstStatus, type LagSample } from './lag-status';

const opts = { stopAfterMs: 60_000, minSamples: 3 };
/** Samples 10 s apart from [committed, logEnd] pairs. */
const series = (pairs: [number | null, number][], logStart = 0): LagSample[] => pairs.map(([committed, logEnd], i) => ({ at: i * 10_000, committed, logStart, logEnd }));

describe('lag status rules', () => {
  it('OK when the consumer keeps up or lag shrinks', () => {
    expect(partitionStatus(series([[10, 10], [20, 20], [30, 30]]), opts)).toBe('OK');
    expect(partitionStatus(series([[10, 50], [30, 55], [50, 58]]), opts)).toBe('OK');
  });

  it('WARN when lag grows in every sample while commits advance', () => {
    expect(partitionStatus(series([[10, 20], [15, 30], [20, 45]]), opts)).toBe('WARN');
  });

  it('STALL when commits stop advancing with lag, STOP once that lasts past the threshold', () => {
    expect(partitionStatus(series([[10, 20], [15, 30], [15, 35], [15, 40]]), opts)).toBe('STALL');
    const long = series(Array.from({ length: 9 }, (_, i) => [15, 30 + i] as [number, number]));
    expect(partitionStatus(long, opts)).toBe('STOP');
  });

  it('ERR when retention deleted what the group had not read, from one sample', () => {
    expect(partitionStatus(series([[5, 100]], 40), opts)).toBe('ERR');
  });

  it('says "collecting", never OK, until there are enough samples (even at lag 0)', () => {
    expect(partitionStatus([], opts)).toBe('COLLECTING');
    expect(partitionStatus(series([[10, 20], [10, 30]]), opts)).toBe('COLLECTING');
    expect(partitionStatus(series([[10, 10]]), opts, 'running')).toBe('COLLECTING');
    expect(partitionStatus(series([[10, 10], [10, 10], [10, 10]]), opts, 'running')).toBe('OK');
  });

  it('a partition the group never committed on is NO_COMMIT, not OK', () => {
    expect(partitionStatus(series([[null, 50]]), opts)).toBe('NO_COMMIT');
    expect(partitionStatus(series([[null, 50], [null, 50], [null, 50]]), opts, 'running')).toBe('NO_COMMIT');
  });

  it('STOP at once when there is lag and no consumer, whatever the commits did', () => {
    expect(partitionStatus(series([[0, 151]]), opts, 'none')).toBe('STOP');
    // Ten minutes of the same commit: without members this is not a stuck consumer, there is none.
    expect(partitionStatus(series(Array.from({ length: 60 }, () => [0, 151] as [number, number])), opts, 'none')).toBe('STOP');
    // Nothing behind: no trend to judge until enough samples, then OK.
    expect(partitionStatus(series([[151, 151]]), opts, 'none')).toBe('COLLECTING');
    expect(partitionStatus(series([[151, 151], [151, 151], [151, 151]]), opts, 'none')).toBe('OK');
  });

  it('ranks the group by its worst partition; never-committed partitions do not make it OK', () => {
    expect(worstStatus(['OK', 'STALL', 'WARN'])).toBe('STALL');
    expect(worstStatus(['OK', 'COLLECTING'])).toBe('COLLECTING');
    expect(worstStatus(['NO_COMMIT', 'OK'])).toBe('OK');
    expect(worstStatus(['NO_COMMIT'])).toBe('NO_COMMIT');
    expect(worstStatus([])).toBe('NO_COMMIT');
  });
});

describe('group verdict', () => {
  const base = { samples: 5, samplesNeeded: 3 };

  it('an Empty group with lag: not consuming, in one sentence, from the first sample', () => {
    const v = groupVerdict({ ...base, samples: 1, statuses: ['STOP', 'STOP'], consumers: 'none', lag: 151 });
    expect(v).toEqual({ status: 'STOP', label: 'STOP', sentence: 'No consumer is running; lag 151 will not go down until one starts.' });
  });

  it('collecting (n of N samples) before a verdict, never OK', () => {
    const v = groupVerdict({ ...base, samples: 1, statuses: ['COLLECTING', 'COLLECTING'], consumers: 'running', lag: 0 });
    expect(v.status).toBe('COLLECTING');
    expect(v.label).toBe('collecting (1 of 3 samples)');
    expect(v.sentence).toContain('Collecting samples (1 of 3)');
    expect(groupVerdict({ ...base, samples: 0, statuses: [], consumers: 'unknown', lag: null }).label).toBe('no commit');
  });

  it('says why there is no verdict when nothing was committed', () => {
    const v = groupVerdict({ ...base, statuses: ['NO_COMMIT', 'NO_COMMIT'], consumers: 'running', lag: null });
    expect(v.label).toBe('no commit');
    expect(v.sentence).toMatch(/committed no offset.*Kafka’s own tool/);
  });

  it('no consumer and nothing behind is said as such, not as "the consumer keeps up"', () => {
    const v = groupVerdict({ ...base, statuses: ['OK'], consumers: 'none', lag: 0 });
    expect(v.sentence).toBe('No consumer is running; nothing is behind now (lag 0).');
    expect(groupVerdict({ ...base, statuses: ['OK'], consumers: 'running', lag: 0 }).sentence).toMatch(/keeps up/);
  });

  it('retention loss wins over the missing consumer; a deleted group says sampling stopped', () => {
    expect(groupVerdict({ ...base, statuses: ['ERR', 'STOP'], consumers: 'none', lag: 90 }).sentence).toMatch(/deleted by retention/);
    expect(groupVerdict({ ...base, statuses: ['OK'], consumers: 'none', lag: 0, gone: true }).sentence).toBe('The group no longer exists: sampling stopped.');
  });
});
