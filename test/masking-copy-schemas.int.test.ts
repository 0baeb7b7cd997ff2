import avro from 'avsc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payload } from '../src/shared/api';
import { SchemaRegistryClient } from '../src/main/schemas/registry-client';
import { startTestApp, type TestApp } from './support/app';
import { ExactLong } from './support/avro-exact-long';
import { createTopic, sharedBootstrap, sharedRegistryUrl, totalEndOffset, uniqueTopic } from './support/kafka';

const CUSTOMER = {
  type: 'record',
  name: 'Customer',
  namespace: 'demo.mask',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'email', type: 'string' },
    { name: 'age', type: 'int' },
    { name: 'note', type: ['null', 'string'], default: null },
  ],
};
const SIGNUP = `syntax = "proto3";
package demo.mask;

message Signup {
  string email = 1;
  int64 at = 2;
}
`;
const CONTACT = { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { email: { type: 'string' }, tries: { type: 'integer' } }, required: ['email'] };
const EMAILS = ['ann.lee@example.com', 'bob@corp.example.org', 'eve@example.net'];

/**
 * Masking on a copy of schema-encoded values (real broker, real registry): the masked value is
 * encoded again with the same schema and framing, and one the schema cannot hold is not sent.
 */
describe('copying schema-encoded values of a masked topic', () => {
  const bootstrap = sharedBootstrap();
  const avroTopic = uniqueTopic('pii-avro');
  const protoTopic = uniqueTopic('pii-proto');
  const jsonTopic = uniqueTopic('pii-json');
  const ageTopic = uniqueTopic('pii-age');
  const targets = { avro: uniqueTopic('copy-avro'), proto: uniqueTopic('copy-proto'), json: uniqueTopic('copy-json'), age: uniqueTopic('copy-age') };
  let app: TestApp;
  let masked: string;
  let plain: string;
  let registry: SchemaRegistryClient;
  const schema = (subject: string, text: string): Payload => ({ format: 'schema', text, schema: { subject, version: 'latest' } });
  const copy = (topic: string, target: string) =>
    app.call('copy.run', { connectionId: masked, runId: `mc-${topic}`, topic, source: { kind: 'range', position: { kind: 'beginning' } }, target: { connectionId: masked, topic: target }, options: {} });

  beforeAll(async () => {
    registry = new SchemaRegistryClient({ urls: [sharedRegistryUrl()] });
    await Promise.all([avroTopic, protoTopic, jsonTopic, ageTopic, ...Object.values(targets)].map((t) => createTopic(bootstrap, t, 1)));
    for (const t of [avroTopic, ageTopic]) await registry.register(`${t}-value`, { schemaType: 'AVRO', schema: JSON.stringify({ ...CUSTOMER, doc: t }), references: [] });
    await registry.register(`${protoTopic}-value`, { schemaType: 'PROTOBUF', schema: `${SIGNUP}// ${protoTopic}\n`, references: [] });
    await registry.register(`${jsonTopic}-value`, { schemaType: 'JSON', schema: JSON.stringify({ ...CONTACT, title: jsonTopic }), references: [] });
    app = startTestApp();
    const connection = { brokers: bootstrap.split(','), schemaRegistry: { urls: [sharedRegistryUrl()] } };
    plain = (await app.call('connection.connect', { config: connection })).connectionId;
    for (const [i, email] of EMAILS.entries()) {
      const customer = `{"id": ${9007199254740993n + BigInt(i)}, "email": "${email}", "age": ${30 + i}, "note": "write to ${email}"}`;
      await app.call('produce.send', { connectionId: plain, topic: avroTopic, message: { key: null, value: schema(`${avroTopic}-value`, customer) } });
      await app.call('produce.send', { connectionId: plain, topic: ageTopic, message: { key: null, value: schema(`${ageTopic}-value`, customer) } });
      await app.call('produce.send', { connectionId: plain, topic: protoTopic, message: { key: null, value: schema(`${protoTopic}-value`, `{"email": "${email}", "at": "${1700000000000 + i}"}`) } });
      await app.call('produce.send', { connectionId: plain, topic: jsonTopic, message: { key: null, value: schema(`${jsonTopic}-value`, `{"email": "${email}", "tries": ${i}}`) } });
    }
    const profile = await app.call('profiles.save', {
      profile: {
        name: 'masked copies',
        ...connection,
        masking: [
          { topic: 'pii-*', kind: 'field', pattern: 'email', action: 'mask' },
          { topic: 'pii-*', kind: 'regex', pattern: '[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+', action: 'hash' },
          { topic: ageTopic, kind: 'field', pattern: 'age', action: 'mask' },
        ],
      },
    });
    masked = (await app.call('profiles.connect', { id: profile.id })).connectionId;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  const rawValues = async (topic: string) => {
    const read = await app.readAll(plain, topic);
    return Promise.all(read.map(async (m) => {
      const raw = await app.call('messages.get', { connectionId: plain, topic, partition: m.partition, offset: m.offset, raw: true });
      return Buffer.from(raw.value!.data, raw.value!.encoding === 'base64' ? 'base64' : 'utf8');
    }));
  };

  it('re-encodes masked Avro values with the same schema id: the target reads them decoded, masked, and the rest as it was', async () => {
    const summary = await copy(avroTopic, targets.avro);
    expect(summary).toMatchObject({ sent: 3, failed: 0 });
    const subject = await registry.subjectVersion(`${avroTopic}-value`, 'latest');
    const type = avro.Type.forSchema(JSON.parse(subject.schema) as avro.Schema, { registry: { long: ExactLong } });
    const written = await rawValues(targets.avro);
    expect(written).toHaveLength(3);
    written.forEach((bytes, i) => {
      expect(bytes[0]).toBe(0);
      expect(bytes.readUInt32BE(1)).toBe(subject.id);
      const value = type.fromBuffer(bytes.subarray(5)) as { id: bigint; email: string; age: number; note: string };
      expect(value.id).toBe(9007199254740993n + BigInt(i));
      expect(value.email).toBe('****');
      expect(value.age).toBe(30 + i);
      // The regex rule hashes what the field rule left: the note's email.
      expect(value.note).toMatch(/^write to hash:[0-9a-f]{16}$/);
      for (const e of EMAILS) expect(bytes.includes(e)).toBe(false);
    });
  });

  it('re-encodes Protobuf and JSON Schema values the same way', async () => {
    expect(await copy(protoTopic, targets.proto)).toMatchObject({ sent: 3, failed: 0 });
    expect(await copy(jsonTopic, targets.json)).toMatchObject({ sent: 3, failed: 0 });
    const proto = await app.readAll(plain, targets.proto);
    expect(proto.map((m) => [m.value!.schema?.subject, JSON.parse(m.value!.data)])).toEqual(EMAILS.map((_, i) => [`${protoTopic}-value`, { email: '****', at: String(1700000000000 + i) }]));
    const json = await app.readAll(plain, targets.json);
    expect(json.map((m) => [m.value!.schema?.subject, JSON.parse(m.value!.data)])).toEqual(EMAILS.map((_, i) => [`${jsonTopic}-value`, { email: '****', tries: i }]));
    for (const bytes of [...(await rawValues(targets.proto)), ...(await rawValues(targets.json))]) for (const e of EMAILS) expect(bytes.includes(e)).toBe(false);
  });

  it('refuses, with the reason, a masked value its schema cannot hold, and previews it without its bytes', async () => {
    const preview = await app.call('copy.preview', { connectionId: masked, topic: ageTopic, source: { kind: 'range', position: { kind: 'beginning' } }, target: { connectionId: masked, topic: targets.age }, options: {}, count: 3 });
    expect(preview.messages).toHaveLength(3);
    for (const m of preview.messages) {
      expect(m.skipped).toMatch(/masked value does not fit its schema .*age/);
      expect(m.value).toBeNull();
    }
    const summary = await copy(ageTopic, targets.age);
    expect(summary).toMatchObject({ sent: 0, failed: 3 });
    expect(summary.errors[0]!.reason).toMatch(new RegExp(`^Not copied: the masked value does not fit its schema ${ageTopic}-value v1 \\(age: `));
    expect(await totalEndOffset(targets.age)).toBe(0);
  });
});
