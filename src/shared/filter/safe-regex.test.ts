import { describe, expect, it } from 'vitest';
import { compileSafeRegex } from './safe-regex';

describe('users’ regular expressions', () => {
  it('match in linear time where JavaScript’s engine would backtrack for hours', () => {
    const started = performance.now();
    expect(compileSafeRegex('^(a+)+$', { caseInsensitive: true }).test(`${'a'.repeat(100_000)}!`)).toBe(false);
    expect(compileSafeRegex('^(\\w+\\s?)*$').test(`${'word '.repeat(10_000)}!`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('find text or UTF-8 bytes, case-insensitively when asked', () => {
    const south = compileSafeRegex('"loc":"sou', { caseInsensitive: true });
    expect(south.test('{"loc":"SOUTH"}')).toBe(true);
    expect(south.test(Buffer.from('{"loc":"Southeast"}'))).toBe(true);
    expect(compileSafeRegex('"loc":"sou').test('{"loc":"SOUTH"}')).toBe(false);
    expect(compileSafeRegex('r[34]$').test('rider r4')).toBe(true);
  });

  it('refuse backreferences and lookaround, saying why', () => {
    expect(() => compileSafeRegex('(a)\\1')).toThrow(/backreferences and lookaround are not supported/);
    expect(() => compileSafeRegex('(?<=a)b')).toThrow(/not supported/);
    expect(() => compileSafeRegex('(', { caseInsensitive: true })).toThrow('missing closing ): `(`');
  });
});
