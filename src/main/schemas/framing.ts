/**
 * Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian integer, then the
 * payload; for Protobuf the payload starts with the message-index path (which message of the
 * .proto file), as zigzag varints: count, then each index, with a lone 0 meaning [0].
 * Newer Confluent clients may carry the id in a header (`__key_schema_id` / `__value_schema_id`)
 * instead: magic 0 + 4-byte id, or magic 1 + a 16-byte GUID.
 */

export type SchemaRef = { id: number } | { guid: string };

export interface Framed {
  ref: SchemaRef;
  /** The bytes after the framing (for Protobuf still starting with the message indexes). */
  body: Buffer;
  /** Where the schema was named: in the value's own first bytes, or in a header. */
  carrier: 'prefix' | 'header';
}

export const MAGIC = 0;
const GUID_MAGIC = 1;

/** The schema a key or value names: its header first (newer clients), else its own prefix. */
export function readFraming(bytes: Buffer, role: 'key' | 'value', headers: readonly { key: string; value: Buffer | null }[]): Framed | null {
  // Runs for every key and value read: most records have no headers, and the name is made once.
  if (headers.length > 0) {
    const name = SCHEMA_ID_HEADER[role];
    const header = headers.find((h) => h.key === name)?.value;
    const fromHeader = header ? refFromHeader(header) : null;
    if (fromHeader) return { ref: fromHeader, body: bytes, carrier: 'header' };
  }
  if (bytes.length < 5 || bytes[0] !== MAGIC) return null;
  const id = bytes.readUInt32BE(1);
  // Id 0 is never handed out by a registry: a leading 0 byte there is more likely plain binary.
  if (id === 0) return null;
  return { ref: { id }, body: bytes.subarray(5), carrier: 'prefix' };
}

const SCHEMA_ID_HEADER = { key: '__key_schema_id', value: '__value_schema_id' } as const;

function refFromHeader(h: Buffer): SchemaRef | null {
  if (h.length === 5 && h[0] === MAGIC) return { id: h.readUInt32BE(1) };
  if (h.length === 17 && h[0] === GUID_MAGIC) {
    const hex = h.subarray(1).toString('hex');
    return { guid: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` };
  }
  return null;
}

/** The Protobuf message-index path at the start of a body, and the message bytes after it. */
export function readMessageIndexes(body: Buffer): { indexes: number[]; payload: Buffer } {
  let pos = 0;
  const next = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (pos >= body.length) throw new Error('the message-index list runs past the end of the value');
      const b = body[pos++]!;
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) break;
      shift += 7;
      if (shift > 35) throw new Error('a message index is not a valid varint');
    }
    return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
  };
  const count = next();
  if (count === 0) return { indexes: [0], payload: body.subarray(pos) };
  if (count < 0 || count > 100) throw new Error(`the message-index list claims ${count} entries`);
  const indexes = Array.from({ length: count }, next);
  if (indexes.some((i) => i < 0)) throw new Error('a message index is negative');
  return { indexes, payload: body.subarray(pos) };
}

export function writeMessageIndexes(indexes: readonly number[]): Buffer {
  if (indexes.length === 1 && indexes[0] === 0) return Buffer.from([0]);
  const out: number[] = [];
  const put = (n: number) => {
    let v = n >= 0 ? n * 2 : -n * 2 - 1;
    while (v >= 0x80) {
      out.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(v);
  };
  put(indexes.length);
  indexes.forEach(put);
  return Buffer.from(out);
}

/** A payload framed for the wire: magic 0, the id, then (Protobuf) the indexes and the bytes. */
export function frame(id: number, payload: Buffer, indexes?: readonly number[]): Buffer {
  const head = Buffer.alloc(5);
  head[0] = MAGIC;
  head.writeUInt32BE(id, 1);
  return Buffer.concat(indexes ? [head, writeMessageIndexes(indexes), payload] : [head, payload]);
}
