import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toOffsetRuns } from '../src/shared/messages/offset-runs';
import { startTestApp, type TestApp } from './support/app';
import { createTopicsReady, sharedBootstrap, testKafka, uniqueTopic } from './support/kafka';

const BIG = 5 * 1024 * 1024;
/** Bytes as hex, or (long ones) their length and SHA-256, so a failure prints something readable. */
const bytesOf = (b: Buffer | string | null | undefined) => {
  if (b === null || b === undefined) return null;
  const buf = Buffer.from(b);
  return buf.length <= 64 ? buf.toString('hex') : `${buf.length} B sha256:${createHash('sha256').update(buf).digest('hex')}`;
};

/** Every record of a topic, per partition in offset order, read by plain kafkajs (not the app). */
async function readAll(bootstrap: string, topic: string, expected: number): Promise<Map<number, KafkaMessage[]>> {
  const consumer = testKafka(bootstrap).consumer({ groupId: `check-${topic}`, maxBytes: 32 * 1024 * 1024, maxBytesPerPartition: 16 * 1024 * 1024 });
  const byPartition = new Map<number, KafkaMessage[]>();
  let seen = 0;
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read ${seen} of ${expected} messages of ${topic}`)), 60_000);
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          byPartition.set(partition, [...(byPartition.get(partition) ?? []), message]);
          if (++seen === expected) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return byPartition;
}

/** A record's bytes as comparable text: key, value, headers in order (repeated keys kept), time. */
function shape(m: KafkaMessage, withTime: boolean) {
  const headers = Object.entries(m.headers ?? {}).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => [k, bytesOf(x as Buffer)]));
  return { key: bytesOf(m.key), value: bytesOf(m.value), headers, ...(withTime ? { timestamp: m.timestamp } : {}) };
}

describe('export and import: nothing lost, nothing changed', () => {
  const bootstrap = sharedBootstrap();
  const source = uniqueTopic('export-src');
  const target = uniqueTopic('export-dst');
  const exportDir = mkdtempSync(join(tmpdir(), 'ke-export-'));
  const big = randomBytes(BIG);
  let app: TestApp;
  let connectionId: string;
  const headers = (h: IHeaders) => h;
  const messages = [
    { partition: 0, key: Buffer.from([0x00, 0xff, 0xfe]), value: Buffer.from([0xde, 0xad, 0x00, 0xbe, 0xef]), headers: headers({ trace: Buffer.from([0xc3, 0x28, 0xff]), ok: 'text' }), timestamp: '1700000000001' },
    { partition: 0, key: Buffer.from('00 ff fe'), value: Buffer.from('the text "00 ff fe"\n'), timestamp: '1700000000002' },
    { partition: 0, key: null, value: Buffer.from('{"a":"ünï"}'), headers: headers({ dup: [Buffer.from('1'), Buffer.from([0x80])] }), timestamp: '1700000000003' },
    { partition: 1, key: Buffer.from('big'), value: big, timestamp: '1700000000004' },
    { partition: 1, key: Buffer.from('null'), value: null, timestamp: '1700000000005' },
    { partition: 1, key: Buffer.from([0, 0, 0, 0, 7, 1]), value: Buffer.from([0, 0, 0, 0, 7, 2, 3]), timestamp: '1700000000006' },
  ];

  beforeAll(async () => {
    process.env.KAFKA_EXPLORER_EXPORT_DIR = exportDir;
    // retention.ms=-1: the messages carry 2023 create times, which retention would delete within minutes.
    const configEntries = [
      { name: 'max.message.bytes', value: String(12 * 1024 * 1024) },
      { name: 'retention.ms', value: '-1' },
    ];
    await createTopicsReady(bootstrap, [
      { topic: source, numPartitions: 2, configEntries },
      { topic: target, numPartitions: 2, configEntries },
    ]);
    const producer = testKafka(bootstrap).producer();
    await producer.connect();
    for (const m of messages) await producer.send({ topic: source, messages: [m] });
    await producer.disconnect();
    app = startTestApp();
    connectionId = (await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } })).connectionId;
  });
  afterAll(async () => {
    delete process.env.KAFKA_EXPLORER_EXPORT_DIR;
    await app?.close();
    rmSync(exportDir, { recursive: true, force: true });
  });

  const all = () => [0, 0, 0, 1, 1, 1].map((partition, i) => ({ partition, offset: String(i % 3) }));

  it('exports whole values to a file main writes, and imports it back into another topic byte for byte', async () => {
    const exported = await app.call('messages.export', { connectionId, runId: 'exp-1', topic: source, format: 'ndjson', fileName: 'round-trip.ndjson', selection: toOffsetRuns(all()) });
    expect(exported).toMatchObject({ messages: 6, missing: 0, cancelled: false, path: join(exportDir, 'round-trip.ndjson') });
    const content = readFileSync(exported.path!, 'utf8');
    expect(Buffer.byteLength(content)).toBe(exported.bytes);
    const lines = content.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.partition, l.offset, l.keyEncoding, l.valueEncoding])).toEqual([
      [0, '0', 'base64', 'base64'],
      [0, '1', 'utf8', 'utf8'],
      [0, '2', null, 'utf8'],
      [1, '0', 'utf8', 'base64'],
      [1, '1', 'utf8', null],
      [1, '2', 'base64', 'base64'],
    ]);
    expect(lines.some((l) => 'truncated' in l)).toBe(false);

    const imported = await app.call('produce.import', { connectionId, topic: target, runId: 'imp-1', format: 'ndjson', content, keep: { partition: true, timestamp: true } });
    expect(imported).toMatchObject({ sent: 6, failed: 0 });

    const [before, after] = await Promise.all([readAll(bootstrap, source, 6), readAll(bootstrap, target, 6)]);
    for (const p of [0, 1]) {
      expect(after.get(p)!.map((m) => shape(m, true))).toEqual(before.get(p)!.map((m) => shape(m, true)));
    }
    expect(after.get(1)![0]!.value!.equals(big)).toBe(true);
    // kcat (librdkafka), an independent reader, prints the same bytes for both topics: keys, values, headers, times.
    const kcat = (topic: string, partition: number) =>
      execFileSync('kcat', ['-b', bootstrap, '-C', '-t', topic, '-p', String(partition), '-o', 'beginning', '-e', '-q', '-f', '%T|%K:%k|%S:%s|%h\n'], { maxBuffer: 64 * 1024 * 1024 });
    for (const p of [0, 1]) {
      const [a, b] = [kcat(source, p), kcat(target, p)];
      expect(b.length).toBeGreaterThan(p === 1 ? BIG : 10);
      expect(createHash('sha256').update(b).digest('hex')).toBe(createHash('sha256').update(a).digest('hex'));
    }
  });

  it('writes whole values in JSON and CSV too, and only the offsets asked for', async () => {
    const csv = await app.call('messages.export', { connectionId, runId: 'exp-2', topic: source, format: 'csv', fileName: 'big.csv', selection: toOffsetRuns([{ partition: 1, offset: '0' }]) });
    const text = readFileSync(csv.path!, 'utf8');
    expect(text.split('\r\n')[1]).toBe(`1,0,1700000000004,CreateTime,big,utf8,${big.toString('base64')},base64,{}`);
    const json = await app.call('messages.export', { connectionId, runId: 'exp-3', topic: source, format: 'json', fileName: 'some.json', selection: toOffsetRuns([{ partition: 0, offset: '2' }, { partition: 1, offset: '0' }, { partition: 1, offset: '99' }]) });
    expect(json).toMatchObject({ messages: 2, missing: 1 });
    const parsed = JSON.parse(readFileSync(json.path!, 'utf8')) as { offset: string; value: string }[];
    expect(parsed.map((m) => m.offset)).toEqual(['2', '0']);
    expect(Buffer.from(parsed[1]!.value, 'base64').equals(big)).toBe(true);
    // The same name again: a new file beside it, nothing overwritten.
    const again = await app.call('messages.export', { connectionId, runId: 'exp-4', topic: source, format: 'json', fileName: 'some.json', selection: toOffsetRuns([{ partition: 0, offset: '0' }]) });
    expect(again.path).toBe(join(exportDir, 'some (1).json'));
  });

  it('gives the detail pane the whole value: fetched by partition and offset, or saved to a file', async () => {
    const whole = await app.call('messages.get', { connectionId, topic: source, partition: 1, offset: '0' });
    expect(whole.value).toMatchObject({ encoding: 'base64', size: BIG });
    expect(whole.value!.truncated).toBeUndefined();
    expect(Buffer.from(whole.value!.data, 'base64').equals(big)).toBe(true);
    const saved = await app.call('messages.saveValue', { connectionId, topic: source, partition: 1, offset: '0', part: 'value', fileName: 'value.bin' });
    expect(saved).toEqual({ path: join(exportDir, 'value.bin'), bytes: BIG });
    expect(readFileSync(saved.path!).equals(big)).toBe(true);
    const header = await app.call('messages.saveValue', { connectionId, topic: source, partition: 0, offset: '0', part: { header: 0 }, fileName: 'header.bin' });
    expect(readFileSync(header.path!)).toEqual(Buffer.from([0xc3, 0x28, 0xff]));
    const tombstone = await app.call('messages.saveValue', { connectionId, topic: source, partition: 1, offset: '1', part: 'value', fileName: 'x.bin' }).catch((e: Error) => e);
    expect((tombstone as Error).message).toMatch(/null/);
    const gone = await app.call('messages.get', { connectionId, topic: source, partition: 0, offset: '50' }).catch((e: { code: string }) => e);
    expect((gone as { code: string }).code).toBe('NOT_FOUND');
  });
});
