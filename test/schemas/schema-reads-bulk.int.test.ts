import avro from 'avsc';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MessageView } from '../../src/shared/api';
import { DecodePool } from '../../src/main/schemas/decode-pool';
import { frame } from '../../src/main/schemas/framing';
import { SchemaRegistryClient } from '../../src/main/schemas/registry-client';
import { startTestApp, type TestApp } from '../support/app';
import { createTopic, sharedBootstrap, sharedRegistryUrl, testKafka, uniqueTopic } from '../support/kafka';

const READING = { type: 'record', name: 'Reading', namespace: 'bulk', fields: [{ name: 'sensor', type: 'string' }, { name: 'seq', type: 'long' }, { name: 'celsius', type: 'double' }, { name: 'tags', type: { type: 'array', items: 'string' } }] };
const COUNT = 3_000;

/**
 * Reads big enough that the decoding runs on the decode pool's worker threads (chunks of
 * hundreds of records): every value decoded as the inline codec would, in order, the bad ones
 * (cut short, an id the registry never had) reported one by one, and filters on decoded text.
 */
describe('reading many schema-encoded values', () => {
  const bootstrap = sharedBootstrap();
  const registry = new SchemaRegistryClient({ urls: [sharedRegistryUrl()] });
  const topic = uniqueTopic('avro-bulk');
  const Reading = avro.Type.forSchema(READING as avro.Schema);
  const reading = (i: number) => ({ sensor: `s-${i % 7}`, seq: i, celsius: i / 4, tags: i % 3 ? ['ok'] : ['hot', `"q${i}"`] });
  let app: TestApp;
  let connectionId: string;
  let id: number;
  const messages = (runId: string): MessageView[] => app.messagesOf(runId);

  beforeAll(async () => {
    id = (await registry.register(`${topic}-value`, { schemaType: 'AVRO', schema: JSON.stringify({ ...READING, doc: topic }), references: [] })).id;
    await createTopic(bootstrap, topic, 1);
    const producer = testKafka().producer();
    await producer.connect();
    const value = (i: number) => {
      if (i === 1234) return frame(id, Reading.toBuffer(reading(i)).subarray(0, 3));
      if (i === 2345) return frame(2_000_000_000, Reading.toBuffer(reading(i)));
      return frame(id, Reading.toBuffer(reading(i)));
    };
    for (let start = 0; start < COUNT; start += 1_000) {
      await producer.send({ topic, messages: Array.from({ length: 1_000 }, (_, j) => ({ value: value(start + j) })) });
    }
    await producer.disconnect();
    app = startTestApp();
    connectionId = (await app.call('connection.connect', { config: { brokers: [bootstrap], schemaRegistry: { urls: [sharedRegistryUrl()] } } })).connectionId;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('decodes every value in order, and says which could not be decoded and why', async () => {
    const pooled = vi.spyOn(DecodePool.prototype, 'decode');
    const summary = await app.call('messages.search', { connectionId, runId: 'bulk', topic, position: { kind: 'beginning' }, limit: COUNT });
    expect(summary.progress).toMatchObject({ scanned: COUNT, matched: COUNT, undecodable: 2 });
    // On a machine with a spare core the work went to the worker threads.
    if (DecodePool.shared()) expect(pooled.mock.calls.reduce((n, [items]) => n + items.length, 0)).toBeGreaterThan(COUNT / 2);
    pooled.mockRestore();
    const seen = messages('bulk');
    expect(seen.map((m) => Number(m.offset))).toEqual(Array.from({ length: COUNT }, (_, i) => i));
    for (const m of seen) {
      const i = Number(m.offset);
      if (i === 1234) expect(m.value).toMatchObject({ encoding: 'base64', undecodable: expect.stringMatching(/^Avro schema id \d+: the Avro value is cut short/) });
      else if (i === 2345) expect(m.value).toMatchObject({ encoding: 'base64', schemaId: 2_000_000_000, undecodable: expect.stringContaining('is not in the registry') });
      else expect(m.value).toMatchObject({ encoding: 'utf8', data: JSON.stringify(reading(i)), schema: { type: 'AVRO', id, subject: `${topic}-value` } });
    }
  });

  it('filters on the decoded JSON of a big read', async () => {
    await app.call('messages.search', { connectionId, runId: 'hot', topic, position: { kind: 'beginning' }, limit: COUNT, filter: { expression: 'value.sensor == "s-3" && value.celsius >= 700' } });
    const expected = Array.from({ length: COUNT }, (_, i) => i).filter((i) => i % 7 === 3 && i / 4 >= 700 && i !== 1234 && i !== 2345);
    expect(messages('hot').map((m) => Number(m.offset))).toEqual(expected);
  });
});
