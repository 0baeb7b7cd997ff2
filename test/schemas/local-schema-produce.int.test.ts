import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import avro from 'avsc';
import protobuf from 'protobufjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from '../../src/shared/api';
import type { AppError } from '../../src/shared/errors';
import { startTestApp, type TestApp } from '../support/app';
import { ExactLong } from '../support/avro-exact-long';
import { createTopic, sharedBootstrap, sharedRegistryUrl, totalEndOffset, uniqueTopic } from '../support/kafka';

/** The first field a null union branch: the value's first byte is 0, as the Confluent magic byte is. */
const VISIT = { type: 'record', name: 'Visit', namespace: 'web', fields: [{ name: 'referrer', type: ['null', 'string'], default: null }, { name: 'page', type: 'string' }, { name: 'ms', type: 'long' }] };
const VISIT_KEY = { type: 'record', name: 'VisitKey', namespace: 'web', fields: [{ name: 'session', type: 'string' }] };
const SHOP = 'syntax = "proto3";\npackage shop;\nmessage Payment { string id = 1; int64 cents = 2; }\nmessage Refund { string id = 1; int64 cents = 2; string reason = 3; }\n';

/**
 * Producing with the user's own schema files (no registry subject): the plain Avro binary or
 * Protobuf bytes, read back through the app by the topic's mapping. The connection has a
 * registry too, so plain data that looks framed must still be read with the local type.
 */
