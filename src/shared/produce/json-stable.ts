import type { CompiledTemplate, OutputShape } from './template';

const BEFORE_TOKEN = new Set([':', '[', ',', ' ', '\t', '\n', '\r']);
const AFTER_TOKEN = new Set([',', ']', '}', ' ', '\t', '\n', '\r']);

/** Can this output go inside a JSON string as is: no quote, no backslash, no control character? */
function stringSafe(shape: OutputShape): boolean {
  if (shape.kind !== 'choices') return true; // digits, signs, dots, letters, dashes, colons
  return shape.choices.every((c) => [...c].every((ch) => ch !== '"' && ch !== '\\' && ch.charCodeAt(0) >= 0x20));
}

/**
 * True when a JSON template renders to valid JSON for every message as soon as it does for one:
 * every placeholder sits inside a string and prints nothing that could end or escape it, or
 * stands alone as a number or boolean between JSON delimiters. A burst then checks its first
 * message only, instead of parsing every one (a tenth of a burst's time).
 */
export function jsonStable(template: CompiledTemplate): boolean {
  let inString = false;
  let escaped = false;
  const parts = template.parts;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (typeof part === 'string') {
      for (const ch of part) {
        if (inString) {
          if (escaped) escaped = false;
          else if (ch === '\\') escaped = true;
          else if (ch === '"') inString = false;
        } else if (ch === '"') inString = true;
      }
      continue;
    }
    if (inString) {
      if (escaped || !stringSafe(part.shape)) return false;
      continue;
    }
    if (part.shape.kind !== 'number' && part.shape.kind !== 'boolean') return false;
    const before = parts[i - 1];
    const after = parts[i + 1];
    if (typeof before !== 'string' || !BEFORE_TOKEN.has(before[before.length - 1]!)) return false;
    if (after !== undefined && (typeof after !== 'string' || !AFTER_TOKEN.has(after[0]!))) return false;
  }
  return true;
}
