import type { AddressMapping } from '../../shared/api';

export interface HostPort {
  host: string;
  port: number;
}

/** host and port of "host:port" / "[v6]:port". */
function split(address: string): { host: string; port: string } {
  const at = address.lastIndexOf(':');
  return { host: address.slice(0, at).replace(/^\[|\]$/g, ''), port: address.slice(at + 1) };
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.toLowerCase().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '(.*)');
  return new RegExp(`^${escaped}$`);
}

/**
 * Where a broker address really goes: the first mapping whose `from` matches rewrites it;
 * no match leaves it as it is. Host names compare case-insensitively.
 */
export function mapAddress(map: readonly AddressMapping[] | undefined, target: HostPort): HostPort {
  for (const mapping of map ?? []) {
    const from = split(mapping.from);
    if (from.port !== '*' && Number(from.port) !== target.port) continue;
    const match = globToRegExp(from.host).exec(target.host.toLowerCase());
    if (!match) continue;
    const to = split(mapping.to.replace(/\+n$/, ''));
    let port = to.port === '*' ? target.port : Number(to.port);
    if (mapping.to.endsWith('+n')) {
      // n: the last number in what `*` matched ("kafka-2" → 2); 0 when there is none.
      const wild = match.slice(1).join('');
      const digits = /(\d+)(?!.*\d)/.exec(wild);
      port += digits ? Number(digits[1]) : 0;
    }
    return { host: to.host, port };
  }
  return target;
}

/** "host:port" (IPv6 in brackets). */
export function formatAddress({ host, port }: HostPort): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
