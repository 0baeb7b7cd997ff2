import { describe, expect, it } from 'vitest';
import { rewriteTextRuns } from './binary-text';

const stars = (text: string) => text.replace(/[a-z]+@[a-z.]+/g, '****');

describe('regex rules on binary bytes', () => {
  it('rewrites the UTF-8 text between invalid bytes and keeps those bytes', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0x00, 0x81]), Buffer.from('to ann@example.com é'), Buffer.from([0xc3]), Buffer.from('bob@x.org')]);
    const out = rewriteTextRuns(bytes, stars);
    expect(out).toEqual(Buffer.concat([Buffer.from([0xff, 0x00, 0x81]), Buffer.from('to **** é'), Buffer.from([0xc3]), Buffer.from('****')]));
    expect(out.toString('latin1')).not.toContain('@');
  });

  it('returns the same buffer when no run matches', () => {
    const bytes = Buffer.from([0xfe, 0x41, 0xed, 0xa0, 0x80, 0x42]);
    expect(rewriteTextRuns(bytes, stars)).toBe(bytes);
  });

  it('treats surrogates and overlong forms as invalid bytes, not text', () => {
    const seen: string[] = [];
    rewriteTextRuns(Buffer.from([0x61, 0xed, 0xa0, 0x80, 0x62, 0xc0, 0xaf, 0x63]), (t) => (seen.push(t), t));
    expect(seen).toEqual(['a', 'b', 'c']);
  });
});
