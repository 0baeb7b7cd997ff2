import { createRequire } from 'node:module';

/**
 * CRC-32C (Castagnoli), the checksum of Kafka record batches. Every produced batch is
 * checksummed whole, so this is on the P5 path: @node-rs/crc32 (a prebuilt N-API binary from npm,
 * using the CPU's CRC instruction) is about five times faster than the JavaScript below, which
 * stays for a platform it has no binary for.
 */
export function crc32c(buf: Uint8Array, start = 0, end = buf.length): number {
  return native ? native(buf.subarray(start, end)) : crc32cJs(buf, start, end);
}

const native = loadNative();
/** Whether batches are checksummed by the native binary (the P5 benchmark prints it). */
export const CRC32C_NATIVE = native !== null;

function loadNative(): ((input: Uint8Array) => number) | null {
  try {
    return (createRequire(import.meta.url)('@node-rs/crc32') as { crc32c(input: Uint8Array): number }).crc32c;
  } catch {
    return null;
  }
}

/*
 * Slicing by 8 bytes at a time, reading them as two aligned 32-bit words: about twice as fast
 * as reading the 8 bytes one by one, and several times faster than a byte-at-a-time table.
 */
const POLY = 0x82f63b78;
/** Eight 256-entry tables in one array (T[k * 256 + byte]): one typed array keeps the loop's loads simple. */
const T = new Int32Array(8 * 256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1;
  T[n] = c;
}
for (let t = 1; t < 8; t++) for (let n = 0; n < 256; n++) T[t * 256 + n] = T[T[(t - 1) * 256 + n]! & 0xff]! ^ (T[(t - 1) * 256 + n]! >>> 8);

/** Word reads give the bytes in memory order only on a little-endian host (every Electron target). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export function crc32cJs(buf: Uint8Array, start = 0, end = buf.length): number {
  let crc = -1;
  let i = start;
  // Byte by byte up to a 4-byte boundary of the underlying memory, where words can be read.
  while (i < end && (buf.byteOffset + i) % 4 !== 0) crc = T[(crc ^ buf[i++]!) & 0xff]! ^ (crc >>> 8);
  if (LITTLE_ENDIAN && end - i >= 8) {
    const words = new Int32Array(buf.buffer, buf.byteOffset + i, (end - i) >> 3 << 1);
    for (let w = 0; w < words.length; w += 2) {
      const a = crc ^ words[w]!;
      const b = words[w + 1]!;
      crc =
        T[1792 + (a & 0xff)]! ^
        T[1536 + ((a >>> 8) & 0xff)]! ^
        T[1280 + ((a >>> 16) & 0xff)]! ^
        T[1024 + (a >>> 24)]! ^
        T[768 + (b & 0xff)]! ^
        T[512 + ((b >>> 8) & 0xff)]! ^
        T[256 + ((b >>> 16) & 0xff)]! ^
        T[b >>> 24]!;
    }
    i += words.length * 4;
  }
  for (; i < end; i++) crc = T[(crc ^ buf[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
