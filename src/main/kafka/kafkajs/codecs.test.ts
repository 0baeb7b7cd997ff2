import { describe, expect, it } from 'vitest';
import * as lz4 from 'lz4js';
import { lz4Compress, snappyCompress, snappyDecompress, zstdCompress, zstdDecompress } from './codecs';

const sample = Buffer.from(Array.from({ length: 3000 }, (_, i) => `{"seq":${i},"loc":"SOUTH"}`).join('\n'));
const random = Buffer.from(Array.from({ length: 150_000 }, (_, i) => (i * 2654435761) & 0xff));

describe('codecs', () => {
  it.each([
    ['text', sample],
    ['incompressible', random],
    ['empty', Buffer.alloc(0)],
  ])('round-trip %s', async (_name, data) => {
    expect(snappyDecompress(snappyCompress(data)).equals(data)).toBe(true);
    expect(Buffer.from(lz4.decompress(lz4Compress(data))).equals(data)).toBe(true);
    expect((await zstdDecompress(await zstdCompress(data))).equals(data)).toBe(true);
  });

  it('frames snappy as Java and librdkafka do, and lz4 with independent blocks', () => {
    expect(snappyCompress(sample).subarray(0, 8).toString('latin1')).toBe('\x82SNAPPY\x00');
    const frame = lz4Compress(sample);
    expect(frame.readUInt32LE(0)).toBe(0x184d2204);
    expect(frame[4]! & 0x20).toBe(0x20);
    expect(lz4Compress(sample).length).toBeLessThan(sample.length / 2);
  });

  it('reads a zstd frame that does not state its size (as Java writes them) past the 1 MB the WASM build allows by default', async () => {
    const big = Buffer.from(Array.from({ length: 80_000 }, (_, i) => `{"seq":${i},"note":"${(i * 2654435761).toString(36)}"}`).join('\n'));
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const streamed = withoutContentSize(await zstdCompress(big));
    expect((await zstdDecompress(streamed)).equals(big)).toBe(true);
  });
});

/**
 * The same frame with its content size left out, as a streaming writer (zstd-jni, Java's
 * producer) leaves it: the header then carries a window size instead (RFC 8878, 3.1.1.1).
 */
function withoutContentSize(frame: Buffer): Buffer {
  const descriptor = frame[4]!;
  const singleSegment = (descriptor >> 5) & 1;
  const sizeBytes = [singleSegment, 2, 4, 8][descriptor >> 6]!;
  const dictionaryBytes = [0, 1, 2, 4][descriptor & 3]!;
  const windowLog = 27; // the decoder's default limit, and more than the data
  const window = singleSegment ? Buffer.from([(windowLog - 10) << 3]) : frame.subarray(5, 6);
  const blocks = frame.subarray(5 + (singleSegment ? 0 : 1) + dictionaryBytes + sizeBytes);
  expect(dictionaryBytes).toBe(0);
  return Buffer.concat([frame.subarray(0, 4), Buffer.from([descriptor & 0x04]), window, blocks]);
}
