import type { AddressMapping, AdvertisedFinding, ConnectionConfig } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { probeBroker } from '../../kafka/broker-probe';
import { formatAddress, type HostPort } from '../../network/address-map';
import type { Route } from '../../network/route';
import { farSideCause } from '../../network/far-side-cause';

/**
 * What happened to an advertised address, in plain words ("…, which does not resolve from this
 * machine"). Through a tunnel or proxy the far side resolves and connects, so it is named instead.
 */
function plainly(code: string, route: Route | null): string {
  const where = !route || route.via === 'direct' ? 'this machine' : route.ssh ? `the SSH server ${route.ssh.name}` : `the ${route.via}`;
  switch (code) {
    case 'SSH_FORWARD_REFUSED':
      return `which ${where} may not forward to (administratively prohibited)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `which does not resolve from ${where}`;
    case 'ECONNREFUSED':
      return `which refuses connections from ${where}`;
    case 'ETIMEDOUT':
    case 'TIMEOUT':
      return `which does not answer from ${where}`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `which cannot be reached from ${where}`;
    default:
      return `which cannot be used from ${where}`;
  }
}

/**
 * Probes every broker address the cluster advertises, as the app will connect to it (mapping,
 * tunnel, proxy), and proposes a mapping for those that fail: to the bootstrap address that
 * worked for a one-broker cluster, else to the bootstrap host on the advertised port.
 */
export async function checkAdvertised(
  config: ConnectionConfig,
  brokers: { nodeId: number; host: string; port: number }[],
  bootstrap: HostPort,
  route: Route | null,
): Promise<{ findings: AdvertisedFinding[]; suggestedMapping: AddressMapping[] }> {
  const results = await Promise.all(
    brokers.map(async (b) => {
      const advertised = formatAddress(b);
      try {
        await probeBroker(advertised, { tls: config.tls, timeoutMs: config.connectionTimeoutMs, clientId: config.clientId, open: route ? (h, p) => route.open(h, p) : undefined });
        return null;
      } catch (error) {
        // The tunnel and the proxy report the far side's failure as text: read the cause from it.
        const raw = AppError.is(error) ? error.code : 'UNKNOWN';
        const code = (raw === 'SSH_FORWARD_FAILED' || raw === 'PROXY_CONNECT_FAILED' ? farSideCause((error as Error).message) : null) ?? raw;
        const mapped = route ? formatAddress(route.target(b.host, b.port)) : advertised;
        const rewritten = mapped !== advertised ? ` (mapped to ${mapped})` : '';
        const finding: AdvertisedFinding = { nodeId: b.nodeId, advertised, code, message: `broker ${b.nodeId} advertises ${advertised}${rewritten}, ${plainly(code, route)}` };
        return finding;
      }
    }),
  );
  const findings = results.filter((r): r is AdvertisedFinding => r !== null);
  const suggestedMapping = findings.map((f) => ({
    from: f.advertised,
    to: brokers.length === 1 ? formatAddress(bootstrap) : formatAddress({ host: bootstrap.host, port: Number(f.advertised.slice(f.advertised.lastIndexOf(':') + 1)) }),
  }));
  return { findings, suggestedMapping };
}
