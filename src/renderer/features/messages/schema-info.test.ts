import { describe, expect, it } from 'vitest';
import { preview } from './bytes';
import { schemaTitle } from './schema-info';

describe('decoded values in the table', () => {
  it('name their writer schema', () => {
    expect(schemaTitle({ type: 'PROTOBUF', id: 7, subject: 'payments-value', version: 3, messageType: 'demo.Refund' })).toBe('Protobuf · payments-value v3 · id 7 · demo.Refund');
    expect(schemaTitle({ type: 'AVRO', id: 2 })).toBe('Avro · id 2');
  });

  it('show decoded JSON without the raw id label, and raw framed bytes with it', () => {
    expect(preview({ encoding: 'utf8', data: '{"id": 1}', size: 7, schemaId: 2, schema: { type: 'AVRO', id: 2 } }, '')).toBe('{"id": 1}');
    expect(preview({ encoding: 'base64', data: 'AAAAAAIC', size: 6, schemaId: 2, undecodable: 'registry down' }, '')).toBe('[schema 2] 00 00 00 00 02 02');
  });
});
