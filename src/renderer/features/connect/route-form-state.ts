import type { AddressMapping, ProfileDraftInput, ProfileSecrets, ProfileSshHop } from '../../../shared/api';

/** The form's network fields: how the brokers are reached (SSH tunnel, proxy) and the address mapping. */
export interface RouteFormState {
  network: 'direct' | 'ssh' | 'socks5' | 'http';
  sshHost: string;
  sshPort: string;
  sshUser: string;
  sshAuth: ProfileSshHop['auth'];
  sshKeyFile: string;
  sshAgentSocket: string;
  sshPassword: string;
  sshPassphrase: string;
  jump: boolean;
  jumpHost: string;
  jumpPort: string;
  jumpUser: string;
  jumpAuth: ProfileSshHop['auth'];
  jumpKeyFile: string;
  sshJumpPassword: string;
  sshJumpPassphrase: string;
  proxyHost: string;
  proxyPort: string;
  proxyUser: string;
  proxyPassword: string;
  /** "advertised → reachable" lines. */
  addressMap: string;
}

export function emptyRouteForm(): RouteFormState {
  return {
    network: 'direct',
    sshHost: '',
    sshPort: '22',
    sshUser: '',
    sshAuth: 'key',
    sshKeyFile: '~/.ssh/id_ed25519',
    sshAgentSocket: '',
    sshPassword: '',
    sshPassphrase: '',
    jump: false,
    jumpHost: '',
    jumpPort: '22',
    jumpUser: '',
    jumpAuth: 'key',
    jumpKeyFile: '~/.ssh/id_ed25519',
    sshJumpPassword: '',
    sshJumpPassphrase: '',
    proxyHost: '',
    proxyPort: '1080',
    proxyUser: '',
    proxyPassword: '',
    addressMap: '',
  };
}

/** "from → to" lines (also accepts "->" and "=") into mappings; blank lines and # comments are skipped. */
export function parseAddressMap(text: string): { mappings: AddressMapping[]; errors: string[] } {
  const mappings: AddressMapping[] = [];
  const errors: string[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const parts = line.split(/\s*(?:→|->|=)\s*/);
    if (parts.length !== 2 || !parts[0] || !parts[1]) errors.push(`line ${i + 1}: expected "advertised → reachable"`);
    else mappings.push({ from: parts[0], to: parts[1] });
  }
  return { mappings, errors };
}

export function addressMapLines(mappings: readonly AddressMapping[]): string {
  return mappings.map((m) => `${m.from} → ${m.to}`).join('\n');
}

export function routeFormFromProfile(p: ProfileDraftInput): RouteFormState {
  const base = emptyRouteForm();
  const ssh = p.ssh;
  const jump = ssh?.jump;
  return {
    ...base,
    network: ssh ? 'ssh' : (p.proxy?.kind ?? 'direct'),
    ...(ssh
      ? { sshHost: ssh.host, sshPort: String(ssh.port ?? 22), sshUser: ssh.username, sshAuth: ssh.auth ?? 'key', sshKeyFile: ssh.keyFile ?? '', sshAgentSocket: ssh.agentSocket ?? '' }
      : {}),
    ...(jump ? { jump: true, jumpHost: jump.host, jumpPort: String(jump.port ?? 22), jumpUser: jump.username, jumpAuth: jump.auth ?? 'key', jumpKeyFile: jump.keyFile ?? '' } : {}),
    ...(p.proxy ? { proxyHost: p.proxy.host, proxyPort: String(p.proxy.port), proxyUser: p.proxy.username ?? '' } : {}),
    addressMap: addressMapLines(p.addressMap ?? []),
  };
}

const port = (text: string, fallback: number) => {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** The network part of the draft, and its secrets (empty ones left out: main keeps the stored ones). */
export function routeDraftFromForm(f: RouteFormState): { profile: Pick<ProfileDraftInput, 'ssh' | 'proxy' | 'addressMap'>; secrets: ProfileSecrets } {
  const profile: Pick<ProfileDraftInput, 'ssh' | 'proxy' | 'addressMap'> = {};
  const secrets: ProfileSecrets = {};
  const { mappings } = parseAddressMap(f.addressMap);
  if (mappings.length > 0) profile.addressMap = mappings;
  if (f.network === 'ssh') {
    profile.ssh = {
      host: f.sshHost.trim(),
      port: port(f.sshPort, 22),
      username: f.sshUser.trim(),
      auth: f.sshAuth,
      keyFile: f.sshKeyFile.trim(),
      agentSocket: f.sshAgentSocket.trim(),
      ...(f.jump ? { jump: { host: f.jumpHost.trim(), port: port(f.jumpPort, 22), username: f.jumpUser.trim(), auth: f.jumpAuth, keyFile: f.jumpKeyFile.trim(), agentSocket: '' } } : {}),
    };
    if (f.sshPassword) secrets.sshPassword = f.sshPassword;
    if (f.sshPassphrase) secrets.sshPassphrase = f.sshPassphrase;
    if (f.jump && f.sshJumpPassword) secrets.sshJumpPassword = f.sshJumpPassword;
    if (f.jump && f.sshJumpPassphrase) secrets.sshJumpPassphrase = f.sshJumpPassphrase;
  } else if (f.network !== 'direct') {
    profile.proxy = { kind: f.network, host: f.proxyHost.trim(), port: port(f.proxyPort, f.network === 'socks5' ? 1080 : 3128), username: f.proxyUser.trim() };
    if (f.proxyPassword) secrets.proxyPassword = f.proxyPassword;
  }
  return { profile, secrets };
}
