import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface MainThreadTasks {
  /** The longest task on the page's main thread, wall-clock (what a user waits), ms. */
  longestWallMs: number;
  /** The same task's CPU time on that thread, ms: what the page itself cost, whatever else the machine was doing. */
  longestCpuMs: number;
  /** CPU time of all the main thread's tasks during `work`, ms. */
  totalCpuMs: number;
  tasks: number;
}

/**
 * Runs `work` under Chromium's tracing and reports the renderer main thread's longest task by
 * wall time and by thread CPU time. On a machine whose cores are busy with other work (CI under
 * load), wall time stretches with the wait for a core; CPU time is what the page's own code
 * cost, so a budget on it holds on a busy machine and still catches a real freeze.
 */
export async function measureMainThread(page: Page, work: () => Promise<void>): Promise<MainThreadTasks> {
  const browser = page.context().browser();
  if (!browser) throw new Error('tracing needs a browser-owned context');
  // KE_TRACE_FILE=/tmp/t.json keeps the trace for DevTools' Performance panel; KE_TRACE_JS=1 adds
  // JS samples (the sampler itself then stalls the page for 300 ms at times: never for the figures).
  const keep = process.env.KE_TRACE_FILE;
  const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', ...(process.env.KE_TRACE_JS ? ['disabled-by-default-v8.cpu_profiler', 'v8.execute'] : [])];
  await browser.startTracing(page, { categories });
  let trace: Buffer;
  try {
    await work();
  } finally {
    trace = await browser.stopTracing();
  }
  if (keep) writeFileSync(keep, trace);
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && mainThreads.has(`${e.pid}:${e.tid}`));
  let longestWall = 0;
  let longestCpu = 0;
  let totalCpu = 0;
  for (const t of tasks) {
    const cpu = (t.tdur ?? t.dur ?? 0) / 1000;
    longestWall = Math.max(longestWall, (t.dur ?? 0) / 1000);
    longestCpu = Math.max(longestCpu, cpu);
    totalCpu += cpu;
  }
  return { longestWallMs: longestWall, longestCpuMs: longestCpu, totalCpuMs: totalCpu, tasks: tasks.length };
}
