import type { CallResult, ClientFrame, ServerFrame } from '../../shared/rpc/wire';
import type { Transport } from './client';

export type SocketStatus = 'connecting' | 'open' | 'closed';

/**
 * The browser mode's transport: one WebSocket to the local server, authenticated by the
 * per-launch token from the page URL. Calls wait while it (re)connects; when it drops,
 * pending calls fail with a clear error instead of hanging.
 */
export function createWsTransport(url: string, onStatus: (status: SocketStatus) => void = () => undefined): Transport {
  const pending = new Map<string, (result: CallResult) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;
  let retryDelay = 500;

  function connect(): Promise<WebSocket> {
    opened ??= new Promise<WebSocket>((resolve, reject) => {
      onStatus('connecting');
      const ws = new WebSocket(url);
      ws.onopen = () => {
        socket = ws;
        retryDelay = 500;
        onStatus('open');
        resolve(ws);
      };
      ws.onmessage = (message) => receive(String(message.data));
      ws.onclose = () => {
        socket = null;
        opened = null;
        onStatus('closed');
        for (const [id, settle] of pending) {
          pending.delete(id);
          settle({
            ok: false,
            error: {
              name: 'DisconnectedError',
              code: 'DISCONNECTED',
              message: 'Lost the connection to the Kafka Explorer server.',
              retriable: true,
              hint: 'Check that `npm run serve` is still running, then reload the page.',
            },
          });
        }
        reject(new Error('socket closed'));
        setTimeout(() => void connect().catch(() => undefined), retryDelay);
        retryDelay = Math.min(retryDelay * 2, 10_000);
      };
    });
    return opened;
  }

  function receive(text: string): void {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(text) as ServerFrame;
    } catch {
      return;
    }
    if (frame.t === 'result') {
      const settle = pending.get(frame.id);
      pending.delete(frame.id);
      const { t: _t, id: _id, ...result } = frame;
      settle?.(result as CallResult);
    } else if (frame.t === 'event') {
      listeners.get(frame.name)?.forEach((listener) => listener(frame.payload));
    }
  }

  function sendFrame(ws: WebSocket, frame: ClientFrame): void {
    ws.send(JSON.stringify(frame));
  }

  void connect().catch(() => undefined);

  return {
    mode: 'browser',
    async send(id, name, request) {
      const ws = socket ?? (await connect());
      return new Promise<CallResult>((resolve) => {
        pending.set(id, resolve);
        sendFrame(ws, { t: 'call', id, name, req: request });
      });
    },
    cancel(id) {
      if (socket) sendFrame(socket, { t: 'cancel', id });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
}
