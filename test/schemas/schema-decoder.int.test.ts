import avro from 'avsc';
import protobuf from 'protobufjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedRegistryUrl, uniqueTopic } from '../support/kafka';
import { frame, writeMessageIndexes } from '../../src/main/schemas/framing';
import { SchemaRegistryClient } from '../../src/main/schemas/registry-client';
import { SchemaDecoder } from '../../src/main/schemas/schema-decoder';

const COMMON_PROTO = 'syntax = "proto3";\npackage demo.common;\nmessage Money { int64 cents = 1; string currency = 2; }\n';
const PAYMENTS_PROTO = `syntax = "proto3";
package demo.payments;
import "common.proto";
import "google/protobuf/timestamp.proto";
message Payment { string id = 1; demo.common.Money amount = 2; google.protobuf.Timestamp at = 3; }
message Refund { string id = 1; demo.common.Money amount = 2; string reason = 3; message Line { string sku = 1; } repeated Line lines = 4; }
`;
const ORDER_AVSC = {
  type: 'record',
  name: 'Order',
  namespace: 'demo',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'customer', type: ['null', 'string'], default: null },
    { name: 'total', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
    { name: 'placed', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID'] } },
  ],
};

/** Counts the registry requests the decoder makes: the real registry answers each one. */
class CountingClient extends SchemaRegistryClient {
  requests: string[] = [];
  override get<T>(path: string): Promise<T> {
    this.requests.push(path);
    return super.get<T>(path);
  }
}

