import { describe, expect, it } from 'vitest';
import { configChanges, parseConfigJson } from './config-diff';

describe('configChanges', () => {
  it('lists added, removed and changed keys in key order, and nothing for equal values', () => {
    expect(configChanges({ a: '1', b: '2', c: '3' }, { a: '1', b: '20', d: '4' })).toEqual([
      { key: 'b', kind: 'changed', before: '2', after: '20' },
      { key: 'c', kind: 'removed', before: '3', after: null },
      { key: 'd', kind: 'added', before: null, after: '4' },
    ]);
    expect(configChanges({ a: '1' }, { a: '1' })).toEqual([]);
  });
});

describe('parseConfigJson', () => {
  it('takes an object of strings, writing numbers and booleans as text', () => {
    expect(parseConfigJson('{"tasks.max": 2, "x": true, "topic": "t"}')).toEqual({ config: { 'tasks.max': '2', x: 'true', topic: 't' } });
  });
  it('says what is wrong with anything else', () => {
    expect(parseConfigJson('[1]')).toEqual({ error: 'The config is a JSON object of keys and values.' });
    expect(parseConfigJson('{"a": {"b": 1}}')).toEqual({ error: '"a" must be a string, number or boolean.' });
    expect('error' in parseConfigJson('{')).toBe(true);
  });
});
