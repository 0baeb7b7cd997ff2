import { describe, expect, it } from 'vitest';
import { CompactReader, CompactWriter } from './compact-wire';

describe('Kafka compact (flexible) wire format', () => {
  it('writes varint lengths + 1, null as 0, and empty tag sections, byte for byte', () => {
    const bytes = new CompactWriter().compactString('ab').compactNullableString(null).compactArray([7], (n, w) => w.int32(n)).compactNullableArray(null, () => {}).tags().uvarint(300).build();
    expect([...bytes]).toEqual([3, 0x61, 0x62, 0, 2, 0, 0, 0, 7, 0, 0, 0xac, 0x02]);
  });

  it('reads back strings, arrays and multi-byte varints', () => {
    const bytes = new CompactWriter().compactString('snø').uvarint(2 ** 31).compactArray(['a', 'b'], (s, w) => w.compactString(s)).build();
    const r = new CompactReader(bytes);
    expect([r.compactString(), r.uvarint(), r.compactArray((x) => x.compactString())]).toEqual(['snø', 2 ** 31, ['a', 'b']]);
  });

  it('skips tagged fields it does not know', () => {
    // two tagged fields: tag 0 with 2 bytes, tag 5 with 1 byte; then an INT16
    const r = new CompactReader(Buffer.from([2, 0, 2, 0xaa, 0xbb, 5, 1, 0xcc, 0, 42]));
    r.skipTags();
    expect(r.int16()).toBe(42);
  });
});
