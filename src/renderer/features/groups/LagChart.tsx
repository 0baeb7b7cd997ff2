import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { LagHistory } from '../../../shared/api';
import { lagChartData } from './lag-chart-data';
import { useResolvedTheme } from '../../lib/theme';
import { useSettingsStore } from '../../state/settings-store';
import { useDateFormat } from '../../lib/use-date-format';

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
  // The canvas does not follow CSS: the chart is rebuilt in the theme's colours when it changes.
  const theme = useResolvedTheme();
  const utc = useSettingsStore((s) => s.settings.timeZone === 'utc');
  const dates = useDateFormat();

  useEffect(() => {
    if (!host.current) return;
    const axis = getComputedStyle(host.current).getPropertyValue('--text-muted').trim() || '#8b95a7';
    const grid = theme === 'light' ? 'rgba(0, 0, 0, 0.08)' : 'rgba(139, 149, 167, 0.18)';
    const opts: uPlot.Options = {
      width: host.current.clientWidth || 800,
      height: 220,
      // The time axis in the app's zone (Settings), like every other date.
      ...(utc ? { tzDate: (ts: number) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC') } : {}),
      scales: {
        x: { time: true, range: () => windowRef.current },
        y: { range: (_u, _min, max) => [0, max !== null && max > 0 ? max * 1.1 : 10] },
      },
      // Ticks and the hover legend in the app's one format, not uPlot's US-style "12/2/26 2:55am".
      axes: [{ stroke: axis, grid: { stroke: grid }, values: (_u, splits) => splits.map((s) => dates.time(s * 1000)) }, { stroke: axis, grid: { stroke: grid }, label: 'lag (messages)' }],
      series: [{ label: 'Time', value: (_u, v) => (v === null ? '—' : dates.dateTime(v * 1000)) }, ...topicsKey.split('\u0000').filter(Boolean).map((label, i) => ({ label, stroke: COLORS[i % COLORS.length]!, width: 2, spanGaps: false }))],
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
  }, [topicsKey, theme, utc, dates]);

  useEffect(() => {
    const { data, xMin, xMax } = lagChartData(history);
    windowRef.current = [xMin, xMax];
    plot.current?.setData(data as uPlot.AlignedData);
  }, [history, topicsKey, theme, utc, dates]);

  const gaps = history.points.filter((p) => p.lagByTopic === null).length;
  return <div ref={host} className="lag-chart" data-testid="lag-chart" data-theme={theme} data-points={history.points.length} data-failed-samples={gaps} />;
}