describe('schema decoding against a real Schema Registry (Apicurio, Confluent API)', () => {
  const registry = { url: sharedRegistryUrl() };
  let admin: SchemaRegistryClient;
  const ids: Record<string, number> = {};
  // The registry is shared: subjects (and schema texts, which registries deduplicate) are this file's own.
  const run = uniqueTopic('dec');
  const subject = (name: string) => `${run}-${name}`;

  beforeAll(async () => {
    admin = new SchemaRegistryClient({ urls: [registry.url] });
    ids.order = (await admin.register(subject('orders-value'), { schemaType: 'AVRO', schema: JSON.stringify({ ...ORDER_AVSC, doc: run }), references: [] })).id;
    await admin.register(subject('common.proto'), { schemaType: 'PROTOBUF', schema: `${COMMON_PROTO}// ${run}\n`, references: [] });
    ids.payments = (await admin.register(subject('payments-value'), { schemaType: 'PROTOBUF', schema: `${PAYMENTS_PROTO}// ${run}\n`, references: [{ name: 'common.proto', subject: subject('common.proto'), version: 1 }] })).id;
    ids.json = (
      await admin.register(subject('clicks-value'), {
        schemaType: 'JSON',
        schema: JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', title: run, type: 'object', properties: { page: { type: 'string' }, ms: { type: 'integer' } }, required: ['page'] }),
        references: [],
      })
    ).id;
  });

  it('decodes Avro with exact longs, decimals, timestamps, unions and enums, one registry request per id', async () => {
    // Written with avsc's stock types (longs as plain numbers within 2^53, decimals as bytes).
    const writer = avro.Type.forSchema({ ...ORDER_AVSC, fields: ORDER_AVSC.fields.map((f) => (f.name === 'total' ? { name: 'total', type: 'bytes' } : f.name === 'placed' ? { name: 'placed', type: 'long' } : f)) } as avro.Schema);
    const client = new CountingClient({ urls: [registry.url] });
    const decoder = new SchemaDecoder(client);
    const big = avro.Type.forSchema({ type: 'record', name: 'Big', fields: [{ name: 'id', type: 'long' }] }).toBuffer({ id: 1 });
    const records = Array.from({ length: 500 }, (_, i) => {
      const body = writer.toBuffer({ id: i, customer: i % 2 ? 'ada' : null, total: Buffer.from([0xff, 0x85]), placed: Date.UTC(2026, 10, 20, 14, 0, i), status: 'PAID' });
      return { key: null, value: frame(ids.order!, body), headers: [] };
    });
    await decoder.prepare(records);
    await decoder.prepare(records);
    const first = decoder.decode(records[1]!.value, 'value', []);
    expect(first).toEqual({
      ok: true,
      json: '{"id":1,"customer":"ada","total":-1.23,"placed":"2026-11-20T14:00:01.000Z","status":"PAID"}',
      schema: { id: ids.order, type: 'AVRO', subject: subject('orders-value'), version: 1 },
    });
    expect(decoder.decode(records[2]!.value, 'value', [])).toMatchObject({ ok: true, json: expect.stringContaining('"customer":null') });
    // One request for the schema and one for the subjects using it, however many messages.
    expect(client.requests.filter((p) => p.startsWith(`/schemas/ids/${ids.order}`))).toHaveLength(2);
    // int64 beyond 2^53, written by hand: zigzag varint of 2^60 + 1.
    const exact = Buffer.alloc(10);
    let z = (2n ** 60n + 1n) * 2n;
    let n = 0;
    while (z >= 0x80n) {
      exact[n++] = Number((z & 0x7fn) | 0x80n);
      z >>= 7n;
    }
    exact[n++] = Number(z);
    expect(big.length).toBeGreaterThan(0);
    const bigId = (await admin.register(subject('big-value'), { schemaType: 'AVRO', schema: JSON.stringify({ type: 'record', name: 'Big', doc: run, fields: [{ name: 'id', type: 'long' }] }), references: [] })).id;
    const bigRecord = { key: null, value: frame(bigId, exact.subarray(0, n)), headers: [] };
    await decoder.prepare([bigRecord]);
    expect(decoder.decode(bigRecord.value, 'value', [])).toMatchObject({ ok: true, json: '{"id":1152921504606846977}' });
  });

  it('decodes the second message type of a .proto file, its import and a nested type, by message index', async () => {
    const root = new protobuf.Root();
    protobuf.parse(COMMON_PROTO, root);
    protobuf.parse(PAYMENTS_PROTO.replace(/import "google[^\n]*\n/, '').replace('google.protobuf.Timestamp at = 3;', ''), root);
    const Refund = root.lookupType('demo.payments.Refund');
    const body = Refund.encode(Refund.fromObject({ id: 'r-1', amount: { cents: '9007199254740993', currency: 'EUR' }, reason: 'late', lines: [{ sku: 'A' }] })).finish();
    const value = frame(ids.payments!, Buffer.from(body), [1]);
    const decoder = new SchemaDecoder(new SchemaRegistryClient({ urls: [registry.url] }));
    await decoder.prepare([{ key: null, value, headers: [] }]);
    const decoded = decoder.decode(value, 'value', []);
    expect(decoded).toMatchObject({ ok: true, schema: { id: ids.payments, type: 'PROTOBUF', subject: subject('payments-value'), messageType: 'demo.payments.Refund' } });
    expect(JSON.parse((decoded as { json: string }).json)).toEqual({ id: 'r-1', amount: { cents: '9007199254740993', currency: 'EUR' }, reason: 'late', lines: [{ sku: 'A' }] });

    const Line = root.lookupType('demo.payments.Refund.Line');
    const line = frame(ids.payments!, Buffer.from(Line.encode({ sku: 'B' }).finish()), [1, 0]);
    await decoder.prepare([{ key: null, value: line, headers: [] }]);
    expect(decoder.decode(line, 'value', [])).toMatchObject({ ok: true, json: '{"sku":"B"}', schema: { messageType: 'demo.payments.Refund.Line' } });
    const wrongIndex = Buffer.concat([frame(ids.payments!, Buffer.alloc(0)), writeMessageIndexes([5])]);
    expect(decoder.decode(wrongIndex, 'value', [])).toMatchObject({ ok: false, reason: expect.stringContaining('message index 5 is past the 2 message types') });
  });

  it('checks JSON Schema values and flags the ones their schema rejects, keeping the text as written', async () => {
    const decoder = new SchemaDecoder(new SchemaRegistryClient({ urls: [registry.url] }));
    const good = frame(ids.json!, Buffer.from('{"page":"/home","ms":12345678901234567890}'));
    const bad = frame(ids.json!, Buffer.from('{"ms":"slow"}'));
    await decoder.prepare([{ key: null, value: good, headers: [] }]);
    expect(decoder.decode(good, 'value', [])).toEqual({ ok: true, json: '{"page":"/home","ms":12345678901234567890}', schema: { id: ids.json, type: 'JSON', subject: subject('clicks-value'), version: 1 } });
    expect(decoder.decode(bad, 'value', [])).toMatchObject({ ok: true, invalid: expect.stringContaining("must have required property 'page'") });
  });

  it('says why a value cannot be decoded: unknown id, corrupt payload, no registry', async () => {
    const decoder = new SchemaDecoder(new SchemaRegistryClient({ urls: [registry.url] }));
    const unknown = frame(987_654, Buffer.from([1, 2, 3]));
    const corrupt = frame(ids.order!, Buffer.from([0x02]));
    await decoder.prepare([{ key: unknown, value: corrupt, headers: [] }]);
    expect(decoder.decode(unknown, 'key', [])).toEqual({ ok: false, reason: 'schema id 987654 is not in the registry (deleted, or written against another registry)', schema: { id: 987_654 } });
    expect(decoder.decode(corrupt, 'value', [])).toMatchObject({ ok: false, reason: expect.stringContaining('Avro schema id') });
    const none = new SchemaDecoder(null);
    await none.prepare([{ key: null, value: corrupt, headers: [] }]);
    expect(none.decode(corrupt, 'value', [])).toMatchObject({ ok: false, reason: 'no Schema Registry is set up in this connection profile' });
  });

  it('says plainly that the registry cannot be reached', async () => {
    const client = new SchemaRegistryClient({ urls: ['http://127.0.0.1:9'] });
    const decoder = new SchemaDecoder(client);
    const value = frame(ids.order!, Buffer.from([0]));
    await decoder.prepare([{ key: null, value, headers: [] }]);
    expect(decoder.decode(value, 'value', [])).toMatchObject({ ok: false, reason: 'Schema Registry http://127.0.0.1:9 refused the connection.' });
  });
});
