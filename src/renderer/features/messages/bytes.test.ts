import { describe, expect, it } from 'vitest';
import { fullText, hexDump, preview } from './bytes';

const b64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes));

describe('message bytes for display', () => {
  it('previews text on one line, binary as hex, null as a marker', () => {
    expect(preview({ encoding: 'utf8', data: '{\n "a": 1\n}', size: 11, truncated: false }, 'null')).toBe('{ "a": 1 }');
    expect(preview({ encoding: 'base64', data: b64([0xff, 0, 0xfe]), size: 3, truncated: false }, 'null')).toBe('ff 00 fe');
    expect(preview(null, 'tombstone')).toBe('tombstone');
    expect(preview({ encoding: 'base64', data: b64([0, 0, 0, 0, 42, 1]), size: 6, truncated: false, schemaId: 42 }, '')).toBe('[schema 42] 00 00 00 00 2a 01');
  });

  it('pretty-prints JSON, keeps markup as text, dumps binary with an ASCII column', () => {
    expect(fullText({ encoding: 'utf8', data: '{"a":1}', size: 7, truncated: false })).toEqual({ kind: 'json', text: '{\n  "a": 1\n}' });
    expect(fullText({ encoding: 'utf8', data: '<img src=x onerror=alert(1)>', size: 28, truncated: false })).toEqual({ kind: 'text', text: '<img src=x onerror=alert(1)>' });
    expect(hexDump(new Uint8Array([0x41, 0x42, 0x00]))).toBe('00000000  41 42 00' + ' '.repeat(39) + '  AB.');
  });
});
