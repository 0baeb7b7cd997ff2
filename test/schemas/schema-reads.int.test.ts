import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import avro from 'avsc';
import protobuf from 'protobufjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageFromWire, type MessagesBatch, type MessageView } from '../../src/shared/api';
import { frame } from '../../src/main/schemas/framing';
import { toOffsetRuns } from '../../src/shared/messages/offset-runs';
import { SchemaRegistryClient } from '../../src/main/schemas/registry-client';
import { startTestApp, type TestApp } from '../support/app';
import { eventually } from '../support/eventually';
import { createTopic, sharedBootstrap, sharedRegistryUrl, testKafka, uniqueTopic } from '../support/kafka';

/** A TCP forwarder to the real registry that can be cut: the registry "going down" for the app alone. */
async function cuttableProxy(target: URL): Promise<{ url: string; cut(): void; server: Server }> {
  const sockets = new Set<Socket>();
  let open = true;
  const server = createServer((client) => {
    if (!open) return client.destroy();
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const close = () => (client.destroy(), upstream.destroy());
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${target.pathname}`;
  return {
    url,
    server,
    cut() {
      open = false;
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

const ORDER = { type: 'record', name: 'Order', namespace: 'demo', fields: [{ name: 'id', type: 'long' }, { name: 'loc', type: 'string' }, { name: 'amount', type: 'int' }] };
const PROTO = 'syntax = "proto3";\npackage demo;\nmessage Ping { string id = 1; }\nmessage Pong { string id = 1; int64 at = 2; }\n';

describe('reading schema-encoded topics through the app', () => {
  const bootstrap = sharedBootstrap();
  const registryUrl = new URL(sharedRegistryUrl());
  const registry = new SchemaRegistryClient({ urls: [registryUrl.toString()] });
  const topic = uniqueTopic('avro');
  let app: TestApp;
  let connectionId: string;
  let proxy: Awaited<ReturnType<typeof cuttableProxy>>;
  const ids: Record<string, number> = {};
  const batches = (runId: string) => app.events.filter((e) => e.name === 'messages.batch' && e.payload.runId === runId).map((e) => e.payload as MessagesBatch);
  const messages = (runId: string): MessageView[] => batches(runId).flatMap((b) => b.messages.map(messageFromWire));

  beforeAll(async () => {
    ids.order = (await registry.register(`${topic}-value`, { schemaType: 'AVRO', schema: JSON.stringify({ ...ORDER, doc: topic }), references: [] })).id;
    ids.proto = (await registry.register(`${topic}-key`, { schemaType: 'PROTOBUF', schema: `${PROTO}// ${topic}\n`, references: [] })).id;
    await createTopic(bootstrap, topic, 2);
    const Order = avro.Type.forSchema(ORDER as avro.Schema);
    const Pong = protobuf.parse(PROTO).root.lookupType('demo.Pong');
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: Array.from({ length: 40 }, (_, i) => ({
        partition: i % 2,
        key: frame(ids.proto!, Buffer.from(Pong.encode({ id: `k${i}`, at: '9007199254740993' }).finish()), [1]),
        value: frame(ids.order!, Order.toBuffer({ id: i, loc: i % 4 === 0 ? 'SOUTH' : 'NORTH', amount: i * 10 })),
      })),
    });
    await producer.disconnect();
    proxy = await cuttableProxy(registryUrl);
    app = startTestApp();
    connectionId = (await app.call('connection.connect', { config: { brokers: [bootstrap], schemaRegistry: { urls: [proxy.url] } } })).connectionId;
  });
  afterAll(async () => {
    await app?.close();
    proxy?.cut();
  });

  it('shows Avro values and Protobuf keys (second message type) as JSON with their schema, int64 exact', async () => {
    const summary = await app.call('messages.search', { connectionId, runId: 'all', topic, position: { kind: 'beginning' } });
    expect(summary.progress).toMatchObject({ scanned: 40, matched: 40 });
    expect(summary.progress.undecodable).toBeUndefined();
    const first = messages('all').find((m) => m.partition === 0 && m.offset === '0')!;
    expect(first.value).toMatchObject({ encoding: 'utf8', data: '{"id":0,"loc":"SOUTH","amount":0}', schemaId: ids.order, schema: { type: 'AVRO', id: ids.order, subject: `${topic}-value`, version: 1 } });
    expect(first.key).toMatchObject({ data: '{"id":"k0","at":"9007199254740993"}', schema: { type: 'PROTOBUF', messageType: 'demo.Pong', subject: `${topic}-key` } });
  });

  it('filters on decoded values: JSON expressions and text', async () => {
    await app.call('messages.search', { connectionId, runId: 'south', topic, position: { kind: 'beginning' }, filter: { expression: 'value.loc == "SOUTH" && value.amount >= 100' } });
    expect(messages('south').map((m) => JSON.parse(m.value!.data).id).sort((a: number, b: number) => a - b)).toEqual([12, 16, 20, 24, 28, 32, 36]);
    await app.call('messages.search', { connectionId, runId: 'text', topic, position: { kind: 'beginning' }, filter: { text: '"k7"' } });
    expect(messages('text').map((m) => m.offset)).toEqual(['3']);
  });

  it('finds an exact key among schema-encoded keys by its decoded form (a read by key never skips those on their bytes)', async () => {
    const key = '{"id":"k7","at":"9007199254740993"}';
    const found = await app.call('messages.search', { connectionId, runId: 'by-key', topic, position: { kind: 'beginning' }, filter: { key, keyScan: 'all' } });
    expect(found.progress).toMatchObject({ scanned: 40, matched: 1 });
    expect(messages('by-key').map((m) => [m.partition, m.offset, m.key?.data, JSON.parse(m.value!.data).id])).toEqual([[1, '3', key, 7]]);
  });

  it('gives the raw bytes on request, exactly as written', async () => {
    const raw = await app.call('messages.get', { connectionId, topic, partition: 1, offset: '0', raw: true });
    expect(raw.value).toMatchObject({ encoding: 'base64', schemaId: ids.order });
    expect(raw.value?.schema).toBeUndefined();
    const decoded = await app.call('messages.get', { connectionId, topic, partition: 1, offset: '0' });
    expect(decoded.value?.data).toBe('{"id":1,"loc":"NORTH","amount":10}');
  });

  it('exports decoded JSON with the schema named, or the bytes as written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ke-schema-export-'));
    process.env.KAFKA_EXPLORER_EXPORT_DIR = dir;
    try {
      const selection = toOffsetRuns([{ partition: 0, offset: '0' }, { partition: 0, offset: '1' }]);
      const decoded = await app.call('messages.export', { connectionId, runId: 'exp-d', topic, format: 'ndjson', fileName: 'decoded.ndjson', selection, decoded: true });
      const lines = readFileSync(decoded.path!, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
      expect(lines[0]).toMatchObject({ value: '{"id":0,"loc":"SOUTH","amount":0}', valueEncoding: 'utf8', valueSchema: { type: 'AVRO', id: ids.order, subject: `${topic}-value` }, key: '{"id":"k0","at":"9007199254740993"}', keySchema: { messageType: 'demo.Pong' } });
      const raw = await app.call('messages.export', { connectionId, runId: 'exp-r', topic, format: 'ndjson', fileName: 'raw.ndjson', selection });
      const [first] = readFileSync(raw.path!, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
      expect(first.valueEncoding).toBe('base64');
      expect(first.valueSchema).toBeUndefined();
      expect(Buffer.from(first.value, 'base64').subarray(0, 5)).toEqual(frame(ids.order!, Buffer.alloc(0)));
    } finally {
      delete process.env.KAFKA_EXPLORER_EXPORT_DIR;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps a live tail going when the registry goes away: new schemas show raw with the reason, counted', async () => {
    const controller = new AbortController();
    const tail = app.call('messages.tail', { connectionId, runId: 'tail', topic }, controller.signal);
    await eventually(async () => batches('tail').length, (n) => n > 0, 20_000, 50);
    proxy.cut();
    // A schema the app has never seen, registered straight with the registry (not through the cut proxy).
    const later = (await registry.register(`${topic}-later`, { schemaType: 'AVRO', schema: JSON.stringify({ type: 'string', doc: topic }), references: [] })).id;
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        { partition: 0, key: 'plain', value: frame(later, avro.Type.forSchema('string').toBuffer('hello')) },
        { partition: 0, key: 'known', value: frame(ids.order!, avro.Type.forSchema(ORDER as avro.Schema).toBuffer({ id: 99, loc: 'EAST', amount: 1 })) },
      ],
    });
    await producer.disconnect();
    const seen = await eventually(async () => messages('tail'), (ms) => ms.length >= 2, 30_000, 100);
    expect(seen[0]!.value).toMatchObject({ encoding: 'base64', schemaId: later, undecodable: expect.stringContaining('refused the connection') });
    // Cached schemas still decode while the registry is away.
    expect(seen[1]!.value).toMatchObject({ data: '{"id":99,"loc":"EAST","amount":1}' });
    const progress = batches('tail').at(-1)!.progress;
    expect(progress?.undecodable).toBe(1);
    controller.abort();
    await tail.catch(() => undefined);
  });
});
