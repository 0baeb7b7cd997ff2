import * as zlib from 'node:zlib';
import kafkajs from 'kafkajs';
import * as snappy from 'snappyjs';
import * as lz4 from 'lz4js';
import { hash as xxh32 } from 'lz4js/xxh32.js';
import * as zstd from '@bokuweb/zstd-wasm';

/**
 * kafkajs reads and writes only gzip by itself. Other clients (Java, librdkafka/kcat, Go)
 * use snappy, lz4 and zstd too, so we register all three, in pure JS/WASM (no native build,
 * nothing downloaded at install time).
 */

// kafkajs is CommonJS and exports these as `Key: value` pairs, which Node's ESM named-export
// detection misses: `import { CompressionCodecs } from 'kafkajs'` breaks the built server.
const { CompressionCodecs, CompressionTypes } = kafkajs;

interface Encoderish {
  buffer: Buffer;
}

// Java's snappy (xerial SnappyOutputStream) frames blocks behind this header; librdkafka
// writes and reads the same framing. Raw snappy is accepted on read too.
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_BLOCK = 32 * 1024;

export function snappyCompress(data: Buffer): Buffer {
  const parts: Buffer[] = [XERIAL_MAGIC, uint32(1), uint32(1)];
  for (let at = 0; at < data.length || at === 0; at += XERIAL_BLOCK) {
    const block = Buffer.from(snappy.compress(data.subarray(at, at + XERIAL_BLOCK)));
    parts.push(uint32(block.length), block);
    if (data.length === 0) break;
  }
  return Buffer.concat(parts);
}

export function snappyDecompress(data: Buffer): Buffer {
  if (data.length < 16 || !data.subarray(0, 8).equals(XERIAL_MAGIC)) return Buffer.from(snappy.uncompress(data));
  const parts: Buffer[] = [];
  for (let at = 16; at + 4 <= data.length; ) {
    const size = data.readUInt32BE(at);
    parts.push(Buffer.from(snappy.uncompress(data.subarray(at + 4, at + 4 + size))));
    at += 4 + size;
  }
  return Buffer.concat(parts);
}

// Kafka reads LZ4 frames with independent blocks of 64 KiB–4 MiB (KafkaLZ4BlockInputStream
// refuses dependent blocks), and lz4js' own frame writer makes dependent ones: write the
// frame ourselves around lz4js' block compressor, one fresh hash table per 64 KiB block.
const LZ4_MAGIC = 0x184d2204;
const LZ4_BLOCK = 64 * 1024;

export function lz4Compress(data: Buffer): Buffer {
  const header = Buffer.alloc(7);
  header.writeUInt32LE(LZ4_MAGIC, 0);
  header[4] = 0x60; // version 01, block independence
  header[5] = 4 << 4; // max block size 64 KiB
  header[6] = (xxh32(0, header, 4, 2) >> 8) & 0xff;
  const parts: Buffer[] = [header];
  const scratch = new Uint8Array(lz4.compressBound(LZ4_BLOCK));
  for (let at = 0; at < data.length; at += LZ4_BLOCK) {
    const block = data.subarray(at, at + LZ4_BLOCK);
    const size = lz4.compressBlock(block, scratch, 0, block.length, new Uint32Array(1 << 16));
    const stored = size > 0 && size < block.length;
    const length = Buffer.alloc(4);
    length.writeUInt32LE(stored ? size : (0x80000000 | block.length) >>> 0);
    parts.push(length, stored ? Buffer.from(scratch.subarray(0, size)) : Buffer.from(block));
  }
  parts.push(Buffer.alloc(4)); // end mark
  return Buffer.concat(parts);
}

let zstdReady: Promise<void> | undefined;
const zstdInit = () => (zstdReady ??= zstd.init());

export async function zstdCompress(data: Buffer): Promise<Buffer> {
  await zstdInit();
  return Buffer.from(zstd.compress(data, 3));
}

/** Node's own zstd (Node 22.15+, so Electron's main process): native, several times the WASM build's speed. */
const nativeZstdDecompress = (zlib as { zstdDecompressSync?: (b: Buffer) => Buffer }).zstdDecompressSync;

/** Makes zstdDecompressSync() usable (the WASM build must be loaded first; Node's own needs nothing). */
export async function zstdLoaded(): Promise<void> {
  if (!nativeZstdDecompress) await zstdInit();
}

/** As zstdDecompress, once zstdLoaded() has resolved. */
export function zstdDecompressSync(data: Buffer): Buffer {
  if (nativeZstdDecompress) return nativeZstdDecompress(data);
  // The WASM build sizes its output by the frame's header. Java's producer (a streaming writer)
  // leaves the size out, and the build then allows 1 MB: a bigger batch would fail as corrupt.
  // So unknown sizes get room from the compressed size, doubled until the records fit.
  for (let room = Math.max(WASM_FIRST_ROOM, data.length * 16); ; room *= 2) {
    try {
      // Already a copy out of the WASM heap: wrapped, not copied again.
      const out = zstd.decompress(data, { defaultHeapSize: room });
      return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
    } catch (error) {
      if (!ZSTD_TOO_SMALL.test((error as Error).message)) throw error;
      if (room >= WASM_MAX_ROOM) throw new Error(`a zstd batch holds more than ${WASM_MAX_ROOM / 1024 / 1024} MB decompressed, more than the WASM decoder reads (browser mode on Node before 22.15)`, { cause: error });
    }
  }
}

/** zstd's error dstSize_tooSmall, as the WASM build reports it. */
const ZSTD_TOO_SMALL = /code -70$/;
const WASM_FIRST_ROOM = 1024 * 1024;
/** A batch that holds more than this once decompressed is refused: the WASM heap never shrinks. */
const WASM_MAX_ROOM = 256 * 1024 * 1024;

export async function zstdDecompress(data: Buffer): Promise<Buffer> {
  await zstdLoaded();
  return zstdDecompressSync(data);
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}


let registered = false;

/** Idempotent: called whenever a kafkajs client is created. */
export function registerCompressionCodecs(): void {
  if (registered) return;
  registered = true;
  const codec = (compress: (b: Buffer) => Buffer | Promise<Buffer>, decompress: (b: Buffer) => Buffer | Promise<Buffer>) => () => ({
    compress: async (encoder: Encoderish) => compress(encoder.buffer),
    decompress: async (buffer: Buffer) => decompress(buffer),
  });
  const codecs = CompressionCodecs as Record<number, unknown>;
  codecs[CompressionTypes.Snappy] = codec(snappyCompress, snappyDecompress);
  codecs[CompressionTypes.LZ4] = codec(lz4Compress, (b) => Buffer.from(lz4.decompress(b)));
  codecs[CompressionTypes.ZSTD] = codec(zstdCompress, zstdDecompress);
}
