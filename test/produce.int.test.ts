import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/shared/errors';
import { ConnectionConfig, type MessageDraftInput } from '../src/shared/api';
import { repoRoot } from '../scripts/kafka/cluster';
import { startTestApp, type TestApp } from './support/app';
import { ImportPool } from '../src/main/services/produce/import-pool';
import { createKafkajsClient } from '../src/main/kafka/kafkajs/create-client';
import { createLogger } from '../src/main/log';
import { partitionForKey } from '../src/shared/produce/murmur2';
import { kafkaToolOf } from './support/java-clients';
import { eventually } from './support/eventually';
import { createTopic, createTopicsReady, sharedBootstrap, startCluster, uniqueTopic, type RunningCluster } from './support/kafka';

/** Reads a whole topic with kcat (librdkafka), an independent client. */
function kcatRead(bootstrap: string, topic: string): { key: string; value: string; partition: number; headers: string }[] {
  const out = execFileSync('kcat', ['-b', bootstrap, '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%k\t%s\t%p\t%h\n'], { timeout: 30_000, maxBuffer: 64 * 1024 * 1024 }).toString();
  return out
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => {
      const [key = '', value = '', partition = '', headers = ''] = l.split('\t');
      return { key, value, partition: Number(partition), headers };
    });
}

const json = (text: string) => ({ format: 'json' as const, text });
const text = (t: string) => ({ format: 'text' as const, text: t });

