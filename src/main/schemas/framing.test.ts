import { describe, expect, it } from 'vitest';
import { frame, readFraming, readMessageIndexes, writeMessageIndexes } from './framing';

describe('Confluent framing', () => {
  it('reads the id from the prefix and keeps the rest as the body', () => {
    const framed = readFraming(Buffer.from([0, 0, 0, 1, 7, 0xaa, 0xbb]), 'value', []);
    expect(framed).toEqual({ ref: { id: 263 }, body: Buffer.from([0xaa, 0xbb]), carrier: 'prefix' });
  });

  it('does not take plain binary or text for a framed value', () => {
    expect(readFraming(Buffer.from('{"a":1}'), 'value', [])).toBeNull();
    expect(readFraming(Buffer.from([0, 0, 0, 0]), 'value', [])).toBeNull();
    expect(readFraming(Buffer.from([0, 0, 0, 0, 0, 1]), 'value', [])).toBeNull();
  });

  it('prefers an id carried in the header of its own role, with GUID framing too', () => {
    const idHeader = { key: '__value_schema_id', value: Buffer.from([0, 0, 0, 0, 9]) };
    expect(readFraming(Buffer.from('raw'), 'value', [idHeader])).toEqual({ ref: { id: 9 }, body: Buffer.from('raw'), carrier: 'header' });
    expect(readFraming(Buffer.from('raw'), 'key', [idHeader])).toBeNull();
    const guid = Buffer.concat([Buffer.from([1]), Buffer.from('00112233445566778899aabbccddeeff', 'hex')]);
    expect(readFraming(Buffer.from('raw'), 'key', [{ key: '__key_schema_id', value: guid }])?.ref).toEqual({ guid: '00112233-4455-6677-8899-aabbccddeeff' });
  });

  it('round-trips Protobuf message indexes, the first message as a single 0', () => {
    expect(writeMessageIndexes([0])).toEqual(Buffer.from([0]));
    expect(writeMessageIndexes([1])).toEqual(Buffer.from([2, 2]));
    for (const path of [[0], [1], [3, 0, 2], [70]]) {
      const { indexes, payload } = readMessageIndexes(Buffer.concat([writeMessageIndexes(path), Buffer.from([0x08, 0x01])]));
      expect(indexes).toEqual(path);
      expect(payload).toEqual(Buffer.from([0x08, 0x01]));
    }
  });

  it('says what is wrong with a corrupt index list instead of reading garbage', () => {
    expect(() => readMessageIndexes(Buffer.from([0x80]))).toThrow('runs past the end');
    expect(() => readMessageIndexes(Buffer.from([0xfe, 0x03]))).toThrow('claims 255 entries');
  });

  it('frames a payload as magic, id, indexes, bytes', () => {
    expect(frame(5, Buffer.from([9]), [1])).toEqual(Buffer.from([0, 0, 0, 0, 5, 2, 2, 9]));
    expect(frame(5, Buffer.from([9]))).toEqual(Buffer.from([0, 0, 0, 0, 5, 9]));
  });
});
