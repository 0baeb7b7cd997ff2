import { describe, expect, it } from 'vitest';
import type { ReadProgress } from '../../../shared/api';
import { carryProgress, resumePositions } from './progress';

const progress = (parts: [partition: number, from: string, position: string, scanned: number, matched: number][], elapsedMs = 100): ReadProgress => ({
  scanned: parts.reduce((n, p) => n + p[3], 0),
  matched: parts.reduce((n, p) => n + p[4], 0),
  partitions: parts.map(([partition, from, position, scanned, matched]) => ({ partition, from, end: position, position, scanned, matched })),
  elapsedMs,
});

describe('a resumed tail', () => {
  it('adds the new run to what was counted before the pause, per partition and in all', () => {
    const paused = progress([
      [0, '10', '13', 3, 2],
      [1, '0', '1', 1, 1],
    ]);
    const resumed = progress([
      [0, '13', '15', 2, 2],
      [1, '1', '1', 0, 0],
    ]);
    const shown = carryProgress(paused, resumed);
    expect(shown).toMatchObject({ scanned: 6, matched: 5, elapsedMs: 200 });
    expect(shown.partitions).toEqual([
      { partition: 0, from: '10', end: '15', position: '15', scanned: 5, matched: 4 },
      { partition: 1, from: '0', end: '1', position: '1', scanned: 1, matched: 1 },
    ]);
  });

  it('is the run itself when nothing came before', () => {
    const run = progress([[0, '0', '4', 4, 4]]);
    expect(carryProgress(null, run)).toBe(run);
  });

  it('resumes each partition where it was, but leaves out one the paused run never started', () => {
    const paused = progress([
      [0, '10', '13', 3, 2],
      [1, '0', '0', 0, 0],
    ]);
    paused.partitions[1]!.unstarted = true;
    expect(resumePositions(paused)).toEqual([{ partition: 0, offset: '13' }]);
    // Once the resumed run starts it, the partition's range is the resumed run's own.
    const resumed = progress([
      [0, '13', '15', 2, 2],
      [1, '40', '41', 1, 1],
    ]);
    expect(carryProgress(paused, resumed).partitions[1]).toEqual({ partition: 1, from: '40', end: '41', position: '41', scanned: 1, matched: 1 });
  });
});
