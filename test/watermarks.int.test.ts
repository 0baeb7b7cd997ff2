import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionConfig } from '../src/shared/api';
import { createKafkajsClient } from '../src/main/kafka/kafkajs/create-client';
import type { KafkaClient } from '../src/main/kafka/client';
import { createLogger } from '../src/main/log';
import { createTopic, sharedBootstrap, testKafka, uniqueTopic } from './support/kafka';

/** kcat's answer for a partition's end (-1, latest) or start (-2, earliest): the independent peer. */
function kcatOffset(bootstrap: string, topic: string, partition: number, which: -1 | -2): string {
  const out = execFileSync('kcat', ['-b', bootstrap, '-Q', '-t', `${topic}:${partition}:${which}`]).toString();
  // "<topic> [0] offset 30"
  return /offset (-?\d+)/.exec(out)![1]!;
}

describe('watermarks and log ends of a topic whose log start moved (ListOffsets, per leader)', () => {
  const bootstrap = sharedBootstrap();
  const topic = uniqueTopic('watermarks');
  let client: KafkaClient;

  beforeAll(async () => {
    await createTopic(bootstrap, topic, 2);
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', '0'], { input: Array.from({ length: 30 }, (_, i) => `a${i}`).join('\n') });
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', '1'], { input: Array.from({ length: 7 }, (_, i) => `b${i}`).join('\n') });
    const admin = testKafka(bootstrap).admin();
    await admin.connect();
    await admin.fetchTopicMetadata({ topics: [topic] }); // kafkajs routes the delete by its own metadata
    await admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '10' }] });
    await admin.disconnect();
    client = createKafkajsClient(ConnectionConfig.parse({ brokers: bootstrap.split(',') }), createLogger('test', { level: 'error' }));
    await client.connect();
  });
  afterAll(async () => {
    await client?.close();
    const admin = testKafka(bootstrap).admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('reads each partition’s start and end as kcat does, with or without a metadata snapshot', async () => {
    const expected = [0, 1].map((partition) => ({ topic, partition, low: kcatOffset(bootstrap, topic, partition, -2), high: kcatOffset(bootstrap, topic, partition, -1) }));
    expect(expected.map((e) => [e.low, e.high])).toEqual([
      ['10', '30'],
      ['0', '7'],
    ]);
    expect(await client.fetchWatermarks([topic])).toEqual(expected);
    const metadata = await client.fetchMetadata([topic]);
    expect(await client.fetchWatermarks([topic], { metadata })).toEqual(expected);
  });

  it('reads only the ends when asked for log ends: the same highs, no log start', async () => {
    const metadata = await client.fetchMetadata([topic]);
    const ends = await client.fetchLogEnds([topic], { metadata });
    expect(ends).toEqual([
      { topic, partition: 0, high: kcatOffset(bootstrap, topic, 0, -1) },
      { topic, partition: 1, high: kcatOffset(bootstrap, topic, 1, -1) },
    ]);
    expect(await client.fetchLogEnds([topic])).toEqual(ends);
    expect(await client.fetchLogEnds([])).toEqual([]);
  });

  it('finds the first offset at or after a time as kcat -Q does, and the end where nothing is that recent', async () => {
    // Each of partition 0's kept messages with its timestamp, as kcat reads them.
    const times = execFileSync('kcat', ['-b', bootstrap, '-C', '-t', topic, '-p', '0', '-o', 'beginning', '-e', '-q', '-f', '%o %T\n'])
      .toString()
      .trim()
      .split('\n')
      .map((line) => line.split(' ').map(Number) as [number, number]);
    expect(times).toHaveLength(20);
    const kcatAt = (partition: number, at: number) => /offset (-?\d+)/.exec(execFileSync('kcat', ['-b', bootstrap, '-Q', '-t', `${topic}:${partition}:${at}`]).toString())![1]!;
    for (const at of [0, times[5]![1], times[15]![1] + 1]) {
      const app = await client.fetchOffsetsAtTime(topic, at);
      expect(app).toEqual([0, 1].map((partition) => ({ partition, offset: kcatAt(partition, at) === '-1' ? kcatOffset(bootstrap, topic, partition, -1) : kcatAt(partition, at) })));
    }
    const future = Date.now() + 3_600_000;
    expect(kcatAt(0, future)).toBe('-1');
    expect(await client.fetchOffsetsAtTime(topic, future)).toEqual([
      { partition: 0, offset: '30' },
      { partition: 1, offset: '7' },
    ]);
  });
});
