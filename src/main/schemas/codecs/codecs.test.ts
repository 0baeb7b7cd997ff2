import { describe, expect, it } from 'vitest';
import { avroCodec } from './avro';
import { jsonSchemaCodec } from './json-schema';
import { protobufCodec } from './protobuf';

const ORDER = JSON.stringify({
  type: 'record',
  name: 'Order',
  namespace: 'demo',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'customer', type: ['null', 'string'], default: null },
    { name: 'total', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 } },
    { name: 'placed', type: { type: 'long', logicalType: 'timestamp-micros' } },
    { name: 'day', type: { type: 'int', logicalType: 'date' } },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID'] } },
    { name: 'tags', type: { type: 'array', items: 'string' }, default: [] },
    { name: 'blob', type: 'bytes' },
  ],
});

describe('Avro: JSON as shown is JSON as sent', () => {
  const codec = avroCodec(ORDER);

  it('round-trips exact int64, decimals, micros, dates, unions, enums and bytes', () => {
    const json = '{"id":9223372036854775807,"customer":"ada","total":-1234567890.05,"placed":"2026-11-20T14:00:01.123456Z","day":"2026-11-20","status":"PAID","tags":["a"],"blob":"\\u0000ÿ"}';
    expect(codec.decode(codec.encode(json)).json).toBe(json);
  });

  it('accepts Avro JSON wrapping of union values, and fills in defaults', () => {
    const decoded = codec.decode(codec.encode('{"id":1,"customer":{"string":"bob"},"total":1,"placed":0,"day":0,"status":"NEW","blob":""}')).json;
    expect(JSON.parse(decoded)).toMatchObject({ customer: 'bob', total: 1, tags: [], placed: '1970-01-01T00:00:00.000000Z' });
  });

  it('names the field that does not fit', () => {
    const base = { id: 1, total: 1, placed: 0, day: 0, status: 'NEW', blob: '' };
    expect(() => codec.encode(JSON.stringify({ ...base, id: 'x' }))).toThrow('id: expected a long (integer), got "x"');
    expect(() => codec.encode(JSON.stringify({ ...base, status: 'LOST' }))).toThrow('status: expected one of NEW, PAID');
    expect(() => codec.encode(JSON.stringify({ ...base, extra: 1 }))).toThrow('extra: is not a field of demo.Order');
    expect(() => codec.encode(JSON.stringify({ ...base, tags: ['a', 2] }))).toThrow('tags[1]: expected a string, got 2');
    expect(() => codec.encode(JSON.stringify({ id: 1 }))).toThrow('total: is missing and has no default');
    expect(() => codec.encode('{"id": }')).toThrow('not valid JSON');
  });

  it('offers a skeleton with every field that encodes as it is', () => {
    const skeleton = codec.skeleton();
    expect(JSON.parse(skeleton)).toEqual({ id: 0, customer: null, total: 0, placed: '1970-01-01T00:00:00.000Z', day: '1970-01-01', status: 'NEW', tags: [], blob: '' });
    expect(() => codec.encode(skeleton)).not.toThrow();
  });
});

