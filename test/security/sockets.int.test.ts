import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserServer } from '../../src/main/server/browser-server';
import { startTestApp, type TestApp } from '../support/app';
import { eventually } from '../support/eventually';
import { sharedBootstrap } from '../support/kafka';
import { openSocket, startTestServer } from '../support/socket';

/** Browser mode (issue 11): what one socket opens is its own; bad frames are answered; one socket cannot take everything. */
describe('browser-mode socket: ownership, malformed frames, limits', () => {
  let app: TestApp;
  let server: BrowserServer;
  beforeAll(async () => {
    app = startTestApp();
    server = await startTestServer(app);
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
  });
  const config = () => ({ brokers: sharedBootstrap().split(','), connectionTimeoutMs: 5000 });

  it('another socket can neither use, list nor close a connection; closing the socket closes its connections', async () => {
    const a = await openSocket(server);
    const b = await openSocket(server);
    const info = await a.call('connection.connect', { config: config() });
    await expect(b.call('cluster.overview', { connectionId: info.connectionId })).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    await expect(b.call('topics.list', { connectionId: info.connectionId })).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    await expect(b.call('connection.disconnect', { connectionId: info.connectionId })).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    expect(await b.call('connection.list', {})).toEqual([]);
    // Still open and usable by the socket that opened it.
    expect((await a.call('cluster.overview', { connectionId: info.connectionId })).clusterId).toBe(info.clusterId);
    expect((await a.call('connection.list', {})).map((c) => c.connectionId)).toEqual([info.connectionId]);

    await a.close();
    const isOpen = () => {
      try {
        app.services.deps.connections.get(info.connectionId);
        return true;
      } catch {
        return false;
      }
    };
    expect(await eventually(async () => isOpen(), (open) => !open, 10_000, 50)).toBe(false);
    await b.close();
  });

  it('answers malformed frames with an error frame instead of silence, and keeps serving', async () => {
    const s = await openSocket(server);
    const bad: (string | Buffer)[] = [
      'not json',
      '[{"t":"call","id":"a1","name":"app.info"}]',
      JSON.stringify({ t: 'call', id: 42, name: 'app.info', req: {} }),
      JSON.stringify({ t: 'subscribe', id: 'x1' }),
      Buffer.from([1, 2, 3]),
    ];
    for (const data of bad) s.sendRaw(data);
    const answers = await eventually(
      async () => s.frames.filter((f) => f.t === 'result' && f.ok === false && f.error?.code === 'BAD_FRAME'),
      (found) => found.length >= bad.length,
      10_000,
      50,
    );
    expect(answers.map((f) => f.id)).toEqual([null, null, null, 'x1', null]);
    expect(answers[3].error.message).toMatch(/Unknown frame type/);
    expect((await s.call('app.info', {})).runtime).toBe('browser');
    await s.close();
  });

  it('caps the connections one socket may hold (8), without touching other sockets', async () => {
    const s = await openSocket(server);
    const opened = await Promise.all(Array.from({ length: 8 }, () => s.call('connection.connect', { config: config() })));
    await expect(s.call('connection.connect', { config: config() })).rejects.toMatchObject({ code: 'TOO_MANY_CONNECTIONS' });
    const other = await openSocket(server);
    await expect(other.call('connection.connect', { config: config() })).resolves.toMatchObject({ connectionId: expect.any(String) });
    await s.call('connection.disconnect', { connectionId: opened[0]!.connectionId });
    await expect(s.call('connection.connect', { config: config() })).resolves.toMatchObject({ connectionId: expect.any(String) });
    await Promise.all([s.close(), other.close()]);
  });

  it('caps the calls one socket may have running (32)', async () => {
    // A server that accepts TCP and never answers keeps each connection test running until its timeout.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const s = await openSocket(server);
    try {
      const profile = { name: 'silent', brokers: [`127.0.0.1:${port}`], connectionTimeoutMs: 3000 };
      const running = Array.from({ length: 32 }, (_, i) => s.call('profiles.test', { testId: `slow-${i}`, profile }).catch((e: unknown) => e));
      await expect(s.call('app.info', {})).rejects.toMatchObject({ code: 'TOO_MANY_CALLS' });
      const other = await openSocket(server);
      expect((await other.call('app.info', {})).runtime).toBe('browser');
      await other.close();
      // Each of the 32 ran (and failed its test, not the call); then there is room again.
      expect((await Promise.all(running)).every((r) => (r as { ok?: boolean }).ok === false)).toBe(true);
      expect((await s.call('app.info', {})).runtime).toBe('browser');
    } finally {
      await s.close();
      sockets.forEach((socket) => socket.destroy());
      silent.close();
    }
  });
});
