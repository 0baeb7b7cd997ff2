import { WIRE_TRUNCATED, type WireBytes } from '../../../shared/api/message-wire';
import type { RawRecord } from '../../kafka/ports/messages';
import type { Decoded, SchemaDecoder, SchemaInfo } from '../../schemas/schema-decoder';
import type { DecodedSchemaInfo } from '../../../shared/api';
import { encodeBytes, PREVIEW_BYTES } from './encode-bytes';

/** A record's key and value as decoding left them (null: not schema-framed). */
export interface DecodedParts {
  key: Decoded | null;
  value: Decoded | null;
}

/**
 * Decodes a record's schema-framed key and value (the decoder must have been prepared for its
 * chunk). Returns null, cheaply, for records that carry no framing: most topics.
 */
export function decodeParts(r: RawRecord, decoder: SchemaDecoder | undefined, topic: string): DecodedParts | null {
  if (!decoder) return null;
  const key = decoder.decode(r.key, 'key', r.headers, topic);
  const value = decoder.decode(r.value, 'value', r.headers, topic);
  return key || value ? { key, value } : null;
}

/** How many of a record's parts could not be decoded (0, 1 or 2). */
export function failedParts(parts: DecodedParts): number {
  return (parts.key && !parts.key.ok ? 1 : 0) + (parts.value && !parts.value.ok ? 1 : 0);
}

/**
 * The record filters see: decoded keys and values as their JSON text, so text, RE2 and JSON
 * expression filters work on Avro and Protobuf exactly as on JSON.
 */
export function filterable(r: RawRecord, parts: DecodedParts | null): RawRecord {
  if (!parts) return r;
  const asText = (d: Decoded | null, raw: Buffer | null) => (d?.ok ? Buffer.from(d.json, 'utf8') : raw);
  return { ...r, key: asText(parts.key, r.key), value: asText(parts.value, r.value) };
}

/** A decoded part in the wire form: the JSON text (cut to the preview size) with its schema; else the raw bytes and the reason. */
export function encodeDecoded(raw: Buffer | null, decoded: Decoded | null, previewBytes = PREVIEW_BYTES): WireBytes | null {
  if (!decoded || raw === null) return encodeBytes(raw, previewBytes);
  const id = decoded.schema.id ?? 0;
  if (!decoded.ok) {
    const bytes = encodeBytes(raw, previewBytes)!;
    return [bytes[0], bytes[1], bytes[2], id, { error: decoded.reason }];
  }
  const cut = decoded.json.length > previewBytes;
  const schema = decoded.invalid ? { ...wireSchema(decoded.schema), invalid: decoded.invalid } : wireSchema(decoded.schema);
  return [cut ? decoded.json.slice(0, previewBytes) : decoded.json, raw.length, cut ? WIRE_TRUNCATED : 0, id, schema];
}

/**
 * The schema as the window gets it (no GUID), made once per schema (and message type) rather
 * than once per message: a decoder hands out the same info object for every value it decodes.
 */
const wireSchemas = new WeakMap<SchemaInfo, DecodedSchemaInfo>();
function wireSchema(info: SchemaInfo): DecodedSchemaInfo {
  let made = wireSchemas.get(info);
  if (!made) {
    const { guid: _guid, ...rest } = info;
    made = rest;
    wireSchemas.set(info, made);
  }
  return made;
}
