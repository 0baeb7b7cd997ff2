import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { CallName, RequestOf, ResponseOf } from '../../src/shared/api';
import { AppError, type AppErrorData } from '../../src/shared/errors';
import { startBrowserServer, type BrowserServer } from '../../src/main/server/browser-server';
import { createLogger } from '../../src/main/log';
import type { TestApp } from './app';

/** One browser tab's WebSocket to the browser-mode server, as the page would open it. */
export interface TestSocket {
  call<K extends CallName>(name: K, request: RequestOf<K>): Promise<ResponseOf<K>>;
  /** Sends raw text or bytes, for frames the page would never send. */
  sendRaw(data: string | Buffer): void;
  /** Every frame the server sent, parsed. */
  frames: any[];
  /** Every frame the server sent, as the text that travelled (to search for what must not leak). */
  rawFrames: string[];
  /** Resolves with the next frame matching `match`. */
  next(match: (frame: any) => boolean): Promise<any>;
  close(): Promise<void>;
}

/** The browser-mode server over a test app's services (static files are not needed). */
export function startTestServer(app: TestApp): Promise<BrowserServer> {
  return startBrowserServer({ host: app.services.host, log: createLogger('test', { level: 'error' }), staticDir: mkdtempSync(join(tmpdir(), 'ke-static-')) });
}

export async function openSocket(server: BrowserServer): Promise<TestSocket> {
  const origin = `http://127.0.0.1:${server.port}`;
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/rpc?token=${server.token}`, { origin });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const frames: any[] = [];
  const rawFrames: string[] = [];
  const waiters: { match: (frame: any) => boolean; resolve: (frame: any) => void }[] = [];
  ws.on('message', (data) => {
    const text = String(data);
    rawFrames.push(text);
    const frame = JSON.parse(text);
    frames.push(frame);
    for (const w of [...waiters]) {
      if (w.match(frame)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(frame);
      }
    }
  });
  let seq = 0;
  const next = (match: (frame: any) => boolean) => {
    const seen = frames.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise<any>((resolve) => waiters.push({ match, resolve }));
  };
  return {
    frames,
    rawFrames,
    next,
    sendRaw: (data) => ws.send(data),
    async call(name, request) {
      const id = `s${++seq}`;
      ws.send(JSON.stringify({ t: 'call', id, name, req: request }));
      const frame = await next((f) => f.t === 'result' && f.id === id);
      if (!frame.ok) throw new AppError(frame.error as AppErrorData);
      return frame.value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (ws.readyState === ws.CLOSED) return resolve();
        ws.once('close', () => resolve());
        ws.close();
      }),
  };
}
