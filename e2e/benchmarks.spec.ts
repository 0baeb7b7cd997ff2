import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { e2eEnv } from './support/env';

const run = promisify(execFile);

/**
 * The UI benchmarks at smoke size, against the e2e broker and the built server: they must keep
 * running and printing their figures (`npm run bench` is for the figures themselves). Budgets
 * here are loose (a busy CI machine stretches wall time); the renderer's CPU time is what
 * catches a first page that grew heavy.
 */
const bench = async (file: string) => {
  const { stdout } = await run('npx', ['tsx', `bench/${file}`, '--smoke'], { env: { ...process.env, KAFKA_BROKERS: e2eEnv().bootstrap }, timeout: 290_000, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
};

test('start-up: serve → first page interactive, connect → Overview painted', async () => {
  test.setTimeout(300_000);
  const out = await bench('startup.ts');
  const first = out.match(/startup serve start → first page interactive: median (\d+) ms .* renderer main-thread CPU (\d+) ms/);
  const overview = out.match(/startup connect → Overview painted: median (\d+) ms .* renderer main-thread CPU (\d+) ms/);
  expect(first, out).not.toBeNull();
  expect(overview, out).not.toBeNull();
  expect(Number(first![1])).toBeLessThan(30_000);
  expect(Number(first![2])).toBeLessThan(2_000);
  expect(Number(overview![1])).toBeLessThan(15_000);
  expect(Number(overview![2])).toBeLessThan(2_000);
});

test('P2 tail: every message written reaches the window, kept or counted as dropped', async () => {
  test.setTimeout(300_000);
  const out = await bench('p2-tail.ts');
  const seen = out.match(/p2 tail .*\(([\d,]+) written by kcat.*window saw ([\d,]+): kept ([\d,]+), dropped ([\d,]+)/);
  expect(seen, out).not.toBeNull();
  const [written, total, kept, dropped] = seen!.slice(1).map((n) => Number(n.replaceAll(',', '')));
  expect(total).toBe(written);
  expect(kept! + dropped!).toBe(written);
  expect(out).toMatch(/p2 renderer long tasks: .* longest task \d+ ms CPU/);
  expect(out).toMatch(/p2 renderer JS heap: /);
});

test('P3 metadata: topic list, filter keystrokes, groups page and Refresh are measured', async () => {
  test.setTimeout(300_000);
  const out = await bench('p3-metadata.ts');
  expect(out).toMatch(/p3 metadata: 60 topics, 260 partitions, 20 groups/);
  expect(out).toMatch(/UI: Connect → topic rows visible +\d+ ms/);
  expect(out).toMatch(/UI: filter keystroke → table painted +median [\d.]+ ms/);
  const groups = out.match(/UI: Consumer groups → rows painted +median (\d+) ms .* longest renderer task (\d+) ms CPU/);
  expect(groups, out).not.toBeNull();
  expect(Number(groups![2])).toBeLessThan(1_000);
  expect(out).toMatch(/UI: Refresh, longest renderer task +Topics \d+ ms CPU .* Consumer groups \d+ ms CPU/);
});
