import { connect as netConnect, type Socket } from 'node:net';
import type { ProxyConfig } from '../../shared/api';
import { AppError } from '../../shared/errors';

function proxyError(proxy: ProxyConfig, code: string, message: string, hint: string): AppError {
  return new AppError({ name: 'ProxyError', code, message: `${proxy.kind === 'socks5' ? 'SOCKS5' : 'HTTP'} proxy ${proxy.host}:${proxy.port}: ${message}`, retriable: code !== 'PROXY_AUTH_FAILED', hint });
}

/** A TCP stream to host:port through a SOCKS5 proxy; the proxy resolves the name. */
async function socks5(proxy: ProxyConfig, host: string, port: number, timeoutMs: number): Promise<Socket> {
  // Loaded on first use: most connections never go through a SOCKS proxy, and start-up is shorter without it.
  const { SocksClient } = await import('socks');
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
      const statusLine = /^HTTP\/1\.[01] (\d{3})([^\r\n]*)/.exec(head.subarray(0, end).toString('latin1'));
      const status = Number(statusLine?.[1] ?? 0);
      const answer = statusLine ? `${status}${statusLine[2]!.trimEnd()}` : 'a garbled answer';
      if (status === 200) {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        // Bytes after the header already belong to the tunnelled stream.
        const rest = head.subarray(end + 4);
        if (rest.length > 0) socket.unshift(rest);
        return resolve(socket);
      }
      // 407 is the standard answer; tinyproxy answers a wrong password with 401.
      if (status === 407 || status === 401) {
        const what = proxy.username ? `refused user ${proxy.username} (${answer})` : `asks for a user and password (${answer})`;
        return fail(proxyError(proxy, 'PROXY_AUTH_FAILED', what, 'Check the proxy user and password.'));
      }
      if (status === 403) {
        return fail(proxyError(proxy, 'PROXY_CONNECT_FORBIDDEN', `does not allow CONNECT to ${host}:${port} (${answer})`, 'Proxies often allow CONNECT to port 443 only: ask its administrator to allow the broker ports (tinyproxy ConnectPort, squid SSL_ports).'));
      }
      fail(proxyError(proxy, 'PROXY_CONNECT_FAILED', `could not connect to ${host}:${port} (${answer})`, 'The proxy connects for us: check the address as the proxy sees it (see the address mapping).'));
    };
    socket.on('data', onData);
  });
}

/** A TCP stream to host:port through the proxy. */
export function proxyConnect(proxy: ProxyConfig, host: string, port: number, timeoutMs: number): Promise<Socket> {
  return proxy.kind === 'socks5' ? socks5(proxy, host, port, timeoutMs) : httpConnect(proxy, host, port, timeoutMs);
}
