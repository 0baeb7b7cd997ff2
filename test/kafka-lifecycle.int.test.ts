import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../scripts/kafka/cluster';
import { freePort } from '../scripts/kafka/ports';
import { isOurProcess } from '../scripts/kafka/processes';
import { destroyCluster, readState, runRoot, startHelper } from '../scripts/kafka/state';
import { DEMO_LIVE_GROUP, seedCluster } from '../scripts/seed-data';
import { eventually } from './support/eventually';
import { createTopic, testKafka, uniqueTopic } from './support/kafka';

const run = promisify(execFile);
/** `npm run kafka:<command> -- --name <name> …`, as a user runs it. */
const cli = async (...args: string[]) => (await run(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', 'kafka', 'cli.ts'), ...args], { cwd: repoRoot, timeout: 180_000 })).stdout;

/**
 * kafka:up / kafka:down / kafka:reset on a real single-node cluster of its own: down keeps the
 * data (same cluster id and topics after the next up) and stops the demo's live traffic with the
 * brokers; reset removes everything.
 */
describe('local cluster lifecycle: kafka:down keeps the data, kafka:reset removes it', () => {
  const name = `lifecycle-${process.pid}`;
  const dataDir = join(runRoot(repoRoot), name);
  afterAll(async () => {
    const left = readState(dataDir);
    if (left) await destroyCluster(left);
  });

  it('resumes with the same cluster id and topics, stops the demo traffic on down, and starts empty after reset', async () => {
    const port = await freePort();
    expect(await cli('up', '--name', name, '--port', String(port))).toMatch(new RegExp(`kafka "${name}" \\(Apache Kafka [0-9.]+\\) up in`));
    const first = readState(dataDir)!;
    expect(first.keepData).toBe(true);
    const topic = uniqueTopic('kept');
    await createTopic(first.bootstrap, topic);

    // The demo's live group and producer, recorded with the cluster as the demo starts them.
    await seedCluster(first.bootstrap);
    const traffic = await startHelper(dataDir, { what: 'demo traffic', marker: 'seed-traffic.ts', args: ['--import', 'tsx', join(repoRoot, 'scripts', 'seed-traffic.ts'), first.bootstrap], logName: 'demo-traffic.log' });
    const admin = testKafka(first.bootstrap).admin();
    await admin.connect();
    try {
      const live = await eventually(() => admin.describeGroups([DEMO_LIVE_GROUP.groupId]), (d) => d.groups[0]?.state === 'Stable' && d.groups[0].members.length === 2, 60_000);
      expect(live.groups[0]!.members).toHaveLength(2);
    } finally {
      await admin.disconnect();
    }

    const down = await cli('down', '--name', name);
    expect(down).toContain(`stopped: ${name} (data kept`);
    const stopped = readState(dataDir)!;
    expect(stopped.nodes.every((n) => n.pid === null)).toBe(true);
    expect(isOurProcess(traffic.pid!, traffic.marker)).toBe(false);
    expect(await cli('status')).toContain(`${name}: stopped, data kept`);

    expect(await cli('up', '--name', name)).toContain(`kafka "${name}" up again`);
    const again = readState(dataDir)!;
    expect(again.clusterId).toBe(first.clusterId);
    expect(again.bootstrap).toBe(first.bootstrap);
    const topics = await eventually(async () => {
      const a = testKafka(again.bootstrap).admin();
      await a.connect();
      try {
        return await a.listTopics();
      } finally {
        await a.disconnect();
      }
    }, (list) => list.includes(topic), 30_000);
    expect(topics).toContain(topic);

    expect(await cli('reset', '--name', name)).toContain(`stopped and removed: ${name}`);
    expect(existsSync(dataDir)).toBe(false);
  }, 300_000);
});
