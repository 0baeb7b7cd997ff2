import { lookup } from 'node:dns/promises';
import { isIP, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import type { TlsConfig } from '../../shared/api';
import { AppError, ErrorCode, type AppErrorData } from '../../shared/errors';
import { kafkaErrorData, tlsErrorData } from './kafkajs/errors';
import { brokerUnreachableData } from './connection-errors';
import { toTlsOptions } from './tls-options';

/** host and port of "host:port" / "[v6]:port". */
export function splitAddress(address: string): { host: string; port: number } {
  const at = address.lastIndexOf(':');
  return { host: address.slice(0, at).replace(/^\[|\]$/g, ''), port: Number(address.slice(at + 1)) };
}

function withDeadline<T>(ms: number, what: string, work: (done: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new AppError({ name: 'KafkaTimeoutError', code: ErrorCode.Timeout, message: `${what}: no answer within ${(ms / 1000).toFixed(1)} s`, retriable: true }));
    }, ms);
  });
  return Promise.race([work(controller.signal), timeout]).finally(() => clearTimeout(timer));
}

/** Resolves a host name (IP literals pass as they are). */
export async function resolveHost(host: string, timeoutMs: number): Promise<string[]> {
  if (isIP(host)) return [host];
  try {
    return await withDeadline(timeoutMs, `resolving ${host}`, async () => (await lookup(host, { all: true })).map((a) => a.address));
  } catch (error) {
    throw AppError.is(error) ? error : new AppError(kafkaErrorData({ name: 'KafkaJSConnectionError', message: `cannot resolve ${host}: ${(error as Error).message}`, code: (error as NodeJS.ErrnoException).code }));
  }
}

/** Opens and closes a TCP connection. */
export function tcpConnect(host: string, port: number, timeoutMs: number): Promise<void> {
  return withDeadline(timeoutMs, `TCP connect to ${host}:${port}`, (signal) =>
    new Promise<void>((resolve, reject) => {
      const socket = new Socket();
      signal.addEventListener('abort', () => socket.destroy());
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', (error: NodeJS.ErrnoException) => {
        socket.destroy();
        reject(new AppError(error.code ? brokerUnreachableData(error.code, `${host}:${port}`, error.message) : kafkaErrorData({ name: 'KafkaJSConnectionError', message: `TCP connect to ${host}:${port}: ${error.message}`, broker: `${host}:${port}` })));
      });
      socket.connect(port, host);
    }),
  );
}

/** A TLS handshake with the profile's TLS settings; returns the server certificate's subject. */
export function tlsHandshake(host: string, port: number, tls: TlsConfig, timeoutMs: number, stream?: Duplex): Promise<string> {
  const options = toTlsOptions(tls);
  return withDeadline(timeoutMs, `TLS handshake with ${host}:${port}`, (signal) =>
    new Promise<string>((resolve, reject) => {
      // Through a route the stream is already open (an SSH channel, a proxy); TLS still checks the advertised name.
      const socket = tlsConnect({ ...(stream ? { socket: stream } : { host, port }), ...(typeof options === 'object' ? options : {}), ...(isIP(host) ? {} : { servername: host }) });
      signal.addEventListener('abort', () => socket.destroy());
      socket.once('secureConnect', () => {
        const cert = socket.getPeerCertificate();
        socket.destroy();
        resolve(cert?.subject?.CN ? `certificate CN=${String(cert.subject.CN)}` : 'handshake done');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => {
        socket.destroy();
        const data: AppErrorData = tlsErrorData(error, `${host}:${port}`) ?? kafkaErrorData({ name: 'KafkaJSConnectionError', message: error.message, code: error.code, broker: `${host}:${port}` });
        reject(new AppError(data));
      });
    }),
  );
}
