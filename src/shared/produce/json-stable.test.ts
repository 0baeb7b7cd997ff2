import { describe, expect, it } from 'vitest';
import { jsonStable } from './json-stable';
import { compileTemplate } from './template';

const stable = (text: string) => jsonStable(compileTemplate(text));

describe('templates whose every render is valid JSON once one is', () => {
  it('placeholders inside strings that cannot break them, and standalone numbers and booleans', () => {
    expect(stable('{"seq": {{seq}}, "name": "{{name}}", "loc": "{{pick "NORTH" "SOUTH"}}", "at": "{{now}}", "ok": {{bool}}, "x": [{{int -5 5}}, {{float 1 2}}]}')).toBe(true);
    expect(stable('{"id": "order-{{uuid}}", "n": {{timestamp}}}')).toBe(true);
  });

  it('not when a choice could end or escape its string', () => {
    expect(stable('{"loc": "{{pick "a\\"b" "c"}}"}')).toBe(false);
    expect(stable('{"loc": "{{pick "back\\\\slash"}}"}')).toBe(false);
  });

  it('not when a placeholder outside strings is not a standalone number or boolean', () => {
    expect(stable('{"name": {{name}}}')).toBe(false); // a bare word
    expect(stable('{"n": 1{{int -5 5}}}')).toBe(false); // glued to a digit: "1-3"
    expect(stable('{"n": {{int 1 5}}{{int 1 5}}}')).toBe(false); // two in a row
    expect(stable('{"n": -{{int -5 5}}}')).toBe(false);
  });

  it('not right after a backslash inside a string', () => {
    expect(stable('{"s": "\\\\{{name}}"}')).toBe(true); // an escaped backslash, then the name
    expect(stable('{"s": "\\{{seq}}"}')).toBe(false);
  });
});
