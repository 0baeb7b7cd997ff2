import { describe, expect, it } from 'vitest';
import { crc32c, crc32cJs, CRC32C_NATIVE } from './crc32c';

it('checksums with the native binary npm installs for this platform', () => {
  expect(CRC32C_NATIVE).toBe(true);
});

describe.each([
  ['as used', crc32c],
  ['in JavaScript', crc32cJs],
])('CRC-32C %s', (_, crc32c) => {
  it('matches the standard check value and RFC 3720 vectors', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(32, 0))).toBe(0x8a9136aa);
    expect(crc32c(Buffer.alloc(32, 0xff))).toBe(0x62a8ab43);
    expect(crc32c(Buffer.from(Array.from({ length: 32 }, (_, i) => i)))).toBe(0x46dd794e);
  });

  it('agrees with a byte-at-a-time computation on every length and offset', () => {
    const data = Buffer.from(Array.from({ length: 100 }, (_, i) => (i * 37 + 11) & 0xff));
    const slow = (b: Buffer) => {
      let c = 0xffffffff;
      for (const byte of b) {
        c ^= byte;
        for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
      }
      return (c ^ 0xffffffff) >>> 0;
    };
    for (let start = 0; start < 9; start++) for (let end = start; end <= data.length; end += 7) expect(crc32c(data, start, end)).toBe(slow(data.subarray(start, end)));
  });

  it('gives the same checksum wherever the bytes sit in memory (word reads need 4-byte alignment)', () => {
    const data = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 131 + 7) & 0xff));
    const expected = crc32c(Uint8Array.from(data));
    const backing = new ArrayBuffer(data.length + 8);
    for (let shift = 0; shift < 8; shift++) {
      const view = new Uint8Array(backing, shift, data.length);
      view.set(data);
      expect(crc32c(view)).toBe(expected);
      expect(crc32c(view, 3, 997)).toBe(crc32c(data, 3, 997));
    }
  });
});
