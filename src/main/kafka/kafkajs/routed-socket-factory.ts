import { isIP } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import type { ISocketFactory } from 'kafkajs';
import { PendingSocket } from '../../network/pending-socket';
import type { Route } from '../../network/route';

/**
 * kafkajs' `socketFactory` over a route: every broker socket (seed, brokers learned from
 * metadata, raw requests riding kafkajs' connections) goes through it. TLS wraps the routed
 * stream and still verifies the advertised name, not the mapped one.
 */
export function routedSocketFactory(route: Route): ISocketFactory {
  return ({ host, port, ssl, onConnect }) => {
    const pending = new PendingSocket();
    const opened = route.open(host, port);
    if (ssl) {
      const options = typeof ssl === 'object' ? (ssl as ConnectionOptions) : {};
      const socket = tlsConnect({ ...options, socket: pending, ...(isIP(host) ? {} : { servername: host }) }, onConnect);
      opened.then(
        (stream) => pending.attach(stream),
        (error: Error) => socket.destroy(error),
      );
      return socket;
    }
    opened.then(
      (stream) => {
        pending.attach(stream);
        onConnect();
      },
      (error: Error) => pending.destroy(error),
    );
    return pending as unknown as ReturnType<ISocketFactory>;
  };
}
