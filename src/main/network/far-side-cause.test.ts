import { describe, expect, it } from 'vitest';
import { farSideCause } from './far-side-cause';

describe('farSideCause', () => {
  it('reads what OpenSSH and SOCKS proxies say back into a cause', () => {
    expect(farSideCause('(SSH) Channel open failure: Name or service not known')).toBe('ENOTFOUND');
    expect(farSideCause('(SSH) Channel open failure: Connection refused')).toBe('ECONNREFUSED');
    expect(farSideCause('Socks5 proxy rejected connection - HostUnreachable')).toBe('EHOSTUNREACH');
    expect(farSideCause('Socks5 proxy rejected connection - ConnectionRefused')).toBe('ECONNREFUSED');
    expect(farSideCause('open failed')).toBeNull();
  });
});
