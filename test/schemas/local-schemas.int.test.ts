import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import avro from 'avsc';
import protobuf from 'protobufjs';
import 'protobufjs/ext/descriptor/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/shared/errors';
import { frame } from '../../src/main/schemas/framing';
import { startTestApp, type TestApp } from '../support/app';
import { createTopic, sharedBootstrap, testKafka, uniqueTopic } from '../support/kafka';

const MONEY = 'syntax = "proto3";\npackage shop.common;\nmessage Money { int64 cents = 1; string currency = 2; }\n';
const ORDER = 'syntax = "proto3";\npackage shop;\nimport "common/money.proto";\nmessage Order { string id = 1; shop.common.Money total = 2; }\n';
const CLICK_AVSC = { type: 'record', name: 'Click', namespace: 'web', fields: [{ name: 'page', type: 'string' }, { name: 'ms', type: 'long' }] };

/** Data written without any registry, read with the user's own schema files. */
describe('local schema files instead of a registry', () => {
  const bootstrap = sharedBootstrap();
  const dir = mkdtempSync(join(tmpdir(), 'ke-local-schemas-'));
  const topics = { proto: uniqueTopic('lp'), framed: uniqueTopic('lf'), avro: uniqueTopic('la'), desc: uniqueTopic('ld'), raw: uniqueTopic('lr') };
  let app: TestApp;
  let connectionId: string;
  const read = (topic: string) => app.readAll(connectionId, topic);

  beforeAll(async () => {
    mkdirSync(join(dir, 'protos', 'common'), { recursive: true });
    writeFileSync(join(dir, 'protos', 'common', 'money.proto'), MONEY);
    writeFileSync(join(dir, 'protos', 'order.proto'), ORDER);
    writeFileSync(join(dir, 'click.avsc'), JSON.stringify(CLICK_AVSC));
    // A descriptor set, as `protoc --descriptor_set_out` writes one.
    const described = protobuf.parse('syntax = "proto3";\npackage legacy;\nmessage Ping { string from = 1; uint64 seq = 2; }\n').root;
    const descriptor = (described as unknown as { toDescriptor(s: string): { constructor: { encode(m: unknown): { finish(): Uint8Array } } } }).toDescriptor('proto3');
    writeFileSync(join(dir, 'legacy.desc'), descriptor.constructor.encode(descriptor).finish());

    const root = new protobuf.Root();
    protobuf.parse(MONEY, root);
    protobuf.parse(ORDER.replace('import "common/money.proto";\n', ''), root);
    const Order = root.lookupType('shop.Order');
    const order = (i: number) => Buffer.from(Order.encode(Order.fromObject({ id: `o-${i}`, total: { cents: '9007199254740993', currency: 'EUR' } })).finish());
    const Ping = described.lookupType('legacy.Ping');
    for (const t of Object.values(topics)) await createTopic(bootstrap, t, 1);
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({ topic: topics.proto, messages: [{ value: order(1) }] });
    // Written by a Confluent serializer, read where the registry cannot be reached: framing and message indexes skipped.
    await producer.send({ topic: topics.framed, messages: [{ value: frame(42, order(2), [0]) }] });
    await producer.send({ topic: topics.avro, messages: [{ value: avro.Type.forSchema(CLICK_AVSC as avro.Schema).toBuffer({ page: '/cart', ms: 12 }) }] });
    await producer.send({ topic: topics.desc, messages: [{ value: Buffer.from(Ping.encode(Ping.fromObject({ from: 'edge', seq: '18446744073709551615' })).finish()) }] });
    await producer.send({ topic: topics.raw, messages: [{ value: order(3) }] });
    await producer.disconnect();

    app = startTestApp();
    const localSchemas = {
      paths: [join(dir, 'protos'), join(dir, 'click.avsc'), join(dir, 'legacy.desc')],
      mappings: [
        { topic: `${topics.proto}`, part: 'value' as const, type: 'shop.Order' },
        { topic: `${topics.framed.slice(0, 4)}*`, part: 'value' as const, type: 'shop.Order' },
        { topic: topics.avro, part: 'value' as const, type: 'web.Click' },
        { topic: topics.desc, part: 'value' as const, type: 'legacy.Ping' },
        { topic: topics.raw, part: 'value' as const, type: 'protobuf:raw' },
      ],
    };
    connectionId = (await app.call('connection.connect', { config: { brokers: [bootstrap], localSchemas } })).connectionId;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('decodes Protobuf with imports from a folder, int64 exact, naming the file', async () => {
    const [m] = await read(topics.proto);
    expect(m!.value).toMatchObject({ encoding: 'utf8', data: '{"id":"o-1","total":{"cents":"9007199254740993","currency":"EUR"}}', schema: { type: 'PROTOBUF', messageType: 'shop.Order', file: 'order.proto' } });
  });

  it('decodes Confluent-framed Protobuf without a registry, by a pattern mapping', async () => {
    const [m] = await read(topics.framed);
    expect(m!.value).toMatchObject({ data: '{"id":"o-2","total":{"cents":"9007199254740993","currency":"EUR"}}', schemaId: 42, schema: { messageType: 'shop.Order' } });
  });

  it('decodes bare Avro with an .avsc file, and Protobuf with a descriptor set', async () => {
    expect((await read(topics.avro))[0]!.value).toMatchObject({ data: '{"page":"/cart","ms":12}', schema: { type: 'AVRO', file: 'click.avsc' } });
    expect((await read(topics.desc))[0]!.value).toMatchObject({ data: '{"from":"edge","seq":"18446744073709551615"}', schema: { messageType: 'legacy.Ping', file: 'legacy.desc' } });
  });

  it('shows Protobuf without any schema as field numbers', async () => {
    const [m] = await read(topics.raw);
    expect(JSON.parse(m!.value!.data)).toEqual({ '1': 'o-3', '2': { '1': '9007199254740993', '2': 'EUR' } });
  });

  it('refuses a mapping to a type no file defines, saying which types exist', async () => {
    const error = (await app
      .call('connection.connect', { config: { brokers: [bootstrap], localSchemas: { paths: [join(dir, 'protos')], mappings: [{ topic: 'x', part: 'value', type: 'shop.Nope' }] } } })
      .catch((e: unknown) => e)) as AppError;
    expect(error.message).toBe('The local schemas define no type shop.Nope (mapped for x values).');
    expect(error.hint).toContain('shop.Order');
  });
});
