import { describe, expect, it } from 'vitest';
import { WireReader, WireWriter } from './wire';

describe('Kafka classic wire format', () => {
  it('writes what Kafka expects, byte for byte', () => {
    const bytes = new WireWriter().int8(1).int16(-1).int32(258).string('ab').nullableString(null).array([7], (n, w) => w.int32(n)).bool(true).build();
    expect([...bytes]).toEqual([1, 0xff, 0xff, 0, 0, 1, 2, 0, 2, 0x61, 0x62, 0xff, 0xff, 0, 0, 0, 1, 0, 0, 0, 7, 1]);
  });

  it('reads back what it wrote, including int64 beyond 2^53 and UTF-8', () => {
    const bytes = new WireWriter().int64('9007199254740993').string('snø').nullableString('x').array(['a', 'b'], (s, w) => w.string(s)).build();
    const r = new WireReader(bytes);
    expect([r.int64(), r.string(), r.nullableString(), r.array((x) => x.string())]).toEqual(['9007199254740993', 'snø', 'x', ['a', 'b']]);
  });

  it('reads sizes as numbers exactly, negative ones included', () => {
    const values = ['0', '-1', '1099511627781', '-4294967296', '4294967295', '9007199254740991'];
    const w = new WireWriter();
    for (const v of values) w.int64(v);
    const r = new WireReader(w.build());
    expect(values.map(() => r.int64Size())).toEqual(values.map(Number));
  });

  it('says so when a response ends early instead of reading garbage', () => {
    expect(() => new WireReader(Buffer.from([0, 5, 0x61])).string()).toThrow(/ended early/);
  });
});
