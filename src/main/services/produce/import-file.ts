import { parse as parseLossless, stringify as stringifyLossless } from 'lossless-json';
import { partitionForKey, partitionForText } from '../../../shared/produce/murmur2';
import type { OutgoingRecord } from '../../kafka/ports/producer';
import { encodeWithSchema } from './message-factory';
import type { SchemaUse } from './payload-schemas';

/** What an NDJSON import takes from the file besides keys, values and headers. */
export interface ImportKeep {
  /** Send each line to its `partition` (else Kafka's partitioner picks by key). */
  partition: boolean;
  /** Send each line with its `timestamp` (epoch ms) as create time (else now). */
  timestamp: boolean;
}

/**
 * Reads an imported file's lines as records. NDJSON: one object per line with `key`, `value`
 * (a string is sent as is, anything else as JSON; null is a tombstone), `headers` (an object
 * or [{key, value, encoding}]), `partition` and `timestamp`. `keyEncoding`/`valueEncoding`
 * "base64" (and a listed header's `encoding`) mean the string is base64 of the bytes, as the
 * Messages page's export writes binary data: an exported file imports back byte for byte.
 * "lines": every non-empty line is a value with a null key.
 * With `schemas`, each value (and NDJSON key) is JSON encoded with that schema (a subject's version
 * in Confluent wire format, a local type as plain bytes): a "lines" line is the value's JSON text; in NDJSON a string is the value's JSON text
 * (what the Messages export writes for decoded values), any other JSON is the value itself
 * (numbers kept exact), and base64 data is sent as the bytes it is.
 */
export function importedRecords(
  content: string,
  format: 'ndjson' | 'lines',
  partitionCount: number,
  keep: ImportKeep = { partition: true, timestamp: false },
  schemas: { key?: SchemaUse | undefined; value?: SchemaUse | undefined } = {},
  /** The file's line number of the content's first line (a block of a bigger file starts further on). */
  firstLine = 1,
): { total: number; record(seq: number): OutgoingRecord } {
  const lines = nonBlankLines(content, firstLine);
  let roundRobin = 0;
  const place = (key: Buffer | string | null, partition: unknown, line: number) => {
    if (keep.partition && partition !== undefined && partition !== null) {
      if (!Number.isInteger(partition) || (partition as number) < 0 || (partition as number) >= partitionCount) {
        throw new Error(`line ${line}: partition ${JSON.stringify(partition)} does not exist (0–${partitionCount - 1})`);
      }
      return partition as number;
    }
    return key === null ? roundRobin++ % partitionCount : typeof key === 'string' ? partitionForText(key, partitionCount) : partitionForKey(key, partitionCount);
  };

  const withSchema = (text: string, number: number, role: 'key' | 'value', v: unknown, use: SchemaUse): Buffer => {
    const json = typeof v === 'string' ? v : exactJsonOf(text, role);
    return encodeWithSchema(use.schema, json, use.messageType, `line ${number}: ${role}`);
  };
  const plain = !schemas.key && !schemas.value;

  return {
    total: lines.count,
    record(seq) {
      const text = lines.text(seq - 1);
      const number = lines.number(seq - 1);
      if (format === 'lines') {
        const value = schemas.value ? encodeWithSchema(schemas.value.schema, text, schemas.value.messageType, `line ${number}: value`) : text;
        return { key: null, value, headers: NO_HEADERS, partition: place(null, undefined, number), timestamp: Date.now() };
      }
      let row: unknown;
      try {
        row = JSON.parse(text);
      } catch (error) {
        throw new Error(`line ${number}: not valid JSON (${(error as Error).message})`, { cause: error });
      }
      if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new Error(`line ${number}: expected an object with key, value, headers, partition`);
      const { key, keyEncoding, value, valueEncoding, headers, partition, timestamp } = row as Record<string, unknown>;
      // The usual line ({"key": "…", "value": "…"}, text only): no encodings, schemas or headers to look at.
      if (plain && keyEncoding === undefined && valueEncoding === undefined && headers === undefined && (typeof key === 'string' || key === undefined || key === null) && typeof value === 'string') {
        const keyText = typeof key === 'string' ? key : null;
        return {
          key: keyText,
          value,
          headers: NO_HEADERS,
          partition: place(keyText, partition, number),
          timestamp: keep.timestamp && timestamp !== undefined && timestamp !== null ? toTimestamp(timestamp, number) : Date.now(),
        };
      }
      const schemaKey = schemas.key && key !== undefined && key !== null && !isBase64(keyEncoding, `line ${number}: key`) ? schemas.key : undefined;
      const keyBytes = schemaKey ? withSchema(text, number, 'key', key, schemaKey) : toBytes(key, keyEncoding, `line ${number}: key`);
      const schemaValue = schemas.value && value !== undefined && value !== null && !isBase64(valueEncoding, `line ${number}: value`) ? schemas.value : undefined;
      // A text value stays a string: the producer writes it into the batch without an extra copy.
      const valueData = schemaValue
        ? withSchema(text, number, 'value', value, schemaValue)
        : isBase64(valueEncoding, `line ${number}: value`)
          ? toBytes(value, valueEncoding, `line ${number}: value`)
          : value === undefined || value === null
            ? null
            : typeof value === 'string'
              ? value
              : JSON.stringify(value);
      return {
        key: keyBytes,
        value: valueData,
        headers: toHeaders(headers, number),
        partition: place(keyBytes, partition, number),
        timestamp: keep.timestamp && timestamp !== undefined && timestamp !== null ? toTimestamp(timestamp, number) : Date.now(),
      };
    },
  };
}

