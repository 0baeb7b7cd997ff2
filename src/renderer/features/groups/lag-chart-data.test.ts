import { describe, expect, it } from 'vitest';
import { lagChartData, MIN_WINDOW_S } from './lag-chart-data';

const T0 = Date.UTC(2027, 1, 1, 12, 0, 0);

describe('lag chart data', () => {
  it('shows the last 5 minutes for one sample, not years', () => {
    const { data, xMin, xMax } = lagChartData({ intervalMs: 5_000, topics: ['orders'], points: [{ at: T0, lagByTopic: [151] }] });
    expect(data).toEqual([[T0 / 1000], [151]]);
    expect(xMax).toBe(T0 / 1000);
    expect(xMax - xMin).toBe(MIN_WINDOW_S);
  });

  it('shows the whole history once it spans more than 5 minutes', () => {
    const points = Array.from({ length: 80 }, (_, i) => ({ at: T0 + i * 5_000, lagByTopic: [i] }));
    const { xMin, xMax } = lagChartData({ intervalMs: 5_000, topics: ['orders'], points });
    expect([xMin, xMax]).toEqual([T0 / 1000, (T0 + 79 * 5_000) / 1000]);
  });

  it('an empty history still has a 5-minute window ending now', () => {
    const { data, xMin, xMax } = lagChartData({ intervalMs: 5_000, topics: [], points: [] }, T0);
    expect(data).toEqual([[]]);
    expect([xMin, xMax]).toEqual([T0 / 1000 - MIN_WINDOW_S, T0 / 1000]);
  });

  it('draws a failed sample (broker unreachable) as a gap in every topic, not as zero or a line', () => {
    const { data } = lagChartData({
      intervalMs: 5_000,
      topics: ['a', 'b'],
      points: [
        { at: T0, lagByTopic: [10, 1] },
        { at: T0 + 5_000, lagByTopic: null },
        { at: T0 + 10_000, lagByTopic: [12, 2] },
      ],
    });
    expect(data).toEqual([[T0 / 1000, T0 / 1000 + 5, T0 / 1000 + 10], [10, null, 12], [1, null, 2]]);
  });

  it('leaves a topic with nothing committed undrawn (null), not at lag 0', () => {
    const { data } = lagChartData({ intervalMs: 5_000, topics: ['a', 'b'], points: [{ at: T0, lagByTopic: [null, 3] }] });
    expect(data).toEqual([[T0 / 1000], [null], [3]]);
  });

  it('puts a gap between samples much further apart than the interval', () => {
    const { data } = lagChartData({
      intervalMs: 5_000,
      topics: ['a'],
      points: [
        { at: T0, lagByTopic: [10] },
        { at: T0 + 5_000, lagByTopic: [11] },
        { at: T0 + 65_000, lagByTopic: [40] },
      ],
    });
    expect(data).toEqual([[T0 / 1000, T0 / 1000 + 5, T0 / 1000 + 35, T0 / 1000 + 65], [10, 11, null, 40]]);
  });
});
