import { describe, expect, it } from 'vitest';
import { formatEta, lagEta } from './lag-eta';

const at = (s: number) => 1_000_000 + s * 1000;

describe('lagEta', () => {
  it('waits until the window spans a few seconds', () => {
    expect(lagEta([])).toBeNull();
    expect(lagEta([{ at: at(0), committed: 0, logEnd: 100 }, { at: at(2), committed: 10, logEnd: 100 }])).toBeNull();
  });

  it('says when a consumer faster than its producers will have caught up (the 12 minutes of the issue)', () => {
    // Lag 7,200 now; commits +20/s, producers +10/s: net 10/s, 720 s.
    const eta = lagEta([
      { at: at(0), committed: 1_000, logEnd: 8_800 },
      { at: at(30), committed: 1_600, logEnd: 9_100 },
      { at: at(60), committed: 2_200, logEnd: 9_400 },
    ]);
    expect(eta).toMatchObject({ kind: 'catching-up', etaMs: 720_000, consumeRate: 20, produceRate: 10 });
    expect(eta!.sentence).toBe('At the current rate, caught up in about 12 min (consuming 20 msg/s, producing 10 msg/s).');
  });

  it('says by how much a group falls behind when lag grows', () => {
    const eta = lagEta([
      { at: at(0), committed: 0, logEnd: 1_000 },
      { at: at(10), committed: 1_000, logEnd: 5_000 },
    ]);
    expect(eta).toMatchObject({ kind: 'falling-behind', byPerSecond: 300, consumeRate: 100, produceRate: 400 });
    expect(eta!.sentence).toBe('Falling behind by 300 msg/s (consuming 100 msg/s, producing 400 msg/s).');
  });

  it('calls a group without lag caught up, and one whose commits stand still not catching up', () => {
    expect(lagEta([{ at: at(0), committed: 5, logEnd: 5 }, { at: at(10), committed: 9, logEnd: 9 }])?.kind).toBe('caught-up');
    const still = lagEta([{ at: at(0), committed: 5, logEnd: 50 }, { at: at(10), committed: 5, logEnd: 50 }]);
    expect(still).toMatchObject({ kind: 'holding', sentence: 'Not catching up: no commit advanced in the sampled window.' });
  });
});

describe('formatEta', () => {
  it('reads like a person would say it', () => {
    expect(formatEta(20_000)).toBe('less than a minute');
    expect(formatEta(12 * 60_000)).toBe('about 12 min');
    expect(formatEta(125 * 60_000)).toBe('about 2 h 5 min');
    expect(formatEta(72 * 3_600_000)).toBe('about 3 days');
  });
});
