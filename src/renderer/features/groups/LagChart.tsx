import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { LagHistory } from '../../../shared/api';
import { lagChartData } from './lag-chart-data';

const COLORS = ['#2dd4bf', '#fbbf24', '#f87171', '#60a5fa', '#a78bfa', '#4ade80', '#f472b6', '#fb923c'];

/**
 * Lag per topic over the session, drawn with uPlot (canvas: cheap to update every few seconds).
 * Failed samples are gaps (uPlot does not span nulls); the time axis is at least the last
 * 5 minutes (lagChartData), and the drawn window is on the element for tests (data-x-min/max).
 */
export function LagChart({ history }: { history: LagHistory }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // The x window of the data last set; the scale's range function reads it on every setData.
  const windowRef = useRef<[number, number]>([0, 1]);
  const topicsKey = history.topics.join('\u0000');

  useEffect(() => {
    if (!host.current) return;
    const opts: uPlot.Options = {
      width: host.current.clientWidth || 800,
      height: 220,
      scales: {
        x: { time: true, range: () => windowRef.current },
        y: { range: (_u, _min, max) => [0, max !== null && max > 0 ? max * 1.1 : 10] },
      },
      axes: [{ stroke: '#8b95a7', grid: { stroke: '#8b95a72e' } }, { stroke: '#8b95a7', grid: { stroke: '#8b95a72e' }, label: 'lag (messages)' }],
      series: [{}, ...topicsKey.split('\u0000').filter(Boolean).map((label, i) => ({ label, stroke: COLORS[i % COLORS.length]!, width: 2, spanGaps: false }))],
      hooks: {
        setScale: [
          (u, key) => {
            if (key !== 'x' || !host.current) return;
            host.current.dataset.xMin = String(Math.round(u.scales.x!.min ?? 0));
            host.current.dataset.xMax = String(Math.round(u.scales.x!.max ?? 0));
          },
        ],
      },
    };
    plot.current = new uPlot(opts, [[]], host.current);
    const resize = () => plot.current?.setSize({ width: host.current?.clientWidth ?? 800, height: 220 });
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      plot.current?.destroy();
      plot.current = null;
    };
  }, [topicsKey]);

  useEffect(() => {
    const { data, xMin, xMax } = lagChartData(history);
    windowRef.current = [xMin, xMax];
    plot.current?.setData(data as uPlot.AlignedData);
  }, [history, topicsKey]);

  const gaps = history.points.filter((p) => p.lagByTopic === null).length;
  return <div ref={host} className="lag-chart" data-testid="lag-chart" data-points={history.points.length} data-failed-samples={gaps} />;
}
