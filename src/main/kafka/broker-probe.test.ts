import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeBroker } from './broker-probe';

const servers: Server[] = [];
function listen(onData: (socket: import('node:net').Socket, data: Buffer) => void): Promise<number> {
  const server = createServer((socket) => socket.on('data', (data) => onData(socket, data)));
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}
afterEach(() => servers.splice(0).forEach((s) => s.close()));

describe('probeBroker', () => {
  it('resolves when the broker answers the ApiVersions request with its correlation id', async () => {
    const port = await listen((socket, data) => {
      const answer = Buffer.alloc(10);
      answer.writeInt32BE(6, 0);
      data.copy(answer, 4, 8, 12); // the request's correlation id
      socket.write(answer);
    });
    await expect(probeBroker(`127.0.0.1:${port}`, { timeoutMs: 2_000 })).resolves.toBeUndefined();
  });

  it('says a frozen broker (connection accepted, no answer) did not answer in time', async () => {
    const port = await listen(() => undefined);
    await expect(probeBroker(`127.0.0.1:${port}`, { timeoutMs: 300 })).rejects.toMatchObject({ code: 'TIMEOUT', retriable: true, message: `Broker 127.0.0.1:${port} did not answer in time (no answer within 0.3 s)` });
  });

  it('does not count the time its own event loop was blocked: a busy app keeps a live broker', async () => {
    const port = await listen((socket, data) => {
      const answer = Buffer.alloc(10);
      answer.writeInt32BE(6, 0);
      data.copy(answer, 4, 8, 12);
      socket.write(answer);
    });
    const probe = probeBroker(`127.0.0.1:${port}`, { timeoutMs: 1_000 });
    // 1.5 s of synchronous work (a huge response decoded on a loaded machine) before the answer can be read.
    const until = performance.now() + 1_500;
    while (performance.now() < until);
    await expect(probe).resolves.toBeUndefined();
  });

  it('says a stopped broker refused the connection, as the connection test does', async () => {
    const port = await listen(() => undefined);
    servers.splice(0).forEach((s) => s.close());
    await expect(probeBroker(`127.0.0.1:${port}`, { timeoutMs: 2_000 })).rejects.toMatchObject({ code: 'ECONNREFUSED', message: `Broker 127.0.0.1:${port} refused the connection` });
  });
});