describe('producing to a real broker', () => {
  const bootstrap = sharedBootstrap();
  let app: TestApp;
  let connectionId: string;
  let readOnlyId: string;

  beforeAll(async () => {
    app = startTestApp();
    connectionId = (await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } })).connectionId;
    readOnlyId = (await app.call('connection.connect', { config: { brokers: bootstrap.split(','), readOnly: true } })).connectionId;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('sends one JSON message with key and headers; kcat reads exactly that', async () => {
    const topic = uniqueTopic('one');
    await createTopic(bootstrap, topic, 3);
    const message: MessageDraftInput = {
      key: text('location-update'),
      value: json('{"rider_name": "Master Chief", "loc": "SOUTH"}'),
      headers: [{ key: 'source', value: 'kafka-explorer' }, { key: 'trace', value: 'abc' }],
      partition: 0,
    };
    const result = await app.call('produce.send', { connectionId, topic, message });
    expect(result).toMatchObject({ topic, partition: 0, offset: '0', timestampType: 'CreateTime' });
    const [read] = kcatRead(bootstrap, topic);
    expect(read).toEqual({ key: 'location-update', value: '{"rider_name": "Master Chief", "loc": "SOUTH"}', partition: 0, headers: 'source=kafka-explorer,trace=abc' });
    const history = await app.call('produce.history', { connectionId });
    expect(history[0]).toMatchObject({ topic, result: { offset: '0' } });
  });

  it('puts keyed messages on the partition librdkafka (murmur2, as Java) picks', async () => {
    const ours = uniqueTopic('keys-app');
    const theirs = uniqueTopic('keys-kcat');
    await createTopic(bootstrap, ours, 7);
    await createTopic(bootstrap, theirs, 7);
    const keys = Array.from({ length: 40 }, (_, i) => `customer-${i * 13}`);
    for (const key of keys) await app.call('produce.send', { connectionId, topic: ours, message: { key: text(key), value: text('x') } });
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', theirs, '-K', ':', '-X', 'topic.partitioner=murmur2_random'], { input: keys.map((k) => `${k}:x`).join('\n') });
    const where = (topic: string) => Object.fromEntries(kcatRead(bootstrap, topic).map((m) => [m.key, m.partition]));
    const [a, b] = [where(ours), where(theirs)];
    expect(Object.keys(a)).toHaveLength(40);
    expect(a).toEqual(b);
    expect(new Set(Object.values(a)).size).toBeGreaterThan(3);
  });

  // 25,000 is more than one block: built and encoded in the worker threads, blocks sent side by side.
  it.each([[2500, 'inline'], [25_000, 'in worker threads']])('sends a templated burst of %i (%s) with per-partition counts kcat agrees with', async (count) => {
    const topic = uniqueTopic('burst');
    await createTopic(bootstrap, topic, 4);
    const progress: number[] = [];
    const summary = await app.call('produce.burst', {
      connectionId,
      topic,
      runId: `burst-${count}`,
      count,
      message: { key: text('k-{{int 1 50}}'), value: json('{"seq": {{seq}}, "loc": "{{pick "NORTH" "SOUTH"}}", "id": "{{uuid}}"}'), headers: [{ key: 'n', value: '{{seq}}' }] },
    });
    for (const e of app.events) if (e.name === 'produce.progress' && e.payload.runId === `burst-${count}`) progress.push(e.payload.sent);
    expect(summary).toMatchObject({ sent: count, failed: 0, cancelled: false, errors: [] });
    expect(progress.at(-1)).toBe(count);
    const read = kcatRead(bootstrap, topic);
    expect(read).toHaveLength(count);
    const seqs = read.map((m) => JSON.parse(m.value).seq as number).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    const counts = new Map<number, number>();
    for (const m of read) counts.set(m.partition, (counts.get(m.partition) ?? 0) + 1);
    expect(summary.perPartition).toEqual([...counts].map(([partition, count]) => ({ partition, count })).sort((x, y) => x.partition - y.partition));
    // Each header is its own record's seq, and each key sits where murmur2 puts it.
    expect(read.every((m) => m.headers === `n=${JSON.parse(m.value).seq}` && m.partition === partitionForKey(Buffer.from(m.key), 4))).toBe(true);
  });

  it('sends a burst of large values without exceeding the broker’s batch limit (message.max.bytes)', async () => {
    const topic = uniqueTopic('bigburst');
    await createTopic(bootstrap, topic, 1);
    // 3,000 values of 3 KB to one partition: 9 MB, far above the 1 MB a single record batch may carry.
    const summary = await app.call('produce.burst', { connectionId, topic, runId: 'big', count: 3000, message: { key: null, value: text('{{seq}}:' + 'x'.repeat(3000)) } });
    expect(summary).toMatchObject({ sent: 3000, failed: 0, errors: [] });
    const offsets = await (async () => {
      const admin = (await import('./support/kafka')).testKafka(bootstrap).admin();
      await admin.connect();
      try {
        return await admin.fetchTopicOffsets(topic);
      } finally {
        await admin.disconnect();
      }
    })();
    expect(offsets.map((o) => o.high)).toEqual(['3000']);
  });

  it('paces a burst to the rate asked for, and stops at once when cancelled', async () => {
    const topic = uniqueTopic('rate');
    await createTopic(bootstrap, topic, 1);
    const paced = await app.call('produce.burst', { connectionId, topic, runId: 'rate-1', count: 60, ratePerSecond: 40, message: { key: null, value: text('{{seq}}') } });
    expect(paced.sent).toBe(60);
    expect(paced.elapsedMs).toBeGreaterThan(1300);
    const controller = new AbortController();
    const running = app.call('produce.burst', { connectionId, topic, runId: 'rate-2', count: 100_000, ratePerSecond: 100, message: { key: null, value: text('{{seq}}') } }, controller.signal);
    setTimeout(() => controller.abort(), 500);
    const cancelled = await running;
    expect(cancelled.cancelled).toBe(true);
    expect(cancelled.sent).toBeLessThan(200);
  });

  it('imports NDJSON lines as messages and counts every bad line with its reason', async () => {
    const topic = uniqueTopic('import');
    await createTopic(bootstrap, topic, 2);
    const content = ['{"key":"a","value":{"n":1},"headers":{"h":"1"}}', '{"key":"b","value":"two","partition":1}', 'not json', '{"key":"c","value":null}'].join('\n');
    const summary = await app.call('produce.import', { connectionId, topic, runId: 'imp', format: 'ndjson', content });
    expect(summary.sent).toBe(3);
    expect(summary.failed).toBe(1);
    expect(summary.errors[0]?.reason).toMatch(/^line 3: not valid JSON/);
    const read = kcatRead(bootstrap, topic);
    expect(read.map((m) => [m.key, m.value]).sort()).toEqual([
      ['a', '{"n":1}'],
      ['b', 'two'],
      ['c', ''],
    ]);
    expect(read.find((m) => m.key === 'b')?.partition).toBe(1);
  });

  it('imports a file bigger than a block through the worker threads: file order per partition, bad lines named by their line in the file', async () => {
    const topic = uniqueTopic('import-big');
    await createTopic(bootstrap, topic, 3);
    // 30,000 lines of about 130 characters: four blocks of 1 MiB. Line 2 is not JSON, line 25,001
    // names a partition that does not exist; blank and CRLF lines sit between blocks' lines.
    const lines = Array.from({ length: 30_000 }, (_, i) => JSON.stringify({ key: `k${i % 7}`, value: JSON.stringify({ seq: i + 1, pad: 'é'.repeat(3) + 'x'.repeat(80) }) }));
    lines[1] = '{"key":"k1","value":';
    lines[25_000] = '{"key":"k1","value":"v","partition":9}';
    lines[12_000] = '   ';
    const content = lines.map((l, i) => (i % 1000 === 999 ? `${l}\r` : l)).join('\n');
    expect(content.length).toBeGreaterThan(3 * 1024 * 1024);
    const pool = ImportPool.shared();
    expect(pool, 'this machine has two cores: the import must use its workers').not.toBeNull();

    const summary = await app.call('produce.import', { connectionId, topic, runId: 'imp-big', format: 'ndjson', content });
    expect(pool!.running).toBe(pool!.size);
    expect(summary).toMatchObject({ sent: 29_997, failed: 2, cancelled: false });
    expect(summary.errors.map((e) => e.reason.replace(/ \(.*/, ''))).toEqual(['line 2: not valid JSON', 'line 25001: partition 9 does not exist']);

    const read = kcatRead(bootstrap, topic);
    expect(read).toHaveLength(29_997);
    const lastSeq = new Map<number, number>();
    for (const m of read) {
      const { seq, pad } = JSON.parse(m.value) as { seq: number; pad: string };
      // Each key lands where murmur2 puts it, after the lines before it in the file.
      expect(m.partition).toBe(partitionForKey(Buffer.from(m.key), 3));
      expect(seq).toBeGreaterThan(lastSeq.get(m.partition) ?? 0);
      expect(pad).toBe('ééé' + 'x'.repeat(80));
      lastSeq.set(m.partition, seq);
    }
  });

  it('previews a file with the import’s own checks and sends nothing', async () => {
    const topic = uniqueTopic('preview');
    await createTopic(bootstrap, topic, 2);
    const content = ['{"key":"a","value":{"n":1}}', '', '{"key":"b","value":"two","partition":5}', 'not json', '{"key":"c","value":null}'].join('\r\n');
    const preview = await app.call('produce.importPreview', { connectionId, topic, format: 'ndjson', content });
    expect(preview).toMatchObject({ total: 4, invalid: 2, firstInvalid: { line: 3, reason: 'line 3: partition 5 does not exist (0–1)' } });
    expect(preview.sample).toEqual([
      { line: 1, text: '{"key":"a","value":{"n":1}}' },
      { line: 3, text: '{"key":"b","value":"two","partition":5}' },
      { line: 4, text: 'not json' },
    ]);
    // Not keeping partitions, line 3 is fine; as plain lines every line is.
    expect(await app.call('produce.importPreview', { connectionId, topic, format: 'ndjson', content, keep: { partition: false, timestamp: false } })).toMatchObject({ invalid: 1, firstInvalid: { line: 4 } });
    expect(await app.call('produce.importPreview', { connectionId, topic, format: 'lines', content })).toMatchObject({ total: 4, invalid: 0, firstInvalid: null });
    expect(kcatRead(bootstrap, topic)).toHaveLength(0);
  });

  it('refuses every send on a read-only connection, in main', async () => {
    const topic = uniqueTopic('ro');
    await createTopic(bootstrap, topic, 1);
    for (const call of [
      () => app.call('produce.send', { connectionId: readOnlyId, topic, message: { key: null, value: text('x') } }),
      () => app.call('produce.burst', { connectionId: readOnlyId, topic, runId: 'ro', count: 5, message: { key: null, value: text('x') } }),
      () => app.call('produce.import', { connectionId: readOnlyId, topic, runId: 'ro2', format: 'lines', content: 'a\nb' }),
    ]) {
      const error = (await call().catch((e) => e)) as AppError;
      expect(error.code).toBe('READ_ONLY');
    }
    expect(kcatRead(bootstrap, topic)).toHaveLength(0);
  });

  it('explains failures: unknown topic, message too large with the limit, bad JSON, missing partition, unconfirmed huge burst', async () => {
    const missing = (await app.call('produce.send', { connectionId, topic: uniqueTopic('nope'), message: { key: null, value: text('x') } }).catch((e) => e)) as AppError;
    expect(missing.code).toBe('UNKNOWN_TOPIC_OR_PARTITION');

    const small = uniqueTopic('small');
    await createTopicsReady(bootstrap, [{ topic: small, numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: '2000' }] }]);
    const big = (await app.call('produce.send', { connectionId, topic: small, message: { key: null, value: text('x'.repeat(50_000)) } }).catch((e) => e)) as AppError;
    expect(big.code).toBe('MESSAGE_TOO_LARGE');
    expect(big.message).toContain('at most 2,000 bytes (max.message.bytes)');

    const badJson = (await app.call('produce.send', { connectionId, topic: small, message: { key: null, value: json('{"a": }') } }).catch((e) => e)) as AppError;
    expect(badJson.code).toBe('VALIDATION');
    expect(badJson.message).toContain('value is not valid JSON');
    const badPartition = (await app.call('produce.send', { connectionId, topic: small, message: { key: null, value: text('x'), partition: 5 } }).catch((e) => e)) as AppError;
    expect(badPartition.message).toContain('partition 5 does not exist');
    const huge = (await app.call('produce.burst', { connectionId, topic: small, runId: 'huge', count: 2_000_000, message: { key: null, value: text('x') } }).catch((e) => e)) as AppError;
    expect(huge.message).toContain('needs confirmation');
  });

  it('bursts and imports refused for their size name max.message.bytes, as a single send does', async () => {
    const small = uniqueTopic('small-burst');
    await createTopicsReady(bootstrap, [{ topic: small, numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: '2000' }] }]);
    const single = (await app.call('produce.send', { connectionId, topic: small, message: { key: null, value: text('x'.repeat(50_000)) } }).catch((e) => e)) as AppError;
    expect(single.message).toContain(`${small} accepts at most 2,000 bytes (max.message.bytes)`);

    const burst = await app.call('produce.burst', { connectionId, topic: small, runId: 'too-big', count: 3, message: { key: null, value: text('{{seq}}' + 'x'.repeat(50_000)) } });
    expect(burst).toMatchObject({ sent: 0, failed: 3 });
    expect(burst.errors).toEqual([{ reason: `Message too large: ${small} accepts at most 2,000 bytes (max.message.bytes).`, count: 3 }]);

    const content = [1, 2].map((n) => JSON.stringify({ key: `k${n}`, value: 'y'.repeat(50_000) })).join('\n');
    const imported = await app.call('produce.import', { connectionId, topic: small, runId: 'too-big-file', format: 'ndjson', content });
    expect(imported.errors).toEqual([{ reason: `Message too large: ${small} accepts at most 2,000 bytes (max.message.bytes).`, count: 2 }]);
    expect(kcatRead(bootstrap, small)).toHaveLength(0);
  });

  it('a deleted topic is refused in one sentence that names it, not the bare error code', async () => {
    const gone = uniqueTopic('deleted');
    await createTopic(bootstrap, gone, 1);
    await app.call('produce.send', { connectionId, topic: gone, message: { key: null, value: text('a') } });
    const admin = (await import('./support/kafka')).testKafka(bootstrap).admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [gone] });
    await admin.disconnect();
    for (const call of [
      () => app.call('produce.send', { connectionId, topic: gone, message: { key: null, value: text('b') } }),
      () => app.call('produce.burst', { connectionId, topic: gone, runId: 'gone', count: 5, message: { key: null, value: text('x') } }),
    ]) {
      const error = (await call().catch((e) => e)) as AppError;
      expect(error.code).toBe('UNKNOWN_TOPIC_OR_PARTITION');
      expect(error.message).toBe(`Topic ${gone} does not exist on this cluster: it may have been deleted.`);
    }
  });

  it('a send that outlives its cached metadata names the deleted topic as unknown, not leaderless', async () => {
    // The service checks the topic first; this is the race past that check: the client still
    // holds the topic's leader, the broker refuses, and the refreshed metadata no longer names it.
    const gone = uniqueTopic('deleted-race');
    await createTopic(bootstrap, gone, 1);
    const client = createKafkajsClient(ConnectionConfig.parse({ brokers: bootstrap.split(',') }), createLogger('test', { level: 'error' }));
    try {
      const record = { key: null, value: 'a', headers: [], partition: 0, timestamp: Date.now() };
      const options = { acks: 'all' as const, compression: 'none' as const };
      await client.produce(gone, [record], options);
      const admin = (await import('./support/kafka')).testKafka(bootstrap).admin();
      await admin.connect();
      await admin.deleteTopics({ topics: [gone] });
      await admin.disconnect();
      const error = (await client.produce(gone, [record], options).catch((e) => e)) as AppError;
      expect(error.code).toBe('UNKNOWN_TOPIC_OR_PARTITION');
    } finally {
      await client.close();
    }
  });

  it('keeps producing after a topic it sent to is deleted (kafkajs would refuse every later send)', async () => {
    const gone = uniqueTopic('gone');
    const next = uniqueTopic('next');
    await createTopic(bootstrap, gone, 1);
    await createTopic(bootstrap, next, 1);
    await app.call('produce.send', { connectionId, topic: gone, message: { key: null, value: text('a') } });
    const admin = (await import('./support/kafka')).testKafka(bootstrap).admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [gone] });
    await admin.disconnect();
    const result = await app.call('produce.send', { connectionId, topic: next, message: { key: null, value: text('b') } });
    expect(result.offset).toBe('0');
    expect(kcatRead(bootstrap, next).map((m) => m.value)).toEqual(['b']);
  });

  it('acks=none sends without waiting for an offset', async () => {
    const topic = uniqueTopic('acks0');
    await createTopic(bootstrap, topic, 1);
    const result = await app.call('produce.send', { connectionId, topic, message: { key: null, value: text('fire and forget') }, options: { acks: 'none', compression: 'none' } });
    expect(result.offset).toBeNull();
    await new Promise((r) => setTimeout(r, 500));
    expect(kcatRead(bootstrap, topic).map((m) => m.value)).toEqual(['fire and forget']);
  });
});

