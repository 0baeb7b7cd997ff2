import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { e2eEnv } from './support/env';

const run = promisify(execFile);

/**
 * The start-up benchmark (bench/startup.ts) at smoke size, against the e2e broker and the built
 * server: it must keep running and printing both figures. Budgets are loose (a busy CI machine
 * stretches wall time); the renderer's CPU time is what catches a first page that grew heavy.
 */
test('start-up bench: serve → first page interactive, connect → Overview painted', async () => {
  test.setTimeout(180_000);
  const { stdout } = await run('npx', ['tsx', 'bench/startup.ts', '--smoke'], { env: { ...process.env, KAFKA_BROKERS: e2eEnv().bootstrap }, timeout: 170_000 });
  const first = stdout.match(/startup serve start → first page interactive: median (\d+) ms .* renderer main-thread CPU (\d+) ms/);
  const overview = stdout.match(/startup connect → Overview painted: median (\d+) ms .* renderer main-thread CPU (\d+) ms/);
  expect(first, stdout).not.toBeNull();
  expect(overview, stdout).not.toBeNull();
  expect(Number(first![1])).toBeLessThan(30_000);
  expect(Number(first![2])).toBeLessThan(2_000);
  expect(Number(overview![1])).toBeLessThan(15_000);
  expect(Number(overview![2])).toBeLessThan(2_000);
});
