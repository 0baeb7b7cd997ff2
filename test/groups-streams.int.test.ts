import { execFileSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/app';
import { createTopic, sharedBootstrap, uniqueTopic } from './support/kafka';
import { kafkaAtLeast, kafkaTool, kafkaVersion } from './support/java-clients';
import { startStreamsApp } from './support/java-streams';

// Streams groups (KIP-1071) are production-ready and on by default from Kafka 4.2.
const streamsGroups = kafkaAtLeast(4, 2);
if (!streamsGroups) console.log(`skipped: streams groups (KIP-1071) need Kafka 4.2+, this run uses ${kafkaVersion}`);
const NOT_TRUSTED = ['Dead', 'DEAD', 'Unknown', 'UNKNOWN', ''];

describe('Kafka Streams groups (KIP-1071)', () => {
  const bootstrap = sharedBootstrap();
  let app: TestApp;
  let connectionId: string;
  let java: ChildProcess | undefined;

  beforeAll(async () => {
    app = startTestApp();
    connectionId = (await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } })).connectionId;
  });
  afterAll(async () => {
    java?.kill('SIGKILL');
    await app?.close();
  });

  it.skipIf(!streamsGroups)('lists a real Kafka Streams app as a streams group in the state kafka-streams-groups reports, never Dead or unknown', { timeout: 240_000 }, async () => {
    const input = uniqueTopic('streams-in');
    const output = `${input}-out`;
    await createTopic(bootstrap, input, 2);
    await createTopic(bootstrap, output, 2);
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', input], { input: 'a\nb\nc' });
    const appId = `${input}-app`;
    java = await startStreamsApp(bootstrap, appId, input, output);

    const rows = await eventually(
      () => app.call('groups.ids', { connectionId }),
      (r) => r.some((g) => g.groupId === appId && g.state === 'Stable'),
      150_000,
      1_000,
    );
    const row = rows.find((g) => g.groupId === appId)!;
    expect(row).toEqual({ groupId: appId, type: 'streams', state: 'Stable' });

    // Kafka's own tool sees the same group in the same state.
    const tool = await kafkaTool('org.apache.kafka.tools.streams.StreamsGroupCommand', ['--bootstrap-server', bootstrap, '--list', '--state']);
    expect(tool).toMatch(new RegExp(`^${appId}\\s+Stable\\s*$`, 'm'));

    // The list (both ways it loads) and the group page: type streams, a state the broker trusts.
    const [summary] = await app.call('groups.summaries', { connectionId, groups: [row] });
    const listed = (await app.call('groups.list', { connectionId })).find((g) => g.groupId === appId);
    const detail = await app.call('groups.describe', { connectionId, groupId: appId });
    for (const g of [summary, listed, detail]) {
      expect(g).toMatchObject({ groupId: appId, type: 'streams' });
      expect(NOT_TRUSTED).not.toContain(g!.state);
      expect(g!.note).toBeNull();
    }
  });
});