describe('producing with a local schema (real broker; registry on the same connection)', () => {
  const bootstrap = sharedBootstrap();
  const dir = mkdtempSync(join(tmpdir(), 'ke-local-produce-'));
  const visits = uniqueTopic('lsp-visits');
  const refunds = uniqueTopic('lsp-refunds');
  let app: TestApp;
  let connectionId: string;

  const rawValue = async (topic: string, offset: number): Promise<Buffer> => {
    const raw = await app.call('messages.get', { connectionId, topic, partition: 0, offset: String(offset), raw: true });
    return Buffer.from(raw.value!.data, raw.value!.encoding === 'base64' ? 'base64' : 'utf8');
  };
  const local = (type: string, text: string): Payload => ({ format: 'schema', text, schema: { local: type } });

  beforeAll(async () => {
    writeFileSync(join(dir, 'visit.avsc'), JSON.stringify(VISIT));
    writeFileSync(join(dir, 'visit-key.avsc'), JSON.stringify(VISIT_KEY));
    writeFileSync(join(dir, 'shop.proto'), SHOP);
    await Promise.all([createTopic(bootstrap, visits, 1), createTopic(bootstrap, refunds, 1)]);
    app = startTestApp();
    const localSchemas = {
      paths: [dir],
      mappings: [
        { topic: visits, part: 'key' as const, type: 'web.VisitKey' },
        { topic: visits, part: 'value' as const, type: 'web.Visit' },
        { topic: `${refunds.slice(0, 8)}*`, part: 'value' as const, type: 'shop.Refund' },
      ],
    };
    connectionId = (await app.call('connection.connect', { config: { brokers: bootstrap.split(','), schemaRegistry: { urls: [sharedRegistryUrl()] }, localSchemas } })).connectionId;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists the local types with their files, and the ones the topic’s mappings name', async () => {
    const listed = await app.call('schemas.localTypes', { connectionId, topic: refunds });
    expect(listed.types).toEqual([
      { name: 'shop.Payment', schemaType: 'PROTOBUF', file: 'shop.proto' },
      { name: 'shop.Refund', schemaType: 'PROTOBUF', file: 'shop.proto' },
      { name: 'web.Visit', schemaType: 'AVRO', file: 'visit.avsc' },
      { name: 'web.VisitKey', schemaType: 'AVRO', file: 'visit-key.avsc' },
    ]);
    expect(listed.mapped).toEqual({ key: null, value: 'shop.Refund' });
    expect((await app.call('schemas.localTypes', { connectionId, topic: visits })).mapped).toEqual({ key: 'web.VisitKey', value: 'web.Visit' });
  });

  it('offers a skeleton and checks values as typed, naming the field', async () => {
    const skeleton = await app.call('schemas.skeleton', { connectionId, local: 'shop.Refund' });
    expect(skeleton).toMatchObject({ schemaType: 'PROTOBUF', file: 'shop.proto' });
    expect(JSON.parse(skeleton.text)).toEqual({ id: '', cents: '0', reason: '' });
    expect(Object.keys(JSON.parse((await app.call('schemas.skeleton', { connectionId, local: 'web.Visit' })).text))).toEqual(['referrer', 'page', 'ms']);
    const check = (text: string) => app.call('schemas.validate', { connectionId, local: 'web.Visit', text });
    expect(await check('{"referrer": null, "page": "/p/{{seq}}", "ms": 1}')).toEqual({ ok: true });
    expect(await check('{"referrer": null, "page": 7, "ms": 1}')).toMatchObject({ ok: false, path: 'page', message: expect.stringContaining('page: expected a string') });
  });

  it('sends Avro keys and values as plain Avro binary (no framing), read back decoded by the mapping', async () => {
    const value = '{"referrer": null, "page": "/cart", "ms": 9007199254740993}';
    const sent = await app.call('produce.send', { connectionId, topic: visits, message: { key: local('web.VisitKey', '{"session": "s-1"}'), value: local('web.Visit', value) } });
    expect(sent.offset).toBe('0');

    // The bytes are exactly avsc's for the record: no magic byte, no id.
    const bytes = await rawValue(visits, 0);
    const avsc = avro.Type.forSchema(VISIT as avro.Schema, { registry: { long: ExactLong } });
    expect(avsc.fromBuffer(bytes)).toEqual({ referrer: null, page: '/cart', ms: 9007199254740993n });
    expect(bytes[0]).toBe(0); // the null branch: it looks like a Confluent magic byte (and "/ca" like an id)

    const [read] = await app.readAll(connectionId, visits);
    expect(read!.value!.undecodable).toBeUndefined();
    expect(read!.value!).toMatchObject({ data: '{"referrer":null,"page":"/cart","ms":9007199254740993}', schema: { type: 'AVRO', file: 'visit.avsc' } });
    expect(read!.value!.schemaId).toBeUndefined();
    expect(read!.key!.data).toBe('{"session":"s-1"}');
  });

  it('sends the second Protobuf message type as the bare message, read back decoded equal', async () => {
    const value = '{"id": "rf-1", "cents": "9223372036854775807", "reason": "late"}';
    await app.call('produce.send', { connectionId, topic: refunds, message: { key: null, value: local('shop.Refund', value) } });
    const Refund = protobuf.parse(SHOP).root.lookupType('shop.Refund');
    expect(await rawValue(refunds, 0)).toEqual(Buffer.from(Refund.encode(Refund.fromObject({ id: 'rf-1', cents: '9223372036854775807', reason: 'late' })).finish()));
    const [read] = await app.readAll(connectionId, refunds);
    expect(read!.value!.schema).toMatchObject({ type: 'PROTOBUF', messageType: 'shop.Refund', file: 'shop.proto' });
    expect(JSON.parse(read!.value!.data)).toEqual(JSON.parse(value));
  });

  it('encodes templated bursts, imported files and saved templates with the local type too', async () => {
    const before = await totalEndOffset(visits);
    const burst = await app.call('produce.burst', { connectionId, topic: visits, runId: 'lsp-burst', count: 3, message: { key: null, value: local('web.Visit', '{"referrer": "r{{seq}}", "page": "/b/{{seq}}", "ms": {{seq}}}') } });
    expect(burst).toMatchObject({ sent: 3, failed: 0 });
    const imported = await app.call('produce.import', {
      connectionId,
      topic: visits,
      runId: 'lsp-import',
      format: 'ndjson',
      content: ['{"key": {"session": "imp"}, "value": {"referrer": null, "page": "/imp", "ms": 12345678901234567}}', '{"value": "{\\"referrer\\": null, \\"page\\": \\"/text\\", \\"ms\\": 2}"}'].join('\n'),
      schemas: { key: { local: 'web.VisitKey' }, value: { local: 'web.Visit' } },
    });
    expect(imported).toMatchObject({ sent: 2, failed: 0 });
    // A template keeps the local choice through the store and sends as saved.
    const saved = await app.call('produce.templates.save', { template: { id: 'lsp-t', name: 'local visit', topic: visits, message: { key: null, value: local('web.Visit', '{"referrer": null, "page": "/tpl", "ms": 3}') } } });
    const template = saved.find((t) => t.id === 'lsp-t')!;
    expect(template.message.value).toEqual({ format: 'schema', text: '{"referrer": null, "page": "/tpl", "ms": 3}', schema: { local: 'web.Visit' } });
    await app.call('produce.send', { connectionId, topic: template.topic!, message: template.message });

    const read = (await app.readAll(connectionId, visits)).slice(before);
    expect(read.map((m) => [m.key?.data ?? null, m.value!.data])).toEqual([
      [null, '{"referrer":"r1","page":"/b/1","ms":1}'],
      [null, '{"referrer":"r2","page":"/b/2","ms":2}'],
      [null, '{"referrer":"r3","page":"/b/3","ms":3}'],
      ['{"session":"imp"}', '{"referrer":null,"page":"/imp","ms":12345678901234567}'],
      [null, '{"referrer":null,"page":"/text","ms":2}'],
      [null, '{"referrer":null,"page":"/tpl","ms":3}'],
    ]);
    expect(read.every((m) => m.value!.schema?.file === 'visit.avsc')).toBe(true);
  });

  it('refuses a value that does not fit before sending, naming the field and the type; nothing is written', async () => {
    const before = await totalEndOffset(refunds);
    const refused = (await app.call('produce.send', { connectionId, topic: refunds, message: { key: null, value: local('shop.Refund', '{"id": "x", "cents": "ten"}') } }).catch((e: unknown) => e)) as AppError;
    expect(refused).toMatchObject({ code: 'SCHEMA_MISMATCH' });
    expect(refused.message).toMatch(/^value does not fit local type shop\.Refund \(shop\.proto\): cents: /);
    const burst = (await app.call('produce.burst', { connectionId, topic: refunds, runId: 'lsp-bad', count: 2, message: { key: null, value: local('shop.Refund', '{"id": "x", "amount": 1}') } }).catch((e: unknown) => e)) as AppError;
    expect(burst).toMatchObject({ code: 'SCHEMA_MISMATCH', message: expect.stringContaining('amount') });
    const preview = await app.call('produce.importPreview', { connectionId, topic: visits, format: 'lines', content: '{"referrer": null, "page": 5, "ms": 1}\n', schemas: { value: { local: 'web.Visit' } } });
    expect(preview.firstInvalid).toEqual({ line: 1, reason: expect.stringMatching(/^line 1: value does not fit local type web\.Visit \(visit\.avsc\): page: expected a string/) });
    expect(await totalEndOffset(refunds)).toBe(before);
  });

  it('says which types exist when the type is unknown, and when the connection has no local files', async () => {
    const unknown = (await app.call('produce.send', { connectionId, topic: refunds, message: { key: null, value: local('shop.Nope', '{}') } }).catch((e: unknown) => e)) as AppError;
    expect(unknown).toMatchObject({ code: 'LOCAL_TYPE_NOT_FOUND', message: 'The local schema files define no type shop.Nope.', hint: expect.stringContaining('shop.Refund') });
    const plain = (await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } })).connectionId;
    const none = (await app.call('produce.send', { connectionId: plain, topic: refunds, message: { key: null, value: local('shop.Refund', '{}') } }).catch((e: unknown) => e)) as AppError;
    expect(none).toMatchObject({ code: 'NO_LOCAL_SCHEMAS' });
    expect(await app.call('schemas.localTypes', { connectionId: plain, topic: refunds })).toEqual({ types: [], mapped: { key: null, value: null } });
  });
});
