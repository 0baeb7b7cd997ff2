import { z } from 'zod';
import { defineCall, defineEvent } from './define';
import { BrokerAddress, ConnectionId } from './common';
import type { ClusterOverview } from './cluster';

/**
 * Everything needed to open a connection. The profiles issue extends this with SASL and TLS;
 * the foundation needs the address, timeouts and the read-only gate.
 */
export const ConnectionConfig = z.object({
  name: z.string().trim().max(200).optional(),
  brokers: z.array(BrokerAddress).min(1, 'give at least one bootstrap address').max(100),
  clientId: z.string().trim().min(1).max(200).default('kafka-explorer'),
  readOnly: z.boolean().default(false),
  /** TCP (and TLS/SASL) connect timeout per broker, and the deadline of the first connect. */
  connectionTimeoutMs: z.number().int().min(500).max(120_000).default(10_000),
  /** Timeout of one request to a broker. */
  requestTimeoutMs: z.number().int().min(1_000).max(300_000).default(30_000),
});
export type ConnectionConfigInput = z.input<typeof ConnectionConfig>;
export type ConnectionConfig = z.output<typeof ConnectionConfig>;

export interface ConnectionInfo {
  connectionId: string;
  name: string;
  brokers: string[];
  readOnly: boolean;
  overview: ClusterOverview;
}

export interface ConnectionLostEvent {
  connectionId: string;
  error: { message: string; broker?: string };
}

export const connectionCalls = {
  /** Opens a connection and checks the cluster answers within the connection timeout. */
  'connection.connect': defineCall<ConnectionInfo>()(z.object({ config: ConnectionConfig })),
  'connection.disconnect': defineCall<void>()(z.object({ connectionId: ConnectionId })),
  /** Connections this window (or browser tab) opened and are still open. */
  'connection.list': defineCall<Omit<ConnectionInfo, 'overview'>[]>()(z.object({})),
};

export const connectionEvents = {
  'connection.lost': defineEvent<ConnectionLostEvent>(),
};
