import type { InternalBroker } from '../internals';
import { WireReader } from './wire';

export interface RawRequest<T> {
  apiKey: number;
  apiVersion: number;
  apiName: string;
  body: Buffer;
  parse(reader: WireReader): T;
  /** Waits this long for the answer when longer than the connection's request timeout. */
  waitMs?: number;
}

/**
 * Sends a hand-encoded request over a broker's existing kafkajs connection, so SASL, TLS,
 * timeouts and correlation ids stay kafkajs' own. Only for non-flexible versions (v1 headers).
 */
export async function sendRaw<T>(broker: InternalBroker, request: RawRequest<T>): Promise<T> {
  return send<T>(broker, request, true);
}

/** For a request the broker does not answer (Produce with acks=0): returns once it is written. */
export async function sendRawUnanswered(broker: InternalBroker, request: Omit<RawRequest<unknown>, 'parse'>): Promise<void> {
  await send<unknown>(broker, { ...request, parse: () => undefined }, false);
}

async function send<T>(broker: InternalBroker, request: RawRequest<T>, expectResponse: boolean): Promise<T> {
  const pool = (broker as unknown as { connectionPool: { send<R>(args: { request: unknown; response: unknown; requestTimeout?: number }): Promise<R> } }).connectionPool;
  return pool.send<T>({
    ...(request.waitMs ? { requestTimeout: request.waitMs } : {}),
    request: {
      apiKey: request.apiKey,
      apiVersion: request.apiVersion,
      apiName: request.apiName,
      encode: async () => ({ buf: request.body, buffer: request.body }),
      expectResponse: () => expectResponse,
    },
    response: { decode: async (raw: Buffer) => raw, parse: async (raw: Buffer) => request.parse(new WireReader(raw)) },
  });
}
