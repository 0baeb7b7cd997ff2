import { gunzipSync } from 'node:zlib';
import * as lz4 from 'lz4js';
import { snappyDecompress, zstdDecompressSync, zstdLoaded } from '../codecs';

/** Codec numbers of a batch's attributes (0: none, 1: gzip, 2: snappy, 3: lz4, 4: zstd). */
export const ZSTD = 4;

/** As decompressBatch(), after loading zstd's WASM the first time a zstd batch comes. */
export async function decompressBatchLoaded(codec: number, records: Buffer): Promise<Buffer> {
  if (codec === ZSTD) await zstdLoaded();
  return decompressBatch(codec, records);
}

/** A batch's records, decompressed (zstd: once zstdLoaded() has resolved). */
export function decompressBatch(codec: number, records: Buffer): Buffer {
  switch (codec) {
    case 0:
      return records;
    case 1:
      return gunzipSync(records);
    case 2:
      return snappyDecompress(records);
    case 3:
      return Buffer.from(lz4.decompress(records));
    case ZSTD:
      return zstdDecompressSync(records);
    default:
      throw new Error(`unknown compression codec ${codec}`);
  }
}
