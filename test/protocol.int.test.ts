import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInternalCluster, type InternalBroker, type InternalCluster } from '../src/main/kafka/kafkajs/internals';
import { DescribeCluster } from '../src/main/kafka/protocol/generated/describe-cluster';
import { DescribeConfigs } from '../src/main/kafka/protocol/generated/describe-configs';
import { DescribeProducers } from '../src/main/kafka/protocol/generated/describe-producers';
import { ListGroups } from '../src/main/kafka/protocol/generated/list-groups';
import { ListOffsets } from '../src/main/kafka/protocol/generated/list-offsets';
import { negotiateVersion, sendApi, UnsupportedApiError } from '../src/main/kafka/protocol/send-api';
import { createTopic, sharedBootstrap, testKafka, uniqueTopic } from './support/kafka';

/** The generated codec against the real broker: classic and flexible versions, cross-checked with kcat and kafkajs. */
describe('generated protocol requests against the real broker', () => {
  const bootstrap = sharedBootstrap();
  const topic = uniqueTopic('protocol');
  let cluster: InternalCluster;
  let broker: InternalBroker;

  beforeAll(async () => {
    await createTopic(bootstrap, topic, 2);
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', '1'], { input: 'a\nb\nc\n' });
    cluster = createInternalCluster(testKafka(bootstrap));
    await cluster.connect();
    await cluster.refreshMetadata();
    const nodeId = cluster.brokerPool.metadata!.brokers[0]!.nodeId;
    broker = await cluster.findBroker({ nodeId });
  });
  afterAll(async () => {
    await cluster?.disconnect();
  });

  it('DescribeCluster names the same broker and cluster id as kafkajs', async () => {
    const { version, response } = await sendApi(broker, DescribeCluster, { includeClusterAuthorizedOperations: false });
    expect(version).toBeGreaterThanOrEqual(1);
    expect(response.errorCode).toBe(0);
    const kafkajs = await testKafka(bootstrap).admin().describeCluster();
    expect(response.clusterId).toBe(kafkajs.clusterId);
    expect(response.brokers.map((b) => `${b.host}:${b.port}`)).toEqual(kafkajs.brokers.map((b) => `${b.host}:${b.port}`));
  });

  it('ListOffsets reads the end offsets kcat wrote, as int64', async () => {
    const { response } = await sendApi(broker, ListOffsets, {
      replicaId: -1,
      topics: [{ name: topic, partitions: [0, 1].map((partitionIndex) => ({ partitionIndex, timestamp: -1n })) }],
    });
    // The broker answers partitions in any order.
    const partitions = [...response.topics[0]!.partitions].sort((a, b) => a.partitionIndex - b.partitionIndex);
    expect(partitions.map((p) => [p.partitionIndex, p.errorCode, p.offset])).toEqual([
      [0, 0, 0n],
      [1, 0, 3n],
    ]);
  });

  it('DescribeConfigs (flexible v4) returns the topic config as kafkajs does', async () => {
    const { response } = await sendApi(broker, DescribeConfigs, {
      resources: [{ resourceType: 2, resourceName: topic, configurationKeys: ['cleanup.policy'] }],
      includeSynonyms: false,
      includeDocumentation: true,
    });
    const entry = response.results[0]!.configs.find((c) => c.name === 'cleanup.policy');
    expect(entry?.value).toBe('delete');
    expect(entry?.documentation).toMatch(/retention policy/i);
  });

  it('ListGroups and DescribeProducers answer with their empty/idle shapes', async () => {
    const groups = await sendApi(broker, ListGroups, {});
    expect(groups.response.errorCode).toBe(0);
    expect(Array.isArray(groups.response.groups)).toBe(true);
    const producers = await sendApi(broker, DescribeProducers, { topics: [{ name: topic, partitionIndexes: [1] }] });
    const partition = producers.response.topics[0]!.partitions[0]!;
    expect(partition.errorCode).toBe(0);
    // kcat's idempotence is off, so the broker tracks its producer id only when it has one: whatever
    // it reports, the fields decode as numbers and bigints.
    for (const p of partition.activeProducers) expect(typeof p.producerId).toBe('bigint');
  });

  it('refuses an API the broker does not speak, naming it', async () => {
    const fake = { ...broker, versions: {} } as unknown as InternalBroker;
    expect(negotiateVersion(fake, ListGroups)).toBeNull();
    await expect(sendApi(fake, ListGroups, {})).rejects.toBeInstanceOf(UnsupportedApiError);
    await expect(sendApi(fake, ListGroups, {})).rejects.toThrow(/does not support ListGroups/);
  });
});
