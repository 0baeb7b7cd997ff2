import kafkajs from 'kafkajs';
import * as lz4 from 'lz4js';
import { lz4Compress, snappyCompress, snappyDecompress, zstdCompress, zstdDecompress } from './codecs';

// kafkajs is CommonJS and exports these as `Key: value` pairs, which Node's ESM named-export
// detection misses: `import { CompressionCodecs } from 'kafkajs'` breaks the built server.
const { CompressionCodecs, CompressionTypes } = kafkajs;

interface Encoderish {
  buffer: Buffer;
}

let registered = false;

/**
 * kafkajs reads and writes only gzip by itself: this gives its own producer and consumer the
 * others. Idempotent: called whenever a kafkajs client is created.
 */
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
