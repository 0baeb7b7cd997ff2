import { describe, expect, it } from 'vitest';
import { MessageDraft } from '../../../shared/api';
import { avroCodec } from '../../schemas/codecs/avro';
import { protobufCodec } from '../../schemas/codecs/protobuf';
import type { LocalType } from '../../schemas/local-schemas';
import type { SubjectSchema } from '../../schemas/schema-encoder';
import { importedRecords } from './import-file';
import { messageFactory, SchemaValueError } from './message-factory';

const order: SubjectSchema = {
  subject: 'orders-value',
  version: 2,
  id: 7,
  schemaType: 'AVRO',
  codec: avroCodec(JSON.stringify({ type: 'record', name: 'Order', fields: [{ name: 'id', type: 'long' }, { name: 'who', type: 'string' }] })),
};
const draft = (text: string) => MessageDraft.parse({ key: null, value: { format: 'schema', text, schema: { subject: 'orders-value' } } });

describe('schema payloads', () => {
  it('renders each message’s template, then encodes it in Confluent wire format', () => {
    const build = messageFactory(draft('{"id": {{seq}}, "who": "w{{seq}}"}'), 1, { value: order });
    const third = build(3).value as Buffer;
    expect([...third.subarray(0, 5)]).toEqual([0, 0, 0, 0, 7]);
    expect(order.codec.decode(third.subarray(5)).json).toBe('{"id":3,"who":"w3"}');
  });

  it('refuses a value that does not fit, naming the field', () => {
    const build = () => messageFactory(draft('{"id": 1, "who": 5}'), 1, { value: order });
    expect(build).toThrow(SchemaValueError);
    expect(build).toThrow('value does not fit schema orders-value v2: who: expected a string, got 5');
  });

  it('encodes Protobuf with the chosen message type’s index', () => {
    const proto: SubjectSchema = { ...order, schemaType: 'PROTOBUF', codec: protobufCodec({ name: 'p.proto', text: 'syntax = "proto3"; package p; message A { string a = 1; } message B { int64 b = 1; }' }) };
    const d = MessageDraft.parse({ key: null, value: { format: 'schema', text: '{"b": "9223372036854775807"}', schema: { subject: 's', messageType: 'p.B' } } });
    const bytes = messageFactory(d, 1, { value: proto })(1).value as Buffer;
    expect([...bytes.subarray(5, 7)]).toEqual([2, 2]);
  });

  it('encodes a local type as the plain bytes, no framing, and names the type when a value does not fit', () => {
    const visit: LocalType = { name: 'web.Visit', file: '/schemas/visit.avsc', codec: order.codec };
    const d = MessageDraft.parse({ key: null, value: { format: 'schema', text: '{"id": {{seq}}, "who": "w"}', schema: { local: 'web.Visit' } } });
    const bytes = messageFactory(d, 1, { value: visit })(2).value as Buffer;
    expect(bytes).toEqual(order.codec.encode('{"id": 2, "who": "w"}'));
    expect(order.codec.decode(bytes).json).toBe('{"id":2,"who":"w"}');
    expect(() => messageFactory(draft('{"id": "x", "who": "w"}'), 1, { value: visit })).toThrow('value does not fit local type web.Visit (visit.avsc): id: expected a long');
  });

  it('imports NDJSON values with a schema: objects with exact int64, strings as JSON text, base64 as is', () => {
    const file = ['{"value": {"id": 9007199254740993, "who": "a"}}', '{"value": "{\\"id\\": 2, \\"who\\": \\"b\\"}"}', '{"value": "AAEC", "valueEncoding": "base64"}', '{"value": {"id": "x", "who": "c"}}'].join('\n');
    const parsed = importedRecords(file, 'ndjson', 1, undefined, { value: { schema: order } });
    expect(order.codec.decode((parsed.record(1).value as Buffer).subarray(5)).json).toBe('{"id":9007199254740993,"who":"a"}');
    expect(order.codec.decode((parsed.record(2).value as Buffer).subarray(5)).json).toBe('{"id":2,"who":"b"}');
    expect(parsed.record(3).value).toEqual(Buffer.from([0, 1, 2]));
    expect(() => parsed.record(4)).toThrow('line 4: value does not fit schema orders-value v2: id: expected a long');
  });
});
