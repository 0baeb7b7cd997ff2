import type { EncodedBytes } from '../../../shared/api';
import { parseExact, stringifyExact } from './exact-json';

/** One line for the table: text as is, binary as hex, null as a marker; always plain text. */
export function preview(bytes: EncodedBytes | null, nullLabel: string, max = 200): string {
  if (bytes === null) return nullLabel;
  // A decoded value is JSON text with a schema badge beside it; only raw framed bytes say their id inline.
  const label = bytes.schemaId !== undefined && !bytes.schema ? `[schema ${bytes.schemaId}] ` : '';
  const body = bytes.encoding === 'utf8' ? bytes.data.replace(/\s+/g, ' ') : toHex(bytes.data, Math.ceil(max / 3));
  return label + (body.length > max ? `${body.slice(0, max)}…` : body);
}

/** The full text for the detail pane: JSON pretty-printed, binary as hex with an ASCII column. */
export function fullText(bytes: EncodedBytes | null): { kind: 'null' | 'json' | 'text' | 'binary'; text: string } {
  if (bytes === null) return { kind: 'null', text: '' };
  if (bytes.encoding === 'utf8') {
    try {
      const parsed = parseExact(bytes.data);
      if (typeof parsed === 'object' && parsed !== null) return { kind: 'json', text: stringifyExact(parsed) };
    } catch {
      /* not JSON: shown as text */
    }
    return { kind: 'text', text: bytes.data };
  }
  return { kind: 'binary', text: hexDump(base64Bytes(bytes.data)) };
}

function base64Bytes(b64: string): Uint8Array {
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

function toHex(b64: string, maxBytes: number): string {
  const bytes = base64Bytes(b64).subarray(0, maxBytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

export function hexDump(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let at = 0; at < bytes.length; at += 16) {
    const row = bytes.subarray(at, at + 16);
    const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${at.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return lines.join('\n');
}
