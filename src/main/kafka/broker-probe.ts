import { connect as netConnect, isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import type { TlsConfig } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { brokerUnreachableData } from './connection-errors';
import { tlsErrorData } from './kafkajs/errors';
import { splitAddress } from './network-probe';
import { toTlsOptions } from './tls-options';
import { PendingSocket } from '../network/pending-socket';

const API_VERSIONS = 18;
const CORRELATION_ID = 0x4b45; // "KE"
/** How often the probe's deadline is checked, and the most one check may count (see probeBroker). */
const TICK_MS = 100;
const TICK_MAX_MS = 500;

/** ApiVersions v0: the one request every broker answers before authentication (KIP-35). */
function apiVersionsRequest(clientId: string): Buffer {
  const id = Buffer.from(clientId, 'utf8');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + id.length);
  body.writeInt16BE(API_VERSIONS, 0);
  body.writeInt16BE(0, 2);
  body.writeInt32BE(CORRELATION_ID, 4);
  body.writeInt16BE(id.length, 8);
  id.copy(body, 10);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length, 0);
  return Buffer.concat([size, body]);
}

export interface BrokerProbeOptions {
  /** TLS settings of the connection; plain TCP when absent. */
  tls?: TlsConfig | undefined;
  /** The probe fails with TIMEOUT when the broker has not answered by then. */
  timeoutMs: number;
  clientId?: string;
  /** Opens the TCP stream (an SSH channel, a proxy); a plain connect when absent. */
  open?: ((host: string, port: number) => Promise<Duplex>) | undefined;
}

/**
 * Asks one broker for its API versions on a fresh socket and waits for the answer. Unlike a TCP
 * connect this catches a frozen broker too (a SIGSTOPped JVM: the kernel still accepts the
 * connection, nothing ever answers). Failures read as the connection test says them.
 */
export function probeBroker(address: string, options: BrokerProbeOptions): Promise<void> {
  const { host, port } = splitAddress(address);
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let socket: Duplex = new PendingSocket();
    const finish = (error?: AppError) => {
      if (settled) return;
      settled = true;
      clearInterval(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    // The wait counts only time this process could have read the answer: while main's event loop
    // is blocked (decoding 39,000 partitions' offsets on a loaded machine), a tick counts at most
    // TICK_MAX_MS, so a busy app does not declare a live broker silent and fail every call.
    let waited = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      waited += Math.min(now - last, TICK_MAX_MS);
      last = now;
      if (waited < options.timeoutMs) return;
      const data = brokerUnreachableData('TIMEOUT', address);
      finish(new AppError({ ...data, message: `${data.message} (no answer within ${(options.timeoutMs / 1000).toFixed(1)} s)` }));
    }, Math.min(TICK_MS, options.timeoutMs));
    const send = () => socket.write(apiVersionsRequest(options.clientId ?? 'kafka-explorer-health'));
    const tlsOptions = options.tls ? toTlsOptions(options.tls) : undefined;
    const tlsExtra = { ...(typeof tlsOptions === 'object' ? tlsOptions : {}), ...(isIP(host) ? {} : { servername: host }) };
    if (options.open) {
      const pending = socket as PendingSocket;
      if (options.tls) socket = tlsConnect({ ...tlsExtra, socket: pending }, send);
      options.open(host, port).then(
        (stream) => {
          pending.attach(stream);
          if (!options.tls) send();
        },
        (error: unknown) => finish(AppError.is(error) ? error : new AppError(brokerUnreachableData('ECONNRESET', address, (error as Error).message))),
      );
    } else if (options.tls) {
      socket = tlsConnect({ host, port, ...tlsExtra }, send);
    } else {
      socket = netConnect({ host, port }, send);
    }
    let received = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      // Size and correlation id are enough to know the broker is alive and speaks Kafka.
      if (received.length >= 8) finish(received.readInt32BE(4) === CORRELATION_ID ? undefined : new AppError(brokerUnreachableData('EPROTO', address, 'it does not answer as a Kafka broker')));
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const data = (options.tls ? tlsErrorData(error, address) : null) ?? brokerUnreachableData(error.code ?? 'ECONNRESET', address, error.message);
      finish(new AppError(data));
    });
    socket.on('close', () => finish(new AppError(brokerUnreachableData('ECONNRESET', address))));
  });
}
