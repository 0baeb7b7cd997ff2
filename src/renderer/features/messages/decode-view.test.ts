import { describe, expect, it } from 'vitest';
import type { EncodedBytes } from '../../../shared/api';
import { decodeAs, describeBytes, rawBytes, toBase64 } from './decode-view';
import { unfoldPolicy } from './JsonTree';
import { groupLarge } from './json-groups';
import { cutAt } from './LimitedText';

const utf8 = (data: string, extra: Partial<EncodedBytes> = {}): EncodedBytes => ({ encoding: 'utf8', data, size: new TextEncoder().encode(data).length, ...extra });
const binary = (bytes: number[]): EncodedBytes => ({ encoding: 'base64', data: Buffer.from(bytes).toString('base64'), size: bytes.length });

describe('decoding a message part for a chosen view', () => {
  it('auto: JSON objects as a tree, other UTF-8 as text, anything else as hex', () => {
    expect(decodeAs(utf8('{"a":[1,true,null]}'), 'auto')).toEqual({ kind: 'json', json: { a: [1, true, null] }, text: '{\n  "a": [\n    1,\n    true,\n    null\n  ]\n}' });
    expect(decodeAs(utf8('42'), 'auto')).toEqual({ kind: 'text', text: '42' });
    expect(decodeAs(utf8('héllo <b>'), 'auto')).toEqual({ kind: 'text', text: 'héllo <b>' });
    expect([utf8('[1]'), utf8('1'), binary([0xff])].map(describeBytes)).toEqual(['JSON', 'text', 'binary']);
    expect(decodeAs(binary([0xff, 0x4b]), 'auto')).toEqual({ kind: 'hex', text: `00000000  ff 4b${' '.repeat(42)}  .K` });
  });

  it('a view that does not fit says why and shows something that does', () => {
    const bad = decodeAs(utf8('{"a": tru}'), 'json');
    expect(bad.kind).toBe('text');
    expect(bad.text).toBe('{"a": tru}');
    expect(bad.problem).toMatch(/^Not valid JSON: .*; shown as text$/);
    const cut = decodeAs(utf8('{"a": "abc', { size: 300_000, truncated: true }), 'json');
    expect(cut.problem).toContain('(only the first 10 characters were read)');
    expect(decodeAs(binary([0xff, 0xfe]), 'text')).toMatchObject({ kind: 'hex', problem: 'Not valid UTF-8: shown as hex' });
    expect(decodeAs(binary([0xff, 0xfe]), 'json')).toMatchObject({ kind: 'hex', problem: 'Not valid UTF-8, so not JSON: shown as hex' });
    // A JSON scalar is valid JSON when asked for explicitly.
    expect(decodeAs(utf8('"x"'), 'json')).toMatchObject({ kind: 'json', json: 'x', text: '"x"' });
  });

  it('hex and base64 come from the original bytes, whichever way they travelled', () => {
    expect(decodeAs(utf8('é'), 'hex').text).toBe(`00000000  c3 a9${' '.repeat(42)}  ..`);
    expect(decodeAs(utf8('é'), 'base64').text).toBe('w6k=');
    expect(decodeAs(binary([0xff, 0, 0x41]), 'base64').text).toBe(Buffer.from([0xff, 0, 0x41]).toString('base64'));
    const big = 'x'.repeat(100_000) + '€';
    expect(toBase64(utf8(big))).toBe(Buffer.from(big).toString('base64'));
    expect(Array.from(rawBytes(binary([1, 2, 255])))).toEqual([1, 2, 255]);
  });
});

describe('keeping big values fast', () => {
  it('large or deep JSON nodes start folded', () => {
    const small = unfoldPolicy(1_000);
    expect(small(0, Array.from({ length: 200 }))).toBe(true);
    expect(small(0, Array.from({ length: 201 }))).toBe(false);
    expect(small(2, { a: 1 })).toBe(true);
    expect(small(1, Array.from({ length: 51 }))).toBe(false);
    expect(small(3, { a: 1 })).toBe(false);
    const big = unfoldPolicy(100_000);
    expect(big(0, { a: 1 })).toBe(true);
    expect(big(1, { a: 1 })).toBe(false);
  });

  it('long text is cut at a line end near the limit', () => {
    expect(cutAt('short', 10)).toBe(5);
    expect(cutAt('aaaa\nbbbb\ncccc', 12)).toBe(9);
    expect(cutAt('x'.repeat(20), 10)).toBe(10);
  });
});

describe('grouping long arrays and objects in the JSON tree', () => {
  it('leaves small nodes alone and splits long ones into index ranges of 100, nested when needed', () => {
    expect(groupLarge({ a: [1, 2], b: { c: null } })).toEqual({ a: [1, 2], b: { c: null } });
    const list = Array.from({ length: 250 }, (_, i) => i);
    const grouped = groupLarge(list) as Record<string, number[]>;
    expect(Object.keys(grouped)).toEqual(['[0 … 99]', '[100 … 199]', '[200 … 249]']);
    expect(grouped['[200 … 249]']).toEqual(list.slice(200));
    const wide = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, { v: i }]));
    expect(groupLarge(wide)).toEqual({ '[0 … 99]': Object.fromEntries(Object.entries(wide).slice(0, 100)), '[100 … 100]': { k100: { v: 100 } } });
    const huge = groupLarge(Array.from({ length: 25_000 }, (_, i) => i)) as Record<string, Record<string, number[]>>;
    expect(Object.keys(huge)).toEqual(['[0 … 9999]', '[10000 … 19999]', '[20000 … 24999]']);
    expect(Object.keys(huge['[20000 … 24999]']!)).toHaveLength(50);
    expect(huge['[20000 … 24999]']!['[24900 … 24999]']![99]).toBe(24_999);
  });
});
