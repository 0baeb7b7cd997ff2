import type { LocalSchemasConfig } from '../../../shared/api';

type Mapping = LocalSchemasConfig['mappings'][number];

/**
 * The mapping editor is plain text, one mapping a line — `orders-* value demo.Order` — which is
 * quick to type, paste and review. Blank lines and # comments are skipped.
 */
export function parseMappingLines(text: string): { mappings: Mapping[]; problem: string | null } {
  const mappings: Mapping[] = [];
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [topic, part, type, ...rest] = line.split(/\s+/);
    if (!topic || !type || (part !== 'key' && part !== 'value') || rest.length > 0) {
      return { mappings, problem: `line ${i + 1}: write "topic key|value Type", e.g. "orders-* value demo.Order" (got "${line}")` };
    }
    mappings.push({ topic, part, type });
  }
  return { mappings, problem: null };
}

export function mappingLines(mappings: Mapping[]): string {
  return mappings.map((m) => `${m.topic} ${m.part} ${m.type}`).join('\n');
}

export function pathLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}
