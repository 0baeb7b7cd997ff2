import { describe, expect, it } from 'vitest';
import { displaySchema, schemaDiff } from './schema-text';

describe('schema text', () => {
  it('pretty-prints Avro and JSON Schema, leaves Protobuf as written', () => {
    expect(displaySchema('AVRO', '{"type":"string"}')).toBe('{\n  "type": "string"\n}');
    expect(displaySchema('PROTOBUF', 'message A {}')).toBe('message A {}');
    expect(displaySchema('JSON', 'not json')).toBe('not json');
  });

  it('marks added and removed lines between two versions', () => {
    expect(schemaDiff('a\nb\nc\n', 'a\nc\nd\n')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ]);
  });
});
