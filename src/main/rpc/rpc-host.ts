import { randomUUID } from 'node:crypto';
import type { EventName, EventPayload } from '../../shared/api';
import type { AppErrorData } from '../../shared/errors';
import type { CallResult } from '../../shared/rpc/wire';
import type { Dispatcher } from './dispatcher';
import type { Logger } from '../log';

/** A connected window or browser tab, as seen by a transport. */
export interface RpcClient {
  readonly id: string;
  /** Delivers a pushed event to this client only. */
  send(event: EventName, payload: unknown): void;
  /** Bytes sent to it and not yet taken by it (a WebSocket's buffer); 0 where the transport cannot tell. */
  backlog(): number;
}

export interface RpcHost {
  attach(send: RpcClient['send'], backlog?: RpcClient['backlog']): RpcClient;
  call(client: RpcClient, callId: string, name: unknown, request: unknown): Promise<CallResult>;
  cancel(client: RpcClient, callId: string): void;
  /** The window closed or the socket dropped: abort its calls and tell listeners. */
  detach(client: RpcClient): void;
  onDetach(listener: (clientId: string) => void): void;
  /** Pushes an event to one attached client outside any call (e.g. a connection's health); ignored when it is gone. */
  sendTo<E extends EventName>(clientId: string, event: E, payload: EventPayload<E>): void;
}

/** Calls one window/tab may have running at once; streams count until they end. */
export const MAX_CALLS_PER_CLIENT = 32;

const refused = (code: string, message: string): CallResult => ({ ok: false, error: { name: 'RpcError', code, message, retriable: false } satisfies AppErrorData });

/**
 * Tracks each client's in-flight calls so the renderer's AbortSignal reaches the handler:
 * a cancel frame (or the client going away) aborts the matching AbortController.
 */
export function createRpcHost(dispatcher: Dispatcher, log: Logger, maxCalls = MAX_CALLS_PER_CLIENT): RpcHost {
  const inFlight = new Map<string, Map<string, AbortController>>();
  const clients = new Map<string, RpcClient>();
  const detachListeners: ((clientId: string) => void)[] = [];

  return {
    attach(send, backlog = () => 0) {
      const client: RpcClient = { id: randomUUID(), send, backlog };
      inFlight.set(client.id, new Map());
      clients.set(client.id, client);
      return client;
    },

    async call(client, callId, name, request) {
      const calls = inFlight.get(client.id);
      if (!calls) return { ok: false, error: { name: 'Error', code: 'DETACHED', message: 'Client detached', retriable: false } };
      const key = String(callId).slice(0, 100);
      // A second call under a running id would make the first one uncancellable.
      if (calls.has(key)) return refused('DUPLICATE_CALL_ID', 'A call with this id is still running.');
      if (calls.size >= maxCalls) return refused('TOO_MANY_CALLS', `This window already has ${maxCalls} calls running; wait for some to finish or cancel them.`);
      const controller = new AbortController();
      calls.set(key, controller);
      // Events of a cancelled call may still arrive (a final summary); a detached client gets none.
      const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
        if (inFlight.has(client.id)) client.send(event, payload);
      };
      try {
        return await dispatcher.dispatch(name, request, { signal: controller.signal, emit, clientId: client.id, backlog: client.backlog });
      } finally {
        calls.delete(key);
      }
    },

    cancel(client, callId) {
      inFlight.get(client.id)?.get(String(callId))?.abort();
    },

    detach(client) {
      const calls = inFlight.get(client.id);
      if (!calls) return;
      for (const controller of calls.values()) controller.abort();
      inFlight.delete(client.id);
      clients.delete(client.id);
      for (const listener of detachListeners) {
        try {
          listener(client.id);
        } catch (error) {
          log.warn('detach listener failed', { error });
        }
      }
    },

    onDetach(listener) {
      detachListeners.push(listener);
    },

    sendTo(clientId, event, payload) {
      clients.get(clientId)?.send(event, payload);
    },
  };
}
