import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { BadFrameResult, ServerFrame } from '../../shared/rpc/wire';
import type { Logger } from '../log';
import type { RpcHost } from '../rpc/rpc-host';
import { parseClientFrame } from './client-frames';
import { hostAllowed, originAllowed, securityHeaders, tokenMatches } from './security';
import { resolveStaticFile, streamFile } from './static-files';

export interface BrowserServerOptions {
  host: RpcHost;
  log: Logger;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Defaults to 32 random bytes; tests may pass their own. */
  token?: string;
}

export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_FRAME_BYTES = 16 * 1024 * 1024;

/**
 * The browser mode: serves the renderer and carries the same contract over a WebSocket.
 * Binds to 127.0.0.1 only; the page and the socket both require the per-launch token, the
 * socket also our own Origin, and every request our own Host name (no DNS rebinding).
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const log = options.log;
  let port = options.port ?? 0;

  const server = createServer((req, res) => {
    void handleHttp(req, res).catch((error: unknown) => {
      log.error('http handler failed', { error });
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = securityHeaders(port);
    if (!hostAllowed(req.headers.host, port)) {
      res.writeHead(421, headers).end('Misdirected request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const isPage = url.pathname === '/' || url.pathname === '/index.html';
    if (isPage && !tokenMatches(token, url.searchParams.get('token'))) {
      res.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Kafka Explorer: open the address printed by `npm run serve` (it carries the access token).');
      return;
    }
    const file = await resolveStaticFile(options.staticDir, isPage ? '/index.html' : url.pathname);
    if (!file) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': file.type, 'Content-Length': String(file.size) });
    if (req.method === 'HEAD') res.end();
    else streamFile(file.path).pipe(res);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const allowed =
      url.pathname === '/rpc' &&
      hostAllowed(req.headers.host, port) &&
      originAllowed(req.headers.origin, port) &&
      tokenMatches(token, url.searchParams.get('token'));
    if (!allowed) {
      log.warn('refused a WebSocket without a valid token, host or origin', { origin: req.headers.origin ?? null });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attachSocket(ws));
  });

  /**
   * One socket is one client of the RPC host: its calls (at most MAX_CALLS_PER_CLIENT at once)
   * and the connections it opens belong to it alone, and close with it.
   */
  function attachSocket(ws: WebSocket): void {
    const send = (frame: ServerFrame | BadFrameResult) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const client = options.host.attach(
      (name, payload) => send({ t: 'event', name, payload }),
      () => ws.bufferedAmount,
    );
    ws.on('message', (data, isBinary) => {
      const frame = parseClientFrame(isBinary ? null : data.toString());
      if (frame.kind === 'call') {
        void options.host.call(client, frame.id, frame.name, frame.req).then((result) => send({ t: 'result', id: frame.id, ...result }));
      } else if (frame.kind === 'cancel') {
        options.host.cancel(client, frame.id);
      } else {
        log.debug('answered a malformed frame with an error', { code: frame.error.code, message: frame.error.message });
        send({ t: 'result', id: frame.id, ok: false, error: frame.error });
      }
    });
    ws.on('close', () => options.host.detach(client));
    ws.on('error', (error) => log.debug('socket error', { error }));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/?token=${token}`;

  return {
    url,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
