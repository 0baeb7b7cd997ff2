import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../../kafka/ports/messages';
import { messageFromWire, type WireMessage } from '../../../shared/api/message-wire';
import { toView, toWire } from './message-service';

const record = (over: Partial<RawRecord>): RawRecord => ({
  partition: 3,
  offset: '9007199254740990',
  timestamp: '1764000000123',
  timestampType: 'CreateTime',
  key: Buffer.from('k1'),
  value: Buffer.from('{"a":1}'),
  headers: [],
  ...over,
});

describe('a record as the window gets it', () => {
  it('is text when UTF-8, base64 otherwise, and survives the wire as tuples', () => {
    const r = record({ headers: [{ key: 'trace', value: Buffer.from([0xff]) }, { key: 'empty', value: null }] });
    expect(messageFromWire(JSON.parse(JSON.stringify(toWire(r))) as WireMessage)).toEqual({
      partition: 3,
      offset: '9007199254740990',
      timestamp: '1764000000123',
      timestampType: 'CreateTime',
      key: { encoding: 'utf8', data: 'k1', size: 2 },
      value: { encoding: 'utf8', data: '{"a":1}', size: 7 },
      headers: [
        { key: 'trace', value: { encoding: 'base64', data: '/w==', size: 1 } },
        { key: 'empty', value: null },
      ],
    });
  });

  it('labels tombstones, null keys, log-append time, Schema Registry framing and big previews', () => {
    const framed = Buffer.concat([Buffer.from([0, 0, 0, 0, 42]), Buffer.alloc(300_000, 1)]);
    expect(toView(record({ key: null, value: null, timestampType: 'LogAppendTime' }))).toMatchObject({ key: null, value: null, timestampType: 'LogAppendTime' });
    const view = toView(record({ value: framed }));
    expect(view.value).toMatchObject({ encoding: 'base64', size: 300_005, truncated: true, schemaId: 42 });
    expect(Buffer.from(view.value!.data, 'base64').length).toBe(256 * 1024);
  });

  it('is much smaller on the wire than as an object', () => {
    const r = record({});
    expect(JSON.stringify(toWire(r)).length).toBeLessThan(JSON.stringify(toView(r)).length * 0.6);
  });
});
