import type { ClientRequestArgs } from 'node:http';
import { isIP, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { PendingSocket } from './pending-socket';
import type { Route } from './route';

type CreateConnection = NonNullable<ClientRequestArgs['createConnection']>;

/**
 * HTTP(S) through a connection's route (Schema Registry, Kafka Connect REST): the
 * `createConnection` option of node:http/https `request`. Pass it with no `agent`; for https
 * give the TLS options (ca, cert, key, rejectUnauthorized) here, the certificate is checked
 * against the URL's host. With undici, call `openHttpStream` from an Agent's `connect` option.
 */
export function httpConnectionFor(route: Route, tls?: ConnectionOptions): CreateConnection {
  return (options, oncreate) => {
    const host = String(options.hostname ?? options.host ?? 'localhost').replace(/^\[|\]$/g, '');
    const https = options.protocol === 'https:' || (tls !== undefined && options.protocol !== 'http:');
    const port = Number(options.port) || (https ? 443 : 80);
    const pending = new PendingSocket();
    openHttpStream(route, host, port, https ? (tls ?? {}) : undefined).then(
      (stream) => {
        pending.attach(stream);
        oncreate?.(null, pending as unknown as Socket);
      },
      (error: Error) => oncreate?.(error, undefined as unknown as Socket),
    );
    return undefined as unknown as Socket;
  };
}

/** A stream to host:port through the route, TLS-wrapped when `tls` is given (SNI and the check use `host`). */
export async function openHttpStream(route: Route, host: string, port: number, tls?: ConnectionOptions): Promise<Duplex> {
  const stream = await route.open(host, port);
  if (!tls) return stream;
  return new Promise((resolve, reject) => {
    const secure = tlsConnect({ ...tls, socket: stream, ...(isIP(host) ? {} : { servername: host }) }, () => resolve(secure));
    secure.once('error', reject);
  });
}
