import type { EncodedBytes } from '../../../shared/api';

const PREVIEW_BYTES = 256 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Text when the bytes are valid UTF-8 (JSON included), base64 otherwise, so binary never
 * breaks the view; big values are cut to a preview. Schema Registry framing is recognised.
 */
export function encodeBytes(bytes: Buffer | null): EncodedBytes | null {
  if (bytes === null) return null;
  const size = bytes.length;
  const schemaId = size >= 5 && bytes[0] === 0 ? bytes.readUInt32BE(1) : undefined;
  const shown = size > PREVIEW_BYTES ? bytes.subarray(0, PREVIEW_BYTES) : bytes;
  const out: EncodedBytes = { encoding: 'base64', data: '', size, truncated: shown.length < size };
  if (schemaId !== undefined && schemaId > 0) {
    out.schemaId = schemaId;
    out.data = shown.toString('base64');
    return out;
  }
  try {
    out.data = utf8.decode(shown);
    out.encoding = 'utf8';
  } catch {
    // A cut may split a multi-byte character: fall back to base64 for the preview, never garbage.
    out.data = shown.toString('base64');
  }
  return out;
}
