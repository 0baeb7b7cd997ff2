import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { LagHistory } from '../../../shared/api';

const COLORS = ['#2dd4bf', '#fbbf24', '#f87171', '#60a5fa', '#a78bfa', '#4ade80', '#f472b6', '#fb923c'];

/** Lag per topic over the session, drawn with uPlot (canvas: cheap to update every few seconds). */
export function LagChart({ history }: { history: LagHistory }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const topicsKey = history.topics.join('\u0000');

  useEffect(() => {
    if (!host.current) return;
    const opts: uPlot.Options = {
      width: host.current.clientWidth || 800,
      height: 220,
      // At least the last minute on the x axis, so a fresh session does not stretch one point over years.
      scales: { x: { time: true, range: (_u, min, max) => [Math.min(min ?? 0, (max ?? 0) - 60), max ?? 0] } },
      axes: [{ stroke: '#8b95a7', grid: { stroke: '#26304040' } }, { stroke: '#8b95a7', grid: { stroke: '#26304040' }, label: 'lag (messages)' }],
      series: [{}, ...topicsKey.split('\u0000').filter(Boolean).map((label, i) => ({ label, stroke: COLORS[i % COLORS.length]!, width: 2 }))],
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
    const xs = history.points.map((p) => p.at / 1000);
    const series = history.topics.map((_, i) => history.points.map((p) => p.lagByTopic[i] ?? 0));
    plot.current?.setData([xs, ...series] as uPlot.AlignedData);
  }, [history, topicsKey]);

  return <div ref={host} className="lag-chart" data-testid="lag-chart" data-points={history.points.length} />;
}
