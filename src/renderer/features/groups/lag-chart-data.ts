import type { LagHistory } from '../../../shared/api';

/** The chart shows at least this much time, so a few samples do not stretch over years. */
export const MIN_WINDOW_S = 5 * 60;
/** Two samples further apart than this many intervals have a gap between them (the app slept, or sampling paused). */
const GAP_AFTER_INTERVALS = 3;

export interface LagChartData {
  /** uPlot's aligned data: x in epoch seconds, then one series per topic; null is a gap. */
  data: [number[], ...(number | null)[][]];
  /** The x axis window, epoch seconds. */
  xMin: number;
  xMax: number;
}

/**
 * What the lag chart draws: failed samples (broker unreachable) and long silences become gaps
 * (null), never a line across the outage; the window is the last 5 minutes until the samples
 * span more.
 */
export function lagChartData(history: Pick<LagHistory, 'points' | 'topics' | 'intervalMs'>, now = Date.now()): LagChartData {
  const xs: number[] = [];
  const series: (number | null)[][] = history.topics.map(() => []);
  const gap = (at: number) => {
    xs.push(at / 1000);
    for (const s of series) s.push(null);
  };
  let previous: number | null = null;
  for (const p of history.points) {
    if (previous !== null && p.at - previous > GAP_AFTER_INTERVALS * history.intervalMs) gap((previous + p.at) / 2);
    xs.push(p.at / 1000);
    series.forEach((s, i) => s.push(p.lagByTopic?.[i] ?? null));
    previous = p.at;
  }
  const xMax = xs.length > 0 ? xs.at(-1)! : now / 1000;
  const xMin = Math.min(xs[0] ?? xMax, xMax - MIN_WINDOW_S);
  return { data: [xs, ...series], xMin, xMax };
}
