import avro from 'avsc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from '../../src/shared/api';
import type { AppError } from '../../src/shared/errors';
import { SchemaRegistryClient } from '../../src/main/schemas/registry-client';
import { startTestApp, type TestApp } from '../support/app';
import { ExactLong } from '../support/avro-exact-long';
import { createTopic, sharedBootstrap, sharedRegistryUrl, totalEndOffset, uniqueTopic } from '../support/kafka';

const ORDER = {
  type: 'record',
  name: 'Order',
  namespace: 'demo.produce',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'customer', type: 'string' },
    { name: 'note', type: ['null', 'string'], default: null },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID'] } },
  ],
};
const ORDER_KEY = { type: 'record', name: 'OrderKey', namespace: 'demo.produce', fields: [{ name: 'id', type: 'long' }] };
const PAYMENTS = `syntax = "proto3";
package demo.produce;

message Payment {
  string id = 1;
  int64 cents = 2;
}

message Refund {
  string id = 1;
  int64 cents = 2;
  string reason = 3;
}
`;
const CLICK = { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', additionalProperties: false, properties: { page: { type: 'string' }, ms: { type: 'integer' } }, required: ['page'] };

describe('producing with a schema (real broker, real registry)', () => {
  const bootstrap = sharedBootstrap();
  let app: TestApp;
  let connectionId: string;
  let registry: SchemaRegistryClient;
  const orders = uniqueTopic('sp-orders');
  const payments = uniqueTopic('sp-pay');
  const clicks = uniqueTopic('sp-clicks');

  const schema = (subject: string, text: string, extra: { messageType?: string; version?: number } = {}): Payload => ({ format: 'schema', text, schema: { subject, version: extra.version ?? 'latest', ...(extra.messageType ? { messageType: extra.messageType } : {}) } });

  beforeAll(async () => {
    app = startTestApp();
    connectionId = (await app.call('connection.connect', { config: { brokers: bootstrap.split(','), schemaRegistry: { urls: [sharedRegistryUrl()] } } })).connectionId;
    registry = new SchemaRegistryClient({ urls: [sharedRegistryUrl()] });
    await Promise.all([createTopic(bootstrap, orders, 1), createTopic(bootstrap, payments, 1), createTopic(bootstrap, clicks, 1)]);
    await registry.register(`${orders}-value`, { schemaType: 'AVRO', schema: JSON.stringify({ ...ORDER, doc: orders }), references: [] });
    await registry.register(`${orders}-key`, { schemaType: 'AVRO', schema: JSON.stringify({ ...ORDER_KEY, doc: orders }), references: [] });
    await registry.register(`${payments}-value`, { schemaType: 'PROTOBUF', schema: `${PAYMENTS}// ${payments}\n`, references: [] });
    await registry.register(`${clicks}-value`, { schemaType: 'JSON', schema: JSON.stringify({ ...CLICK, title: clicks }), references: [] });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('offers a skeleton and checks values as typed, naming the field that does not fit', async () => {
    const skeleton = await app.call('schemas.skeleton', { connectionId, subject: `${orders}-value`, version: 'latest' });
    expect(skeleton).toMatchObject({ schemaType: 'AVRO', version: 1 });
    expect(Object.keys(JSON.parse(skeleton.text))).toEqual(['id', 'customer', 'note', 'status']);
    const proto = await app.call('schemas.skeleton', { connectionId, subject: `${payments}-value`, version: 1, messageType: 'demo.produce.Refund' });
    expect(proto.messageTypes).toEqual(['demo.produce.Payment', 'demo.produce.Refund']);
    expect(JSON.parse(proto.text)).toEqual({ id: '', cents: '0', reason: '' });

    const check = (text: string) => app.call('schemas.validate', { connectionId, subject: `${orders}-value`, version: 'latest', text });
    expect(await check('{"id": {{seq}}, "customer": "Ada", "note": null, "status": "NEW"}')).toEqual({ ok: true });
    expect(await check('{"id": 1, "customer": 42, "note": null, "status": "NEW"}')).toMatchObject({ ok: false, path: 'customer', message: expect.stringContaining('customer: expected a string') });
    expect(await check('{"id": 1,')).toMatchObject({ ok: false, path: '' });
  });

  it('sends Avro keys and values in Confluent wire format, exact int64, read back decoded and by avsc directly', async () => {
    const value = '{"id": 9007199254740993, "customer": "Ada", "note": "leave at the door", "status": "PAID"}';
    const sent = await app.call('produce.send', { connectionId, topic: orders, message: { key: schema(`${orders}-key`, '{"id": 9007199254740993}'), value: schema(`${orders}-value`, value) } });
    expect(sent.offset).toBe('0');

    const [read] = await app.readAll(connectionId, orders);
    expect(read!.value!.undecodable).toBeUndefined();
    expect(read!.value!.schema).toMatchObject({ type: 'AVRO', subject: `${orders}-value`, version: 1 });
    expect(read!.value!.data).toBe('{"id":9007199254740993,"customer":"Ada","note":"leave at the door","status":"PAID"}');
    expect(read!.key!.data).toBe('{"id":9007199254740993}');

    // The bytes as written, decoded with avsc and the registry's own schema text, not the app's codec.
    const raw = await app.call('messages.get', { connectionId, topic: orders, partition: 0, offset: '0', raw: true });
    const bytes = Buffer.from(raw.value!.data, raw.value!.encoding === 'base64' ? 'base64' : 'utf8');
    const registered = await registry.subjectVersion(`${orders}-value`, 'latest');
    expect(bytes[0]).toBe(0);
    expect(bytes.readUInt32BE(1)).toBe(registered.id);
    const type = avro.Type.forSchema(JSON.parse(registered.schema) as avro.Schema, { registry: { long: ExactLong } });
    expect(type.fromBuffer(bytes.subarray(5))).toEqual({ id: 9007199254740993n, customer: 'Ada', note: 'leave at the door', status: 'PAID' });
  });

  it('sends a templated burst, each message rendered then encoded', async () => {
    const before = await totalEndOffset(orders);
    const summary = await app.call('produce.burst', {
      connectionId,
      topic: orders,
      runId: 'sp-burst',
      count: 5,
      message: { key: null, value: schema(`${orders}-value`, '{"id": {{seq}}, "customer": "c-{{seq}}", "note": null, "status": "NEW"}', { version: 1 }) },
    });
    expect(summary).toMatchObject({ sent: 5, failed: 0 });
    expect(await totalEndOffset(orders)).toBe(before + 5);
    const values = (await app.readAll(connectionId, orders)).slice(before).map((m) => m.value!.data);
    expect(values).toEqual([1, 2, 3, 4, 5].map((i) => `{"id":${i},"customer":"c-${i}","note":null,"status":"NEW"}`));
  });

  it('sends the second Protobuf message type with its message index, and JSON Schema values as typed', async () => {
    await app.call('produce.send', { connectionId, topic: payments, message: { key: null, value: schema(`${payments}-value`, '{"id": "rf-1", "cents": "9223372036854775807", "reason": "late"}', { messageType: 'demo.produce.Refund' }) } });
    await app.call('produce.send', { connectionId, topic: payments, message: { key: null, value: schema(`${payments}-value`, '{"id": "p-1", "cents": 1999}') } });
    const [refund, payment] = await app.readAll(connectionId, payments);
    expect(refund!.value!.schema).toMatchObject({ type: 'PROTOBUF', messageType: 'demo.produce.Refund' });
    expect(JSON.parse(refund!.value!.data)).toEqual({ id: 'rf-1', cents: '9223372036854775807', reason: 'late' });
    expect(payment!.value!.schema).toMatchObject({ messageType: 'demo.produce.Payment' });
    expect(JSON.parse(payment!.value!.data)).toEqual({ id: 'p-1', cents: '1999' });
    const raw = await app.call('messages.get', { connectionId, topic: payments, partition: 0, offset: '0', raw: true });
    // Magic 0, the 4-byte id, then the message-index path [1] as zigzag varints "02 02".
    expect(Buffer.from(raw.value!.data, 'base64').subarray(5, 7)).toEqual(Buffer.from([2, 2]));

    const click = '{"page": "/checkout", "ms": 12345678901234567890}';
    await app.call('produce.send', { connectionId, topic: clicks, message: { key: null, value: schema(`${clicks}-value`, click) } });
    const [read] = await app.readAll(connectionId, clicks);
    expect(read!.value!).toMatchObject({ data: click, schema: { type: 'JSON', subject: `${clicks}-value` } });
  });

  it('imports NDJSON lines encoded with a chosen schema', async () => {
    const before = await totalEndOffset(orders);
    const content = ['{"key": {"id": 7}, "value": {"id": 12345678901234567, "customer": "Imp", "note": null, "status": "PAID"}}', '{"key": {"id": 8}, "value": "{\\"id\\": 8, \\"customer\\": \\"Text\\", \\"note\\": null, \\"status\\": \\"NEW\\"}"}'].join('\n');
    const summary = await app.call('produce.import', {
      connectionId,
      topic: orders,
      runId: 'sp-import',
      format: 'ndjson',
      content,
      schemas: { key: { subject: `${orders}-key` }, value: { subject: `${orders}-value` } },
    });
    expect(summary).toMatchObject({ sent: 2, failed: 0 });
    const read = (await app.readAll(connectionId, orders)).slice(before);
    expect(read.map((m) => [m.key!.data, m.value!.data])).toEqual([
      ['{"id":7}', '{"id":12345678901234567,"customer":"Imp","note":null,"status":"PAID"}'],
      ['{"id":8}', '{"id":8,"customer":"Text","note":null,"status":"NEW"}'],
    ]);
  });

  it('keeps a schema payload in a saved template (subject, version, message type) and sends it as saved', async () => {
    const value = schema(`${payments}-value`, '{"id": "rf-tpl", "cents": "5", "reason": "template"}', { messageType: 'demo.produce.Refund', version: 1 });
    const saved = await app.call('produce.templates.save', { template: { id: 'sp-tpl', name: 'refund', topic: payments, message: { key: null, value } } });
    const template = saved.find((t) => t.id === 'sp-tpl')!;
    expect(template.message.value).toEqual(value);
    const before = await totalEndOffset(payments);
    await app.call('produce.send', { connectionId, topic: template.topic!, message: template.message });
    const [read] = (await app.readAll(connectionId, payments)).slice(before);
    expect(read!.value!.schema).toMatchObject({ subject: `${payments}-value`, messageType: 'demo.produce.Refund' });
    expect(JSON.parse(read!.value!.data)).toEqual({ id: 'rf-tpl', cents: '5', reason: 'template' });
  });

  it('refuses a value that does not fit before sending, naming the field; nothing is written', async () => {
    const before = await totalEndOffset(orders);
    const refused = (await app
      .call('produce.send', { connectionId, topic: orders, message: { key: null, value: schema(`${orders}-value`, '{"id": 1, "customer": "Ada", "note": null, "status": "LOST"}') } })
      .catch((e: unknown) => e)) as AppError;
    expect(refused).toMatchObject({ code: 'SCHEMA_MISMATCH' });
    expect(refused.message).toMatch(/^value does not fit schema .*-value v1: status: expected one of NEW, PAID/);
    const burst = (await app
      .call('produce.burst', { connectionId, topic: orders, runId: 'sp-bad', count: 3, message: { key: null, value: schema(`${payments}-value`, '{"id": "r", "idd": "x"}', { messageType: 'demo.produce.Refund' }) } })
      .catch((e: unknown) => e)) as AppError;
    expect(burst.code).toBe('SCHEMA_MISMATCH');
    expect(await totalEndOffset(orders)).toBe(before);
  });

  it('says clearly when the connection has no registry, or the subject does not exist', async () => {
    const plain = (await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } })).connectionId;
    const none = (await app.call('produce.send', { connectionId: plain, topic: orders, message: { key: null, value: schema(`${orders}-value`, '{}') } }).catch((e: unknown) => e)) as AppError;
    expect(none).toMatchObject({ code: 'NO_REGISTRY', message: expect.stringContaining('no Schema Registry') });
    const missing = (await app.call('produce.send', { connectionId, topic: orders, message: { key: null, value: schema(`${orders}-nope`, '{}') } }).catch((e: unknown) => e)) as AppError;
    expect(missing).toMatchObject({ code: 'SUBJECT_NOT_FOUND', message: `Subject ${orders}-nope is not in the Schema Registry.` });
  });
});
