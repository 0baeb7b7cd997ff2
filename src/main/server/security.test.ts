import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, hostAllowed, originAllowed, tokenMatches } from './security';
import { resolveStaticFile } from './static-files';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('browser-mode security checks', () => {
  it('compares tokens exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abc', 'abd')).toBe(false);
    expect(tokenMatches('abc', 'abcd')).toBe(false);
    expect(tokenMatches('abc', null)).toBe(false);
  });

  it('accepts only our loopback host and origin', () => {
    expect(hostAllowed('127.0.0.1:5000', 5000)).toBe(true);
    expect(hostAllowed('localhost:5000', 5000)).toBe(true);
    expect(hostAllowed('evil.example:5000', 5000)).toBe(false);
    expect(hostAllowed('127.0.0.1:5001', 5000)).toBe(false);
    expect(originAllowed('http://127.0.0.1:5000', 5000)).toBe(true);
    expect(originAllowed('https://evil.example', 5000)).toBe(false);
    expect(originAllowed(undefined, 5000)).toBe(false);
  });

  it('has a strict script policy', () => {
    const csp = contentSecurityPolicy(5000);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('never serves a file outside the static folder', async () => {
    const root = await mkdtemp(join(tmpdir(), 'ke-static-'));
    await writeFile(join(root, 'index.html'), '<html></html>');
    expect(await resolveStaticFile(root, '/index.html')).not.toBeNull();
    expect(await resolveStaticFile(root, '/../../etc/passwd')).toBeNull();
    expect(await resolveStaticFile(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(await resolveStaticFile(root, '/missing.js')).toBeNull();
  });
});
