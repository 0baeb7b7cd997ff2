import { connect as netConnect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ConnectionConfig } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { brokerUnreachableData } from '../kafka/connection-errors';
import { formatAddress, mapAddress, type HostPort } from './address-map';
import { currentKnownHostsFiles } from './network-settings';
import { proxyConnect } from './proxy-connect';
import { SshTunnel } from './ssh-tunnel';

export type RouteConfig = Pick<ConnectionConfig, 'addressMap' | 'ssh' | 'proxy' | 'connectionTimeoutMs'>;

/**
 * How one connection reaches its brokers: the address mapping first (advertised → reachable),
 * then an SSH forwarded channel, a proxy, or a plain TCP connect. Every socket the app opens
 * for the connection (kafkajs, health probes, the connection test, the registry) comes from here.
 */
export interface Route {
  /** The address after the mapping. */
  target(host: string, port: number): HostPort;
  /** A connected stream to the (mapped) address. Fails with an AppError saying which hop failed. */
  open(host: string, port: number): Promise<Duplex>;
  /** The SSH tunnel, when the route has one. */
  readonly ssh: SshTunnel | null;
  /** "direct", "SSH alice@bastion:22", "SOCKS5 proxy 127.0.0.1:1080". */
  readonly via: string;
  /** False when names are resolved on the far side (SSH, proxy). */
  readonly resolvesLocally: boolean;
  close(): void;
}

function directConnect(host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host, port });
    const address = formatAddress({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new AppError(brokerUnreachableData('ETIMEDOUT', address)));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new AppError(brokerUnreachableData(error.code ?? 'ECONNRESET', address, error.message)));
    });
  });
}

export function createRoute(config: RouteConfig): Route {
  const timeoutMs = config.connectionTimeoutMs;
  const ssh = config.ssh ? new SshTunnel(config.ssh, { knownHostsFiles: currentKnownHostsFiles(), timeoutMs }) : null;
  const proxy = ssh ? undefined : config.proxy;
  const target = (host: string, port: number) => mapAddress(config.addressMap, { host, port });
  return {
    ssh,
    target,
    via: ssh ? `SSH ${ssh.name}` : proxy ? `${proxy.kind === 'socks5' ? 'SOCKS5' : 'HTTP'} proxy ${proxy.host}:${proxy.port}` : 'direct',
    resolvesLocally: !ssh && !proxy,
    async open(host, port) {
      const to = target(host, port);
      if (ssh) return ssh.open(to.host, to.port);
      if (proxy) return proxyConnect(proxy, to.host, to.port, timeoutMs);
      return directConnect(to.host, to.port, timeoutMs);
    },
    close() {
      ssh?.close();
    },
  };
}

/** True when the connection needs the route (anything but a plain, unmapped TCP connect). */
export function needsRoute(config: RouteConfig): boolean {
  return Boolean(config.ssh || config.proxy || config.addressMap?.length);
}
