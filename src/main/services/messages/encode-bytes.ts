import { isUtf8 } from 'node:buffer';
import { WIRE_BASE64, WIRE_TRUNCATED, type WireBytes } from '../../../shared/api/message-wire';

export const PREVIEW_BYTES = 256 * 1024;

/**
 * Text when the bytes are valid UTF-8 (JSON included), base64 otherwise, so binary never
 * breaks the view; big values are cut to a preview. Schema Registry framing is recognised.
 * Written straight in the wire form (see message-wire.ts): this runs for every message read.
 */
export function encodeBytes(bytes: Buffer | null, previewBytes = PREVIEW_BYTES): WireBytes | null {
  if (bytes === null) return null;
  const size = bytes.length;
  const shown = size > previewBytes ? bytes.subarray(0, previewBytes) : bytes;
  const truncated = shown.length < size ? WIRE_TRUNCATED : 0;
  const schemaId = hasSchemaFraming(bytes) ? bytes.readUInt32BE(1) : 0;
  if (schemaId > 0) return [shown.toString('base64'), size, WIRE_BASE64 | truncated, schemaId];
  // Validated first (SIMD, no exception path): much faster than a fatal TextDecoder per message.
  // A cut may split a multi-byte character: then the preview is base64, never garbage.
  if (isUtf8(shown)) return [shown.toString('utf8'), size, truncated];
  return [shown.toString('base64'), size, WIRE_BASE64 | truncated];
}

/** Confluent Schema Registry wire format: magic byte 0, then a 4-byte schema id (not 0). */
export function hasSchemaFraming(bytes: Buffer): boolean {
  return bytes.length >= 5 && bytes[0] === 0 && bytes.readUInt32BE(1) > 0;
}
