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
  kind: 'same' | 'added' | 'removed' | 'folded';
  text: string;
}

/** Long runs of unchanged lines folded to `context` lines either side of each change, as `diff -u` shows them. */
export function foldUnchanged(lines: DiffLine[], context = 3): DiffLine[] {
  const out: DiffLine[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.kind !== 'same') {
      out.push(lines[i++]!);
      continue;
    }
    let end = i;
    while (end < lines.length && lines[end]!.kind === 'same') end++;
    const keepHead = i === 0 ? 0 : context;
    const keepTail = end === lines.length ? 0 : context;
    if (end - i > keepHead + keepTail + 1) {
      out.push(...lines.slice(i, i + keepHead));
      out.push({ kind: 'folded', text: `… ${end - i - keepHead - keepTail} unchanged lines` });
      out.push(...lines.slice(end - keepTail, end));
    } else {
      out.push(...lines.slice(i, end));
    }
    i = end;
  }
  return out;
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
