import type { MessageView } from '../../../shared/api';

export type ExportFormat = 'json' | 'ndjson' | 'csv';

/**
 * One message as exported: key and value as text when they are UTF-8, else base64 (said in
 * `keyEncoding`/`valueEncoding`), so the file round-trips into the produce page's NDJSON import.
 */
export interface ExportedMessage {
  partition: number;
  offset: string;
  timestamp: string;
  timestampType: string;
  key: string | null;
  keyEncoding: 'utf8' | 'base64' | null;
  value: string | null;
  valueEncoding: 'utf8' | 'base64' | null;
  /** An object when keys are unique and values text; else a list, which keeps repeated keys and says which values are base64. */
  headers: Record<string, string | null> | ExportedHeader[];
  /** Set when the view held only a preview of a big value. */
  truncated?: true;
}

export interface ExportedHeader {
  key: string;
  value: string | null;
  encoding?: 'base64';
}

function exportedHeaders(headers: MessageView['headers']): ExportedMessage['headers'] {
  const unique = new Set(headers.map((h) => h.key)).size === headers.length;
  if (unique && headers.every((h) => h.value === null || h.value.encoding === 'utf8')) return Object.fromEntries(headers.map((h) => [h.key, h.value?.data ?? null]));
  return headers.map((h): ExportedHeader => (h.value?.encoding === 'base64' ? { key: h.key, value: h.value.data, encoding: 'base64' } : { key: h.key, value: h.value?.data ?? null }));
}

export function toExported(m: MessageView): ExportedMessage {
  const out: ExportedMessage = {
    partition: m.partition,
    offset: m.offset,
    timestamp: m.timestamp,
    timestampType: m.timestampType,
    key: m.key?.data ?? null,
    keyEncoding: m.key?.encoding ?? null,
    value: m.value?.data ?? null,
    valueEncoding: m.value?.encoding ?? null,
    headers: exportedHeaders(m.headers),
  };
  if (m.key?.truncated || m.value?.truncated) out.truncated = true;
  return out;
}

const CSV_COLUMNS = ['partition', 'offset', 'timestamp', 'timestampType', 'key', 'keyEncoding', 'value', 'valueEncoding', 'headers'] as const;

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  // RFC 4180 quoting; a leading = + - @ is prefixed so spreadsheets never run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The text of `messages[from, to)` in a format, joined so consecutive pieces make one valid file. */
export function formatPiece(messages: readonly MessageView[], from: number, to: number, format: ExportFormat, total: number): string {
  const parts: string[] = [];
  if (from === 0) parts.push(format === 'json' ? '[\n' : format === 'csv' ? `${CSV_COLUMNS.join(',')}\r\n` : '');
  for (let i = from; i < to; i++) {
    const e = toExported(messages[i]!);
    if (format === 'csv') parts.push(`${CSV_COLUMNS.map((c) => csvCell(e[c])).join(',')}\r\n`);
    else if (format === 'ndjson') parts.push(`${JSON.stringify(e)}\n`);
    else parts.push(`  ${JSON.stringify(e)}${i < total - 1 ? ',' : ''}\n`);
  }
  if (to === total && format === 'json') parts.push(']\n');
  return parts.join('');
}

const MIME: Record<ExportFormat, string> = { json: 'application/json', ndjson: 'application/x-ndjson', csv: 'text/csv' };

/**
 * Builds the file in chunks, yielding to the event loop between them so the progress bar moves
 * and the window stays responsive, then returns it as a Blob. Stops when `signal` fires.
 */
export async function buildExport(messages: readonly MessageView[], format: ExportFormat, onProgress: (done: number) => void, signal?: AbortSignal, chunk = 2_000): Promise<Blob> {
  const pieces: string[] = [];
  if (messages.length === 0) pieces.push(formatPiece(messages, 0, 0, format, 0));
  for (let from = 0; from < messages.length; from += chunk) {
    if (signal?.aborted) throw new DOMException('Export cancelled', 'AbortError');
    const to = Math.min(messages.length, from + chunk);
    pieces.push(formatPiece(messages, from, to, format, messages.length));
    onProgress(to);
    await new Promise((r) => setTimeout(r, 0));
  }
  return new Blob(pieces, { type: MIME[format] });
}
