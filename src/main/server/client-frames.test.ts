import { describe, expect, it } from 'vitest';
import { parseClientFrame } from './client-frames';

describe('parseClientFrame', () => {
  it('passes calls and cancels on', () => {
    expect(parseClientFrame(JSON.stringify({ t: 'call', id: 'c1', name: 'app.info', req: {} }))).toEqual({ kind: 'call', id: 'c1', name: 'app.info', req: {} });
    expect(parseClientFrame(JSON.stringify({ t: 'cancel', id: 'c1' }))).toEqual({ kind: 'cancel', id: 'c1' });
  });

  it.each([
    ['binary', null],
    ['not JSON', '{"t":"call",'],
    ['an array', '[1,2]'],
    ['a bare value', '42'],
    ['null', 'null'],
    ['a numeric id', JSON.stringify({ t: 'call', id: 7, name: 'app.info' })],
    ['no id', JSON.stringify({ t: 'cancel' })],
    ['an empty id', JSON.stringify({ t: 'call', id: '', name: 'app.info' })],
    ['an overlong id', JSON.stringify({ t: 'call', id: 'x'.repeat(101), name: 'app.info' })],
  ])('answers %s with BAD_FRAME and id null', (_what, text) => {
    expect(parseClientFrame(text)).toMatchObject({ kind: 'bad', id: null, error: { code: 'BAD_FRAME' } });
  });

  it('answers an unknown frame type or a call without a name by its id', () => {
    expect(parseClientFrame(JSON.stringify({ t: 'subscribe', id: 'c2' }))).toMatchObject({ kind: 'bad', id: 'c2', error: { code: 'BAD_FRAME', message: expect.stringContaining('Unknown frame type') } });
    expect(parseClientFrame(JSON.stringify({ t: 'call', id: 'c3', name: 5 }))).toMatchObject({ kind: 'bad', id: 'c3' });
  });

  it('never echoes the frame back (it may hold a password)', () => {
    const parsed = parseClientFrame('{"t":"call","id":1,"req":{"password":"hunter2"}}');
    expect(JSON.stringify(parsed)).not.toContain('hunter2');
  });
});
