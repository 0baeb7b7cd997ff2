import { diffLines } from 'diff';
import type { SchemaTypeName } from '../../../shared/api';

/** Avro and JSON Schema are JSON: shown pretty-printed (registries often store them on one line); Protobuf as written. */
export function displaySchema(type: SchemaTypeName, text: string): string {
  if (type === 'PROTOBUF') return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export interface DiffLine {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Line-by-line differences from `before` to `after`, for the version diff view. */
export function schemaDiff(before: string, after: string): DiffLine[] {
  const out: DiffLine[] = [];
  for (const part of diffLines(before, after)) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const lines = part.value.replace(/\n$/, '').split('\n');
    for (const text of lines) out.push({ kind, text });
  }
  return out;
}
