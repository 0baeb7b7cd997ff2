import { connect as netConnect, type Socket } from 'node:net';
import { SocksClient } from 'socks';
import type { ProxyConfig } from '../../shared/api';
import { AppError } from '../../shared/errors';

function proxyError(proxy: ProxyConfig, code: string, message: string, hint: string): AppError {
  return new AppError({ name: 'ProxyError', code, message: `${proxy.kind === 'socks5' ? 'SOCKS5' : 'HTTP'} proxy ${proxy.host}:${proxy.port}: ${message}`, retriable: code !== 'PROXY_AUTH_FAILED', hint });
}

/** A TCP stream to host:port through a SOCKS5 proxy; the proxy resolves the name. */
async function socks5(proxy: ProxyConfig, host: string, port: number, timeoutMs: number): Promise<Socket> {
  try {
    const { socket } = await SocksClient.createConnection({
      proxy: { host: proxy.host, port: proxy.port, type: 5, ...(proxy.username ? { userId: proxy.username, password: proxy.password ?? '' } : {}) },
      destination: { host, port },
      command: 'connect',
      timeout: timeoutMs,
    });
    return socket;
  } catch (error) {
    const message = (error as Error).message;
    if (/authentication/i.test(message)) throw proxyError(proxy, 'PROXY_AUTH_FAILED', `refused the user name or password (${message})`, 'Check the proxy user and password.');
    if (/ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|Proxy connection timed out/i.test(message)) {
      throw proxyError(proxy, 'PROXY_UNREACHABLE', `cannot be reached (${message})`, 'Check the proxy host and port.');
    }
    throw proxyError(proxy, 'PROXY_CONNECT_FAILED', `could not connect to ${host}:${port} (${message})`, 'The proxy connects for us: check the broker address as the proxy sees it (see the address mapping).');
  }
}

/** A TCP stream to host:port through an HTTP proxy's CONNECT method. */
function httpConnect(proxy: ProxyConfig, host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: proxy.host, port: proxy.port });
    const timer = setTimeout(() => fail(proxyError(proxy, 'PROXY_UNREACHABLE', `no answer within ${timeoutMs} ms`, 'Check the proxy host and port.')), timeoutMs);
    let head = Buffer.alloc(0);
    const fail = (error: AppError) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    socket.once('error', (error: NodeJS.ErrnoException) => fail(proxyError(proxy, 'PROXY_UNREACHABLE', `cannot be reached (${error.code ?? error.message})`, 'Check the proxy host and port.')));
    socket.once('connect', () => {
      const auth = proxy.username ? `Proxy-Authorization: Basic ${Buffer.from(`${proxy.username}:${proxy.password ?? ''}`).toString('base64')}\r\n` : '';
      socket.write(`CONNECT ${host}:${port} HTTP/1.1\r\nHost: ${host}:${port}\r\n${auth}\r\n`);
    });
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head.subarray(0, end).toString('latin1'))?.[1] ?? 0);
      if (status === 200) {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        // Bytes after the header already belong to the tunnelled stream.
        const rest = head.subarray(end + 4);
        if (rest.length > 0) socket.unshift(rest);
        return resolve(socket);
      }
      if (status === 407) return fail(proxyError(proxy, 'PROXY_AUTH_FAILED', 'asks for authentication (407)', 'Check the proxy user and password.'));
      fail(proxyError(proxy, 'PROXY_CONNECT_FAILED', `refused CONNECT to ${host}:${port} (HTTP ${status || 'garbled answer'})`, 'The proxy may not allow CONNECT to this port.'));
    };
    socket.on('data', onData);
  });
}

/** A TCP stream to host:port through the proxy. */
export function proxyConnect(proxy: ProxyConfig, host: string, port: number, timeoutMs: number): Promise<Socket> {
  return proxy.kind === 'socks5' ? socks5(proxy, host, port, timeoutMs) : httpConnect(proxy, host, port, timeoutMs);
}