/**
 * Where each non-blank line of `content` starts and ends, and its 1-based number (for error
 * messages). Only offsets are kept: each line's text is cut when it is read, so it dies young
 * instead of living as long as the block (cheaper garbage collection for big imports).
 */
function nonBlankLines(content: string, firstLine: number): { count: number; text(i: number): string; number(i: number): number } {
  let starts: Int32Array = new Int32Array(1024);
  let ends: Int32Array = new Int32Array(1024);
  let numbers: Int32Array = new Int32Array(1024);
  let count = 0;
  for (let at = 0, line = firstLine; ; line++) {
    const newline = content.indexOf('\n', at);
    const lineEnd = newline < 0 ? content.length : newline;
    const end = lineEnd > at && content.charCodeAt(lineEnd - 1) === 13 /* \r */ ? lineEnd - 1 : lineEnd;
    if (end > at && hasTextAt(content, at, end)) {
      if (count === starts.length) [starts, ends, numbers] = [grow(starts), grow(ends), grow(numbers)];
      starts[count] = at;
      ends[count] = end;
      numbers[count] = line;
      count++;
    }
    if (newline < 0) break;
    at = newline + 1;
  }
  return { count, text: (i) => content.slice(starts[i]!, ends[i]!), number: (i) => numbers[i]! };
}

function grow(a: Int32Array): Int32Array {
  const bigger = new Int32Array(a.length * 2);
  bigger.set(a);
  return bigger;
}

/** hasText for the line at `start`–`end` of `content`, cutting it out only when its first character does not settle it. */
export function hasTextAt(content: string, start: number, end: number): boolean {
  const first = content.charCodeAt(start);
  return (first > 32 && first < 127) || hasText(content.slice(start, end));
}

/** True for a line that is not blank (whitespace of any kind is blank). */
export function hasText(line: string): boolean {
  // A line that starts with a visible ASCII character is not blank: the regex only for the rest.
  const first = line.charCodeAt(0);
  return (first > 32 && first < 127) || /\S/.test(line);
}

/** Shared by every record without headers (never mutated): one array less per line. */
const NO_HEADERS: OutgoingRecord['headers'] = [];

/** A line's key or value as JSON text with every digit as written (JSON.parse rounds int64). */
function exactJsonOf(line: string, field: 'key' | 'value'): string {
  const row = parseLossless(line) as Record<string, unknown>;
  return stringifyLossless(row[field]) ?? 'null';
}

/** True for "base64"; false for "utf8" or none; anything else is a mistake worth naming. */
function isBase64(encoding: unknown, what: string): boolean {
  if (encoding === undefined || encoding === null || encoding === 'utf8') return false;
  if (encoding === 'base64') return true;
  throw new Error(`${what}: unknown encoding ${JSON.stringify(encoding)} (expected "utf8" or "base64")`);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The bytes a key or header value stands for: base64 decoded when its encoding says so (and
 * checked: Node would silently skip what is not base64), text as UTF-8, other JSON as its text.
 */
function toBytes(v: unknown, encoding: unknown, what: string): Buffer | null {
  if (v === undefined || v === null) return null;
  if (isBase64(encoding, what)) {
    if (typeof v !== 'string' || v.length % 4 !== 0 || !BASE64.test(v)) throw new Error(`${what}: not valid base64`);
    return Buffer.from(v, 'base64');
  }
  return Buffer.from(typeof v === 'string' ? v : JSON.stringify(v), 'utf8');
}

/** Epoch ms as a number or a decimal string (as exported). */
function toTimestamp(t: unknown, line: number): number {
  const n = typeof t === 'string' && /^\d{1,16}$/.test(t) ? Number(t) : t;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw new Error(`line ${line}: timestamp ${JSON.stringify(t)} is not epoch milliseconds`);
  return n;
}

function toHeaders(h: unknown, line: number): { key: string; value: Buffer }[] {
  if (h === undefined || h === null) return NO_HEADERS;
  const list = Array.isArray(h) ? h.map((x) => x as { key?: unknown; value?: unknown; encoding?: unknown }) : Object.entries(h as object).map(([key, value]) => ({ key, value, encoding: undefined }));
  return list.map((x) => {
    if (typeof x?.key !== 'string' || x.key === '') throw new Error(`line ${line}: every header needs a non-empty string key`);
    // A null header value is sent as empty bytes: the producer does not send null header values.
    return { key: x.key, value: toBytes(x.value, x.encoding, `line ${line}: header ${x.key}`) ?? Buffer.alloc(0) };
  });
}
