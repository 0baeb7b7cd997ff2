import { execFileSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/shared/errors';
import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/app';
import { createTopic, sharedBootstrap, uniqueTopic } from './support/kafka';
import { kafkaAtLeast, kafkaTool, kafkaVersion, parseToolTable, startNewProtocolConsumer, startShareConsumer } from './support/java-clients';

const CONSUMER_GROUPS = 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand';
const SHARE_GROUPS = 'org.apache.kafka.tools.consumer.group.ShareGroupCommand';

// KIP-848 is on by default from Kafka 4.0, share groups (KIP-932) are GA from 4.2: older brokers skip with the reason.
const newProtocol = kafkaAtLeast(4, 0);
const shareGroups = kafkaAtLeast(4, 2);
if (!newProtocol) console.log(`skipped: new consumer protocol (KIP-848) groups need Kafka 4.0+, this run uses ${kafkaVersion}`);
if (!shareGroups) console.log(`skipped: share groups (KIP-932) need Kafka 4.2+, this run uses ${kafkaVersion}`);

describe('Kafka 4 groups against Kafka’s own tools', () => {
  const bootstrap = sharedBootstrap();
  let app: TestApp;
  let connectionId: string;
  let readOnlyId: string;
  const javas: ChildProcess[] = [];
  const produce = (topic: string, partition: number, n: number, prefix = 'm') =>
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', String(partition)], { input: Array.from({ length: n }, (_, i) => `${prefix}${i}`).join('\n') });

  beforeAll(async () => {
    app = startTestApp();
    connectionId = (await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } })).connectionId;
    readOnlyId = (await app.call('connection.connect', { config: { brokers: bootstrap.split(','), readOnly: true } })).connectionId;
  });
  afterAll(async () => {
    for (const j of javas) j.kill('SIGKILL');
    await app?.close();
  });

  it.skipIf(!newProtocol)('shows a KIP-848 group with epochs, assignment and target, and lag identical to kafka-consumer-groups; resets and deletes it', async () => {
    const topic = uniqueTopic('kip848');
    await createTopic(bootstrap, topic, 2);
    produce(topic, 0, 12);
    produce(topic, 1, 7);
    const groupId = `${topic}-g`;
    const java = await startNewProtocolConsumer(bootstrap, topic, groupId);
    javas.push(java);

    const listed = await eventually(
      () => app.call('groups.list', { connectionId }),
      (l) => l.some((g) => g.groupId === groupId && g.state === 'Stable' && g.totalLag === 0 && g.members === 1),
      90_000,
      1_000,
    );
    expect(listed.find((g) => g.groupId === groupId)).toMatchObject({ type: 'consumer', state: 'Stable', topics: [topic], note: null });

    const detail = await app.call('groups.describe', { connectionId, groupId });
    expect(detail.type).toBe('consumer');
    expect(detail.groupEpoch).toBeGreaterThan(0);
    expect(detail.assignor).toBe('uniform');
    const [member] = detail.members;
    expect(member).toMatchObject({ subscribedTopics: [topic], subscribedRegex: null, reconciling: false, assignment: [{ topic, partitions: [0, 1] }], target: [{ topic, partitions: [0, 1] }] });

    // The same numbers as Kafka's own tool on the same broker.
    const members = parseToolTable(await kafkaTool(CONSUMER_GROUPS, ['--bootstrap-server', bootstrap, '--describe', '--group', groupId, '--members', '--verbose']));
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({ 'CONSUMER-ID': member!.memberId, 'CURRENT-EPOCH': String(member!.memberEpoch), 'CURRENT-ASSIGNMENT': `${topic}:0,1`, 'TARGET-ASSIGNMENT': `${topic}:0,1` });
    const offsets = parseToolTable(await kafkaTool(CONSUMER_GROUPS, ['--bootstrap-server', bootstrap, '--describe', '--group', groupId]));
    expect(offsets.map((r) => [Number(r.PARTITION), r['CURRENT-OFFSET'], r['LOG-END-OFFSET'], Number(r.LAG)])).toEqual(detail.partitions.map((p) => [p.partition, p.committed, p.logEnd, p.lag]));

    // A running group refuses a reset; a stopped one is EMPTY and resets through an admin commit, staying a consumer group.
    await expect(app.call('groups.reset', { connectionId, groupId, topic: null, partitions: null, mode: { kind: 'earliest' } })).rejects.toMatchObject({ code: 'GROUP_NOT_EMPTY' });
    java.kill('SIGKILL');
    await eventually(() => app.call('groups.describe', { connectionId, groupId }), (d) => d.state === 'Empty', 90_000, 1_000);
    await expect(app.call('groups.reset', { connectionId: readOnlyId, groupId, topic: null, partitions: null, mode: { kind: 'earliest' } })).rejects.toBeInstanceOf(AppError);
    const rows = await app.call('groups.reset', { connectionId, groupId, topic: null, partitions: null, mode: { kind: 'earliest' } });
    expect(rows.map((r) => [r.partition, r.next, r.lagAfter])).toEqual([
      [0, '0', 12],
      [1, '0', 7],
    ]);
    const after = await app.call('groups.describe', { connectionId, groupId });
    expect(after).toMatchObject({ type: 'consumer', totalLag: 19 });
    const toolAfter = parseToolTable(await kafkaTool(CONSUMER_GROUPS, ['--bootstrap-server', bootstrap, '--describe', '--group', groupId]));
    expect(toolAfter.map((r) => Number(r.LAG))).toEqual([12, 7]);

    await expect(app.call('groups.delete', { connectionId: readOnlyId, groupId })).rejects.toBeInstanceOf(AppError);
    await app.call('groups.delete', { connectionId, groupId });
    expect((await app.call('groups.list', { connectionId })).some((g) => g.groupId === groupId)).toBe(false);
  });

  it.skipIf(!shareGroups)('shows a share group with members, start offsets and share lag as kafka-share-groups does; resets with a preview and deletes', async () => {
    const topic = uniqueTopic('share');
    await createTopic(bootstrap, topic, 2);
    const groupId = `${topic}-sg`;
    const java = await startShareConsumer(bootstrap, topic, groupId);
    javas.push(java);
    // The share consumer starts at the log end (share.auto.offset.reset=latest): produce once it owns both partitions.
    await eventually(() => app.call('groups.list', { connectionId }), (l) => l.some((g) => g.groupId === groupId && g.members === 1), 90_000, 1_000);
    await eventually(() => app.call('groups.describe', { connectionId, groupId }), (d) => d.members[0]?.assignment[0]?.partitions.length === 2, 90_000, 1_000);
    produce(topic, 0, 5);
    produce(topic, 1, 3);
    const detail = await eventually(
      () => app.call('groups.describe', { connectionId, groupId }),
      (d) => d.partitions.length === 2 && d.partitions.every((p) => p.committed !== null) && d.totalLag === 0,
      90_000,
      1_000,
    );
    expect(detail).toMatchObject({ type: 'share', state: 'Stable', totalLag: 0 });
    expect(detail.members).toHaveLength(1);
    expect(detail.members[0]).toMatchObject({ subscribedTopics: [topic], assignment: [{ topic, partitions: [0, 1] }], target: null, reconciling: false });
    // Several members may share a partition: the list of readers, here the one.
    expect(detail.partitions.map((p) => p.memberIds)).toEqual([[detail.members[0]!.memberId], [detail.members[0]!.memberId]]);
    const tool = parseToolTable(await kafkaTool(SHARE_GROUPS, ['--bootstrap-server', bootstrap, '--describe', '--group', groupId]));
    expect(tool.map((r) => [Number(r.PARTITION), r['START-OFFSET'], Number(r.LAG)])).toEqual(detail.partitions.map((p) => [p.partition, p.committed, p.lag]));
    const toolMembers = parseToolTable(await kafkaTool(SHARE_GROUPS, ['--bootstrap-server', bootstrap, '--describe', '--group', groupId, '--members', '--verbose']));
    expect(toolMembers.map((r) => [r['CONSUMER-ID'], r['MEMBER-EPOCH']])).toEqual([[detail.members[0]!.memberId, String(detail.members[0]!.memberEpoch)]]);

    java.kill('SIGKILL');
    await eventually(() => app.call('groups.describe', { connectionId, groupId }), (d) => d.state === 'Empty', 90_000, 1_000);
    const preview = await app.call('groups.resetPreview', { connectionId, groupId, topic: null, partitions: null, mode: { kind: 'earliest' } });
    expect(preview.map((r) => [r.partition, r.current, r.next, r.lagAfter])).toEqual([
      [0, detail.partitions[0]!.committed, '0', 5],
      [1, detail.partitions[1]!.committed, '0', 3],
    ]);
    await expect(app.call('groups.reset', { connectionId: readOnlyId, groupId, topic: null, partitions: null, mode: { kind: 'earliest' } })).rejects.toBeInstanceOf(AppError);
    await app.call('groups.reset', { connectionId, groupId, topic: null, partitions: null, mode: { kind: 'earliest' } });
    const reset = await app.call('groups.describe', { connectionId, groupId });
    expect(reset.partitions.map((p) => [p.partition, p.committed, p.lag])).toEqual([
      [0, '0', 5],
      [1, '0', 3],
    ]);
    const toolReset = parseToolTable(await kafkaTool(SHARE_GROUPS, ['--bootstrap-server', bootstrap, '--describe', '--group', groupId]));
    expect(toolReset.map((r) => [r['START-OFFSET'], Number(r.LAG)])).toEqual([
      ['0', 5],
      ['0', 3],
    ]);

    await expect(app.call('groups.deleteOffsets', { connectionId: readOnlyId, groupId, topic })).rejects.toBeInstanceOf(AppError);
    await app.call('groups.deleteOffsets', { connectionId, groupId, topic });
    expect((await app.call('groups.describe', { connectionId, groupId })).partitions.every((p) => p.committed === null)).toBe(true);
    await app.call('groups.delete', { connectionId, groupId });
    expect((await app.call('groups.list', { connectionId })).some((g) => g.groupId === groupId)).toBe(false);
  });
});
