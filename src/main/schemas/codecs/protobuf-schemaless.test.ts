import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { decodeProtobufSchemaless } from './protobuf-schemaless';

const root = protobuf.parse(`syntax = "proto3";
message Line { string sku = 1; int32 qty = 2; }
message Order { int64 id = 1; string customer = 2; repeated Line lines = 3; double total = 4; bytes blob = 5; }`).root;
const Order = root.lookupType('Order');

describe('Protobuf without a schema', () => {
  it('shows field numbers with nested messages, repeated fields, text, numbers and bytes', () => {
    const bytes = Buffer.from(
      Order.encode(Order.fromObject({ id: '9007199254740993', customer: 'Ada Lovelace', lines: [{ sku: 'A-1', qty: 2 }, { sku: 'B', qty: 1 }], total: 12.5, blob: Buffer.from([0xff, 0x00]) })).finish(),
    );
    expect(decodeProtobufSchemaless(bytes)).toEqual({
      '1': '9007199254740993',
      '2': 'Ada Lovelace',
      '3': [
        { '1': 'A-1', '2': 2 },
        { '1': 'B', '2': 1 },
      ],
      '4': { fixed64: expect.any(String), double: 12.5 },
      '5': { bytes: '/wA=' },
    });
  });

  it('refuses bytes that are not a Protobuf message', () => {
    expect(() => decodeProtobufSchemaless(Buffer.from([0x0f, 0xff]))).toThrow('not a Protobuf message');
  });
});
