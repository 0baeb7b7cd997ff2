import type { EncodedBytes } from '../../../shared/api';
import { hexDump } from './bytes';
import { parseExact, stringifyExact } from './exact-json';

/** How a part (key, value, a header value) is shown in the detail pane. */
export const VIEWS = ['auto', 'text', 'json', 'hex', 'base64'] as const;
export type ViewChoice = (typeof VIEWS)[number];
export const VIEW_LABELS: Record<ViewChoice, string> = { auto: 'Auto', text: 'Text', json: 'JSON', hex: 'Hex', base64: 'Base64' };

/**
 * What a view shows: `json` carries the parsed document (the tree renders it), every kind carries
 * `text`, which is exactly what Copy puts on the clipboard. `problem` says, in place, why the chosen
 * view could not be used and what is shown instead.
 */
export type Decoded =
  | { kind: 'json'; json: unknown; text: string; problem?: undefined }
  | { kind: 'text' | 'hex' | 'base64'; text: string; problem?: string };

export function isViewChoice(v: unknown): v is ViewChoice {
  return typeof v === 'string' && (VIEWS as readonly string[]).includes(v);
}

/** The original bytes (of the preview when truncated): UTF-8 text is re-encoded, base64 decoded. */
export function rawBytes(bytes: EncodedBytes): Uint8Array {
  if (bytes.encoding === 'utf8') return new TextEncoder().encode(bytes.data);
  const bin = atob(bytes.data);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Base64 of the original bytes; already there when the bytes travelled as base64. */
export function toBase64(bytes: EncodedBytes): string {
  if (bytes.encoding === 'base64') return bytes.data;
  const raw = rawBytes(bytes);
  let bin = '';
  // In chunks: String.fromCharCode(...hugeArray) overflows the call stack.
  for (let at = 0; at < raw.length; at += 0x8000) bin += String.fromCharCode(...raw.subarray(at, at + 0x8000));
  return btoa(bin);
}

function parseJson(bytes: EncodedBytes): { ok: true; json: unknown } | { ok: false; reason: string } {
  if (bytes.encoding !== 'utf8') return { ok: false, reason: 'Not valid UTF-8, so not JSON' };
  try {
    return { ok: true, json: parseExact(bytes.data) };
  } catch (e) {
    const cut = bytes.truncated ? ` (only the first ${bytes.data.length.toLocaleString('en')} characters were read)` : '';
    return { ok: false, reason: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}${cut}` };
  }
}

/** What the bytes are, whatever the view: Auto's choice, without building its output. */
export function describeBytes(bytes: EncodedBytes): 'JSON' | 'text' | 'binary' {
  if (bytes.encoding !== 'utf8') return 'binary';
  const parsed = parseJson(bytes);
  return parsed.ok && typeof parsed.json === 'object' && parsed.json !== null ? 'JSON' : 'text';
}

const hex = (bytes: EncodedBytes): string => hexDump(rawBytes(bytes));

/**
 * The bytes in the chosen view. Auto picks JSON for an object or array, text for other valid
 * UTF-8, hex otherwise. A view that does not fit falls back (JSON → text, text → hex) and says why.
 */
export function decodeAs(bytes: EncodedBytes, view: ViewChoice): Decoded {
  switch (view) {
    case 'auto': {
      if (bytes.encoding !== 'utf8') return { kind: 'hex', text: hex(bytes) };
      const parsed = parseJson(bytes);
      if (parsed.ok && typeof parsed.json === 'object' && parsed.json !== null) return jsonView(parsed.json);
      return { kind: 'text', text: bytes.data };
    }
    case 'json': {
      const parsed = parseJson(bytes);
      if (parsed.ok) return jsonView(parsed.json);
      if (bytes.encoding === 'utf8') return { kind: 'text', text: bytes.data, problem: `${parsed.reason}; shown as text` };
      return { kind: 'hex', text: hex(bytes), problem: 'Not valid UTF-8, so not JSON: shown as hex' };
    }
    case 'text':
      if (bytes.encoding === 'utf8') return { kind: 'text', text: bytes.data };
      return { kind: 'hex', text: hex(bytes), problem: 'Not valid UTF-8: shown as hex' };
    case 'hex':
      return { kind: 'hex', text: hex(bytes) };
    case 'base64':
      return { kind: 'base64', text: toBase64(bytes) };
  }
}

function jsonView(json: unknown): Decoded {
  return { kind: 'json', json, text: stringifyExact(json) };
}
