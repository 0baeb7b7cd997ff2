import { describe, expect, it } from 'vitest';
import { connectLines, parseConnectLines } from './connect-cluster-lines';

describe('the profile form’s Connect cluster lines', () => {
  it('reads "name URL" lines (names may have spaces), and names a bare URL after its host', () => {
    expect(parseConnectLines('ingest http://c1:8083\n\n  eu west https://c2:8083/  \nhttp://connect.local:8083')).toEqual({
      clusters: [
        { name: 'ingest', url: 'http://c1:8083' },
        { name: 'eu west', url: 'https://c2:8083/' },
        { name: 'connect.local', url: 'http://connect.local:8083' },
      ],
      problem: null,
    });
    expect(connectLines([{ name: 'a', url: 'http://x' }])).toBe('a http://x');
  });
  it('says which line is wrong', () => {
    expect(parseConnectLines('a http://x\nb x:8083').problem).toBe('Line 2: end it with the Connect REST URL (http:// or https://).');
    expect(parseConnectLines('a http://x\nA http://y').problem).toBe('Line 2: another line is already named “A”.');
  });
});
