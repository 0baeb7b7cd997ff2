import { isUtf8 } from 'node:buffer';
import type { DecodedSchemaInfo, ExportFormat } from '../../../shared/api';
import type { Decoded } from '../../schemas/schema-decoder';
import type { DecodedParts } from './schema-records';
import type { RawRecord } from '../../kafka/ports/messages';
import { hasSchemaFraming } from './encode-bytes';

/**
 * One message as exported, whole: key, value and header values as text when they are UTF-8,
 * else base64 (said in `keyEncoding`, `valueEncoding` and a header's `encoding`), so the
 * Produce page's NDJSON import (services/produce/import-file.ts) writes back the same bytes.
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
  /** Set when the export was asked for decoded values: the writer schema the key or value was decoded with. */
  keySchema?: DecodedSchemaInfo;
  valueSchema?: DecodedSchemaInfo;
}

export interface ExportedHeader {
  key: string;
  value: string | null;
  encoding?: 'base64';
}

/** Text when the bytes are UTF-8 (Schema Registry framing aside: its id bytes read badly as text), else base64. */
export function textOrBase64(bytes: Buffer | null): { data: string | null; encoding: 'utf8' | 'base64' | null } {
  if (bytes === null) return { data: null, encoding: null };
  if (!hasSchemaFraming(bytes) && isUtf8(bytes)) return { data: bytes.toString('utf8'), encoding: 'utf8' };
  return { data: bytes.toString('base64'), encoding: 'base64' };
}

function exportedHeaders(headers: RawRecord['headers']): ExportedMessage['headers'] {
  const values = headers.map((h) => textOrBase64(h.value));
  const unique = new Set(headers.map((h) => h.key)).size === headers.length;
  if (unique && values.every((v) => v.encoding !== 'base64')) return Object.fromEntries(headers.map((h, i) => [h.key, values[i]!.data]));
  return headers.map((h, i): ExportedHeader => (values[i]!.encoding === 'base64' ? { key: h.key, value: values[i]!.data, encoding: 'base64' } : { key: h.key, value: values[i]!.data }));
}

/**
 * A decoded key or value is written as its JSON text (encoding utf8) with the schema it was
 * decoded with; one that could not be decoded stays as its bytes, as in a raw export.
 */
function part(bytes: Buffer | null, decoded: Decoded | null | undefined): { data: string | null; encoding: 'utf8' | 'base64' | null; schema?: DecodedSchemaInfo } {
  if (!decoded?.ok) return textOrBase64(bytes);
  const { guid: _guid, ...schema } = decoded.schema;
  return { data: decoded.json, encoding: 'utf8', schema };
}

export function toExported(r: RawRecord, parts: DecodedParts | null = null): ExportedMessage {
  const key = part(r.key, parts?.key);
  const value = part(r.value, parts?.value);
  return {
    partition: r.partition,
    offset: r.offset,
    timestamp: r.timestamp,
    timestampType: r.timestampType,
    key: key.data,
    keyEncoding: key.encoding,
    value: value.data,
    valueEncoding: value.encoding,
    headers: exportedHeaders(r.headers),
    ...(key.schema ? { keySchema: key.schema } : {}),
    ...(value.schema ? { valueSchema: value.schema } : {}),
  };
}

const CSV_COLUMNS = ['partition', 'offset', 'timestamp', 'timestampType', 'key', 'keyEncoding', 'value', 'valueEncoding', 'headers'] as const;

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  // RFC 4180 quoting; a leading = + - @ is prefixed so spreadsheets never run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** What a file starts with, before any message. */
export function exportHead(format: ExportFormat): string {
  return format === 'json' ? '[' : format === 'csv' ? `${CSV_COLUMNS.join(',')}\r\n` : '';
}

/** One message's text; `first` says whether it is the file's first (JSON puts commas between). */
export function exportRow(r: RawRecord, format: ExportFormat, first: boolean, parts: DecodedParts | null = null): string {
  const e = toExported(r, parts);
  if (format === 'csv') return `${CSV_COLUMNS.map((c) => csvCell(e[c])).join(',')}\r\n`;
  if (format === 'ndjson') return `${JSON.stringify(e)}\n`;
  return `${first ? '\n' : ',\n'}  ${JSON.stringify(e)}`;
}

/** What a file ends with; `empty` when no message was written. */
export function exportTail(format: ExportFormat, empty: boolean): string {
  return format === 'json' ? (empty ? ']\n' : '\n]\n') : '';
}
