import { describe, expect, it } from 'vitest';
import { emptyRouteForm, parseAddressMap, routeDraftFromForm, routeFormFromProfile } from './route-form-state';

describe('route form state', () => {
  it('reads mapping lines with → or ->, and names bad lines', () => {
    expect(parseAddressMap('*.internal:9092 → 127.0.0.1:19090+n\n# note\n\nkafka-0:9092 -> localhost:29092\nnonsense')).toEqual({
      mappings: [
        { from: '*.internal:9092', to: '127.0.0.1:19090+n' },
        { from: 'kafka-0:9092', to: 'localhost:29092' },
      ],
      errors: ['line 5: expected "advertised → reachable"'],
    });
  });

  it('round-trips an SSH tunnel with a jump host; secrets travel apart', () => {
    const form = { ...emptyRouteForm(), network: 'ssh' as const, sshHost: 'bastion', sshPort: '2222', sshUser: 'me', sshPassphrase: 'pp', jump: true, jumpHost: 'gate', jumpUser: 'j', addressMap: 'a:1 → b:2' };
    const { profile, secrets } = routeDraftFromForm(form);
    expect(profile.ssh).toMatchObject({ host: 'bastion', port: 2222, username: 'me', auth: 'key', jump: { host: 'gate', port: 22, username: 'j' } });
    expect(profile.proxy).toBeUndefined();
    expect(secrets).toEqual({ sshPassphrase: 'pp' });
    const back = routeFormFromProfile({ name: 'x', brokers: ['a:1'], ...profile });
    expect(back).toMatchObject({ network: 'ssh', sshHost: 'bastion', sshPort: '2222', jump: true, jumpHost: 'gate', addressMap: 'a:1 → b:2', sshPassphrase: '' });
  });

  it('makes a proxy, and nothing for a direct connection', () => {
    expect(routeDraftFromForm({ ...emptyRouteForm(), network: 'socks5', proxyHost: 'p', proxyPort: '1080', proxyUser: 'u', proxyPassword: 's' })).toEqual({
      profile: { proxy: { kind: 'socks5', host: 'p', port: 1080, username: 'u' } },
      secrets: { proxyPassword: 's' },
    });
    expect(routeDraftFromForm(emptyRouteForm())).toEqual({ profile: {}, secrets: {} });
  });
});
