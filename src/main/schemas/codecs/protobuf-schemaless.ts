/**
 * Protobuf without its schema: field numbers, wire types and values, with length-delimited
 * fields read as a nested message when they parse as one, else as text when they are UTF-8,
 * else as base64. It is a guess (a string can look like a message), so the result says so;
 * it still shows a user the structure of data no schema was found for.
 */
export function decodeProtobufSchemaless(bytes: Buffer): Record<string, unknown> {
  const fields = readMessage(bytes, 0);
  if (!fields) throw new Error('the bytes are not a Protobuf message');
  return fields;
}

type Fields = Record<string, unknown>;

function readMessage(buf: Buffer, depth: number): Fields | null {
  const out: Fields = {};
  let pos = 0;
  const varint = (): bigint | null => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (pos >= buf.length || shift > 63n) return null;
      const b = buf[pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (pos < buf.length) {
    const tag = varint();
    if (tag === null) return null;
    const field = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (field < 1 || field > 536_870_911) return null;
    let value: unknown;
    if (wire === 0) {
      const v = varint();
      if (v === null) return null;
      value = v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
    } else if (wire === 1) {
      if (pos + 8 > buf.length) return null;
      value = { fixed64: buf.readBigUInt64LE(pos).toString(), double: buf.readDoubleLE(pos) };
      pos += 8;
    } else if (wire === 5) {
      if (pos + 4 > buf.length) return null;
      value = { fixed32: buf.readUInt32LE(pos), float: buf.readFloatLE(pos) };
      pos += 4;
    } else if (wire === 2) {
      const len = varint();
      if (len === null || pos + Number(len) > buf.length) return null;
      const chunk = buf.subarray(pos, pos + Number(len));
      pos += Number(len);
      value = lengthDelimited(chunk, depth);
    } else {
      return null; // groups (3, 4) are long deprecated; anything else is not Protobuf
    }
    const key = String(field);
    const prior = out[key];
    out[key] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  return out;
}

function lengthDelimited(chunk: Buffer, depth: number): unknown {
  if (chunk.length > 0 && depth < 32 && !looksLikeText(chunk)) {
    const nested = readMessage(chunk, depth + 1);
    if (nested) return nested;
  }
  const text = chunk.toString('utf8');
  if (Buffer.from(text, 'utf8').equals(chunk)) return text;
  return { bytes: chunk.toString('base64') };
}

/** Printable UTF-8 is far more often a string field than a message that happens to parse. */
function looksLikeText(chunk: Buffer): boolean {
  const text = chunk.toString('utf8');
  return Buffer.from(text, 'utf8').equals(chunk) && /^[\p{L}\p{N}\p{P}\p{Zs}]+$/u.test(text);
}
