import { describe, expect, it } from 'vitest';
import type { MessageView } from './messages';
import { messageFromWire, messageToWire } from './message-wire';

const message = (over: Partial<MessageView>): MessageView => ({
  partition: 3,
  offset: '9007199254740990',
  timestamp: '1764000000123',
  timestampType: 'CreateTime',
  key: { encoding: 'utf8', data: 'k1', size: 2 },
  value: { encoding: 'utf8', data: '{"a":1}', size: 7 },
  headers: [],
  ...over,
});

describe('messages on the wire', () => {
  it.each([
    ['a plain text message', message({})],
    ['a tombstone with a null key and log-append time', message({ key: null, value: null, timestampType: 'LogAppendTime' })],
    ['binary, a preview, a schema id', message({ key: { encoding: 'base64', data: '/wA=', size: 2 }, value: { encoding: 'base64', data: 'AAAAACo=', size: 300_000, truncated: true, schemaId: 42 } })],
    ['headers, one of them null', message({ headers: [{ key: 'trace', value: { encoding: 'base64', data: '/w==', size: 1 } }, { key: 'empty', value: null }] })],
  ])('comes back unchanged: %s', (_, m) => {
    const wire = messageToWire(m);
    expect(messageFromWire(JSON.parse(JSON.stringify(wire)))).toEqual(m);
  });

  it('is much smaller than the object it stands for', () => {
    const m = message({});
    expect(JSON.stringify(messageToWire(m)).length).toBeLessThan(JSON.stringify(m).length * 0.6);
  });
});
