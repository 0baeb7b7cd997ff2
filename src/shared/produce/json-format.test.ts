import { describe, expect, it } from 'vitest';
import { formatJson } from './json-format';

describe('formatting JSON without changing a value', () => {
  it('lays out like JSON.stringify(…, null, 2) for ordinary JSON', () => {
    const text = '{"a":1,"b":[true,false,null,{"c":"d"}],"e":{},"f":[],"g":-1.5}';
    expect(formatJson(text)).toBe(JSON.stringify(JSON.parse(text), null, 2));
    expect(formatJson('  "just a string" ')).toBe('"just a string"');
    expect(formatJson('[ ]')).toBe('[]');
  });

  it('keeps every number as typed, beyond what a double holds', () => {
    const text = '{"id": 9007199254740993, "price": 1.10, "one": 1.0, "tiny": 1e-400, "big": 123456789012345678901234567890}';
    const formatted = formatJson(text);
    for (const n of ['9007199254740993', '1.10', '1.0', '1e-400', '123456789012345678901234567890']) expect(formatted).toContain(`: ${n}`);
    expect(JSON.stringify(JSON.parse(text))).toContain('9007199254740992'); // what parse/stringify did
  });

  it('keeps string escapes and repeated keys as typed', () => {
    const text = '{"s":"caf\\u00e9 \\"q\\" \\\\ \\/ {[,:]}","k":1,"k":2}';
    expect(formatJson(text)).toBe('{\n  "s": "caf\\u00e9 \\"q\\" \\\\ \\/ {[,:]}",\n  "k": 1,\n  "k": 2\n}');
  });

  it('is stable: formatting formatted text changes nothing', () => {
    const once = formatJson('{"a":[1,{"b":2}],"c":"x"}');
    expect(formatJson(once)).toBe(once);
  });

  it('refuses what is not JSON tokens instead of guessing', () => {
    expect(() => formatJson('{"a": undefined}')).toThrow(SyntaxError);
    expect(() => formatJson('{"a": "open')).toThrow(SyntaxError);
  });
});