describe('Protobuf: message types by index, fields checked', () => {
  const codec = protobufCodec(
    { name: 'shop.proto', text: 'syntax = "proto3";\npackage shop;\nmessage Ping { string id = 1; }\nmessage Order { int64 id = 1; repeated Line lines = 2; Kind kind = 3; message Line { string sku = 1; uint64 qty = 2; } enum Kind { ONLINE = 0; STORE = 1; } }\n' },
    [],
  );

  it('lists the message types in message-index order and encodes the one asked for', () => {
    expect(codec.messageTypes).toEqual(['shop.Ping', 'shop.Order', 'shop.Order.Line']);
    const body = codec.encode('{"id": 9007199254740993, "lines": [{"sku": "A", "qty": 18446744073709551615}], "kind": "STORE"}', 'shop.Order');
    expect(body.subarray(0, 2)).toEqual(Buffer.from([2, 2])); // indexes [1]
    expect(JSON.parse(codec.decode(body).json)).toEqual({ id: '9007199254740993', lines: [{ sku: 'A', qty: '18446744073709551615' }], kind: 'STORE' });
    expect(codec.decode(codec.encode('{"sku":"B"}', 'shop.Order.Line'))).toMatchObject({ json: '{"sku":"B","qty":"0"}', messageType: 'shop.Order.Line' });
  });

  it('takes a Timestamp as the RFC 3339 text decoding shows', () => {
    const withTime = protobufCodec({ name: 't.proto', text: 'syntax = "proto3";\nimport "google/protobuf/timestamp.proto";\nmessage T { google.protobuf.Timestamp at = 1; }\n' });
    expect(withTime.decode(withTime.encode('{"at": "2026-11-20T10:00:00.25Z"}')).json).toBe('{"at":"2026-11-20T10:00:00.25Z"}');
    expect(() => withTime.encode('{"at": "yesterday"}')).toThrow('at: expected an RFC 3339 timestamp');
  });

  it('writes and reads Duration and the wrapper types in their JSON form', () => {
    const codec = protobufCodec({
      name: 'w.proto',
      text: 'syntax = "proto3";\nimport "google/protobuf/duration.proto";\nimport "google/protobuf/wrappers.proto";\nmessage W { google.protobuf.Duration took = 1; google.protobuf.Int64Value big = 2; google.protobuf.StringValue name = 3; }\n',
    });
    const json = '{"took": "-1.25s", "big": 9007199254740993, "name": "ada"}';
    expect(JSON.parse(codec.decode(codec.encode(json)).json)).toEqual({ took: '-1.25s', big: '9007199254740993', name: 'ada' });
    expect(JSON.parse(codec.skeleton())).toEqual({ took: '0s', big: null, name: null });
    expect(() => codec.encode('{"took": "an hour"}')).toThrow('took: expected a duration such as 1.5s');
  });

  it('refuses a field the message does not have instead of dropping it', () => {
    expect(() => codec.encode('{"id": 1, "lines": [{"sku": "A", "size": 2}]}', 'shop.Order')).toThrow('lines[0].size: is not a field of shop.Order.Line');
  });

  it('refuses a scalar of the wrong type or out of range instead of coercing it', () => {
    const scalars = protobufCodec({ name: 's.proto', text: 'syntax = "proto3";\nmessage S { int32 small = 1; int64 big = 2; uint64 count = 3; string name = 4; bool on = 5; bytes blob = 6; double ratio = 7; repeated int32 ns = 8; map<string, int64> byName = 9; E e = 10; enum E { A = 0; B = 1; } }\n' });
    const ok = '{"small": -5, "big": "-9223372036854775808", "count": 18446744073709551615, "name": "x", "on": true, "blob": "AAE=", "ratio": "NaN", "ns": [1, 2], "byName": {"a": "7"}, "e": "B"}';
    expect(JSON.parse(scalars.decode(scalars.encode(ok)).json)).toMatchObject({ small: -5, big: '-9223372036854775808', count: '18446744073709551615', e: 'B' });
    expect(() => scalars.encode('{"big": "ten"}')).toThrow('big: expected an integer (int64), got "ten"');
    expect(() => scalars.encode('{"small": 3000000000}')).toThrow('small: 3000000000 is out of range for int32');
    expect(() => scalars.encode('{"count": -1}')).toThrow('count: -1 is out of range for uint64');
    expect(() => scalars.encode('{"name": 7}')).toThrow('name: expected a string, got 7');
    expect(() => scalars.encode('{"on": "yes"}')).toThrow('on: expected true or false, got "yes"');
    expect(() => scalars.encode('{"blob": "not base64!"}')).toThrow('blob: expected base64 text');
    expect(() => scalars.encode('{"ratio": "much"}')).toThrow('ratio: expected a number');
    expect(() => scalars.encode('{"ns": [1, 1.5]}')).toThrow('ns[1]: expected an integer (int32), got 1.5');
    expect(() => scalars.encode('{"byName": {"a": true}}')).toThrow('byName.a: expected an integer (int64), got true');
    expect(() => scalars.encode('{"e": "C"}')).toThrow('e: expected one of A, B, got "C"');
    expect(JSON.parse(scalars.decode(scalars.encode('{"name": null, "big": null}')).json)).toMatchObject({ name: '', big: '0' });
  });

  it('offers a skeleton for the chosen type', () => {
    expect(JSON.parse(codec.skeleton('shop.Order'))).toEqual({ id: '0', lines: [], kind: 'ONLINE' });
  });
});

describe('JSON Schema: validated, sent as typed', () => {
  const codec = jsonSchemaCodec(JSON.stringify({ type: 'object', properties: { page: { type: 'string' }, n: { type: 'integer', default: 1 } }, required: ['page'] }));

  it('sends the text exactly as typed when it is valid', () => {
    const text = '{ "page": "/x",  "n": 12345678901234567890 }';
    expect(codec.encode(text).toString()).toBe(text);
  });

  it('names what the schema refuses', () => {
    expect(() => codec.encode('{"page": 3}')).toThrow('page: must be string');
    expect(() => codec.encode('{}')).toThrow("the value: must have required property 'page'");
  });

  it('offers a skeleton from the properties', () => {
    expect(JSON.parse(codec.skeleton())).toEqual({ page: '', n: 1 });
  });
});
