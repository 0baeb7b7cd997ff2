import type { InternalBroker } from '../internals';

/** The parts of kafkajs 2.2.4's Connection that framing a request ourselves needs. */
interface QueuedConnection {
  clientId: string | null;
  sasl: object | null | undefined;
  isAuthenticated(): boolean;
  failIfNotConnected(): void;
  nextCorrelationId(): number;
  socket: { cork(): void; uncork(): void; write(chunk: Buffer): boolean };
  requestQueue: {
    push(request: { entry: object; expectResponse: boolean; requestTimeout: number | null; sendRequest(): void }): void;
  };
}

interface Pool {
  getConnectionByRequest(args: { request: { apiKey: number } }): Promise<QueuedConnection>;
}

export interface FramedRequest {
  apiKey: number;
  apiVersion: number;
  apiName: string;
  /** The body in pieces, written as they are: a Produce's record batches are never copied. */
  parts: readonly Buffer[];
  expectResponse: boolean;
  requestTimeout: number | null;
}

/**
 * Writes a request (header v1) and its body's parts to a kafkajs connection through the
 * connection's own request queue, so correlation ids, timeouts and the in-flight limit stay
 * kafkajs'. kafkajs' own send (protocol/request.js) copies each request twice into zero-filled
 * buffers that double as they grow: for a burst's 20 MB of batches that was the largest cost
 * on main (issue 19, P5). Returns the response after its correlation id, or null when none is
 * expected; null too, before sending anything, when the connection still has to authenticate,
 * which only kafkajs' own send does (the caller then sends the usual way).
 */
export async function sendFramed(broker: InternalBroker, request: FramedRequest): Promise<{ sent: true; payload: Buffer | null } | { sent: false }> {
  const pool = (broker as unknown as { connectionPool: Pool }).connectionPool;
  const connection = await pool.getConnectionByRequest({ request: { apiKey: request.apiKey } });
  // As kafkajs' own send decides whether to authenticate first (isAuthenticated is false without SASL).
  if (connection.sasl && !connection.isAuthenticated()) return { sent: false };
  connection.failIfNotConnected();
  const correlationId = connection.nextCorrelationId();
  const bodySize = request.parts.reduce((n, part) => n + part.length, 0);
  const header = requestHeader(request, correlationId, connection.clientId, bodySize);
  const answer = await new Promise<{ payload?: Buffer }>((resolve, reject) => {
    const { apiKey, apiName, apiVersion } = request;
    connection.requestQueue.push({
      entry: { apiKey, apiName, apiVersion, correlationId, resolve, reject },
      expectResponse: request.expectResponse,
      requestTimeout: request.requestTimeout,
      sendRequest: () => {
        // One TCP/TLS write for the whole request, as kafkajs' single buffer was.
        connection.socket.cork();
        connection.socket.write(header);
        for (const part of request.parts) connection.socket.write(part);
        connection.socket.uncork();
      },
    });
  });
  return { sent: true, payload: request.expectResponse ? (answer.payload ?? null) : null };
}

/** The request's size, api key, version, correlation id and client id. */
function requestHeader(request: FramedRequest, correlationId: number, clientId: string | null, bodySize: number): Buffer {
  const id = clientId === null ? null : Buffer.from(clientId, 'utf8');
  const header = Buffer.allocUnsafe(4 + 2 + 2 + 4 + 2 + (id?.length ?? 0));
  header.writeInt32BE(header.length - 4 + bodySize, 0);
  header.writeInt16BE(request.apiKey, 4);
  header.writeInt16BE(request.apiVersion, 6);
  header.writeInt32BE(correlationId, 8);
  header.writeInt16BE(id ? id.length : -1, 12);
  id?.copy(header, 14);
  return header;
}