describe('compression codecs, checked on disk', () => {
  let cluster: RunningCluster;
  let app: TestApp;
  const name = `codecs-${process.pid}`;
  beforeAll(async () => {
    cluster = await startCluster({ nodes: 1, name });
    app = startTestApp();
  });
  afterAll(async () => {
    await app?.close();
    await cluster?.stop();
  });

  it('writes gzip, snappy, lz4 and zstd batches that librdkafka reads and the log records with that codec', async () => {
    const { connectionId } = await app.call('connection.connect', { config: { brokers: [cluster.bootstrap] } });
    const codecs = ['gzip', 'snappy', 'lz4', 'zstd'] as const;
    for (const codec of codecs) {
      await createTopic(cluster.bootstrap, `codec-${codec}`, 1);
      const summary = await app.call('produce.burst', {
        connectionId,
        topic: `codec-${codec}`,
        runId: codec,
        count: 200,
        message: { key: text('k{{seq}}'), value: json('{"codec": "' + codec + '", "seq": {{seq}}, "pad": "' + 'abc'.repeat(50) + '"}') },
        options: { compression: codec, acks: 'all' },
      });
      expect(summary, codec).toMatchObject({ sent: 200, errors: [] });
      const read = kcatRead(cluster.bootstrap, `codec-${codec}`);
      expect(read).toHaveLength(200);
      expect(read.every((m) => JSON.parse(m.value).codec === codec)).toBe(true);
    }
    // Kafka's own DumpLogSegments tells which codec each stored batch uses.
    const logDir = join(repoRoot, '.kafka', 'run', name, 'node-1', 'data');
    const files = codecs.map((c) => {
      const dir = join(logDir, `codec-${c}-0`);
      return join(dir, readdirSync(dir).find((f) => f.endsWith('.log'))!);
    });
    const dump = await kafkaToolOf('DumpLogSegments', ['--files', files.join(',')]);
    for (const [i, codec] of codecs.entries()) {
      const section = dump.split('Dumping ')[i + 1] ?? '';
      expect(section).toContain(`codec-${codec}-0`);
      expect(section.toLowerCase()).toContain(`compresscodec: ${codec}`);
    }
  });
});

