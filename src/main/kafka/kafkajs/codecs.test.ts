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
});
