import { describe, expect, it } from 'vitest';
import { displaySchema, foldUnchanged, schemaDiff } from './schema-text';

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

  it('folds long unchanged runs, keeping three lines of context around each change', () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const after = before.replace('l10', 'L10');
    const folded = foldUnchanged(schemaDiff(before, after));
    expect(folded.map((l) => (l.kind === 'same' ? l.text : `${l.kind}:${l.text}`))).toEqual(['folded:… 7 unchanged lines', 'l7', 'l8', 'l9', 'removed:l10', 'added:L10', 'l11', 'l12', 'l13', 'folded:… 6 unchanged lines']);
  });
});
