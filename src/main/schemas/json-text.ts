/** A number whose exact digits must reach the JSON text as they are (Avro decimals). */
export class NumberText {
  constructor(readonly text: string) {}
}

/**
 * JSON text for a decoded value, lossless where JSON.stringify is not: int64 as all its digits
 * (BigInt), decimals as their exact digits, bytes as Avro's JSON encoding (one code point per
 * byte, what kafka-avro-console-consumer prints), NaN and infinities as strings.
 */
export function toJsonText(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join('');
}

function write(value: unknown, out: string[]): void {
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'number':
      out.push(Number.isFinite(value) ? String(value) : JSON.stringify(String(value)));
      return;
    case 'bigint':
      out.push(value.toString());
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'undefined':
      out.push('null');
      return;
    case 'object':
      break;
    default:
      out.push(JSON.stringify(String(value)));
      return;
  }
  if (value === null) {
    out.push('null');
  } else if (value instanceof NumberText) {
    out.push(value.text);
  } else if (Buffer.isBuffer(value) || value instanceof Uint8Array) {
    out.push(JSON.stringify(Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('latin1')));
  } else if (Array.isArray(value)) {
    out.push('[');
    value.forEach((v, i) => {
      if (i > 0) out.push(',');
      write(v, out);
    });
    out.push(']');
  } else {
    out.push('{');
    let first = true;
    for (const key of Object.keys(value)) {
      if (!first) out.push(',');
      first = false;
      out.push(JSON.stringify(key), ':');
      write((value as Record<string, unknown>)[key], out);
    }
    out.push('}');
  }
}