describe('not enough replicas, on a 3-node cluster with a broker down', () => {
  let cluster: RunningCluster;
  let app: TestApp;
  beforeAll(async () => {
    cluster = await startCluster({ nodes: 3, name: `isr-${process.pid}` });
    app = startTestApp();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await cluster?.stop();
  });

  /** Waits until `leader` itself (not whichever broker kafkajs asks) has `topic`'s ISR at `size`: it is the leader that checks acks=all. */
  async function waitForLeaderIsr(topic: string, size: number): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const meta = await (async () => {
        const admin = (await import('./support/kafka')).testKafka(cluster.bootstrap).admin();
        await admin.connect();
        try {
          return (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]?.partitions[0];
        } finally {
          await admin.disconnect();
        }
      })();
      const leader = cluster.nodes.find((n) => n.id === meta?.leader);
      if (meta && leader && meta.isr.length === size) {
        // kcat asks the broker it is given first: the leader's own view of the ISR.
        const own = JSON.parse(execFileSync('kcat', ['-b', `127.0.0.1:${leader.port}`, '-L', '-t', topic, '-J'], { timeout: 15_000 }).toString());
        if (own.topics?.[0]?.partitions?.[0]?.isrs?.length === size) return;
      }
      if (Date.now() > deadline) throw new Error(`the ISR of ${topic} did not reach ${size} within 30 s`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }

  // Kafka caps min.insync.replicas at the replica count, so a refusal needs a real missing replica.
  const strictTopic = (topic: string) => createTopicsReady(cluster.bootstrap, [{ topic, replicaAssignment: [{ partition: 0, replicas: [1, 2, 3] }], configEntries: [{ name: 'min.insync.replicas', value: '3' }] }]);

  it('a follower freezing while acks=all waits: what was written is said to be written, what was refused is said to be refused, and kcat agrees', async () => {
    const topic = uniqueTopic('isr-after');
    // acks=all waits up to the request timeout for the replicas: 12 s keeps the test short.
    const { connectionId } = await app.call('connection.connect', { config: { brokers: cluster.bootstrap.split(','), requestTimeoutMs: 12_000 } });
    await strictTopic(topic);
    // A first send while all is well: the leaders are known before node 2 freezes.
    await app.call('produce.send', { connectionId, topic, message: { key: null, value: text('before') }, options: { acks: 'all', compression: 'none' } });
    // Node 2 stops answering without leaving. The leader (node 1) writes the burst and waits for
    // node 2's copy; the controller drops node 2 from the ISR after broker.session.timeout.ms (6 s).
    // Kafka (3.9 and 4.x alike) holds the high watermark while the ISR is below min.insync.replicas,
    // so the wait ends in REQUEST_TIMED_OUT (older brokers: NOT_ENOUGH_REPLICAS_AFTER_APPEND).
    // Either way the records are in the log, and a retry would write them twice.
    await cluster.signalNode(2, 'SIGSTOP');
    try {
      const burst = await app.call('produce.burst', { connectionId, topic, runId: 'after-append', count: 20, message: { key: null, value: text('burst {{seq}}') }, options: { acks: 'all', compression: 'none' } });
      expect(burst).toMatchObject({ sent: 0, failed: 20 });
      expect(burst.errors).toHaveLength(1);
      expect(burst.errors[0]!.reason).toContain(`The leader of ${topic} wrote the message`);
      expect(burst.errors[0]!.reason).toContain('It is in the topic but not confirmed');
      expect(burst.errors[0]!.reason).toContain('min.insync.replicas=3');
      // By now the ISR has shrunk: the leader refuses before writing.
      const refused = (await app.call('produce.send', { connectionId, topic, message: { key: null, value: text('one') }, options: { acks: 'all', compression: 'none' } }).catch((e) => e)) as AppError;
      expect(refused.code).toBe('NOT_ENOUGH_REPLICAS');
      expect(refused.message).toContain('Nothing was written.');
    } finally {
      await cluster.signalNode(2, 'SIGCONT');
    }
    // kcat (librdkafka) reads the burst once, and not the refused message, once node 2 has caught up.
    await cluster.waitForBrokers(3);
    const values = (await eventually(async () => kcatRead(cluster.bootstrap, topic), (read) => read.length >= 21, 60_000)).map((m) => m.value);
    expect(values).toEqual(['before', ...Array.from({ length: 20 }, (_, i) => `burst ${i + 1}`)]);
  }, 120_000);

  it('acks=all is refused with the topic’s min.insync.replicas in the message, nothing written; acks=leader still writes', async () => {
    const topic = uniqueTopic('isr');
    const { connectionId } = await app.call('connection.connect', { config: { brokers: cluster.bootstrap.split(',') } });
    await strictTopic(topic);
    await cluster.stopNode(2);
    await cluster.waitForBrokers(2);
    await waitForLeaderIsr(topic, 2);
    const refused = (await app.call('produce.send', { connectionId, topic, message: { key: null, value: text('x') }, options: { acks: 'all', compression: 'none' } }).catch((e) => e)) as AppError;
    expect(refused.code).toBe('NOT_ENOUGH_REPLICAS');
    expect(refused.message).toContain(`${topic} needs min.insync.replicas=3 for acks=all`);
    expect(refused.message).toContain('Nothing was written.');
    expect(refused.hint).toContain('acks=leader');
    const written = await app.call('produce.send', { connectionId, topic, message: { key: null, value: text('y') }, options: { acks: 'leader', compression: 'none' } });
    expect(written.offset).toBe('0');
    // Kafka (3.9 and 4.x) holds the high watermark while fewer than min.insync.replicas are in
    // sync: readers see 'y' only once node 2 is back, as the hint says.
    await new Promise((r) => setTimeout(r, 2000));
    expect(kcatRead(cluster.bootstrap, topic)).toEqual([]);
    await cluster.startNode(2);
    expect((await eventually(async () => kcatRead(cluster.bootstrap, topic), (read) => read.length > 0, 60_000)).map((m) => m.value)).toEqual(['y']);
  }, 120_000);
});
