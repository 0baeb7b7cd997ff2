import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ConnectClusterConfig } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { httpConnectionFor } from '../../network/http-connection';
import type { Route } from '../../network/route';
import { connectError, connectFromStatus, connectUnreachable } from './connect-errors';

const READ_RETRIES_DURING_REBALANCE = 8;

interface ClientOptions {
  name: string;
  url: string;
  auth?: { kind: 'basic'; username: string; password: string } | { kind: 'bearer'; token: string };
  tls?: { ca?: string; cert?: string; key?: string; rejectUnauthorized: boolean };
  timeoutMs: number;
  /** Opens the HTTP connection (SSH tunnel, proxy): node:http's `createConnection`, see network/http-connection.ts. */
  createConnection?: import('node:http').ClientRequestArgs['createConnection'];
}

/**
 * One Kafka Connect worker's REST API (any worker of a cluster forwards to the leader). Answers
 * are parsed JSON; failures are AppErrors saying which cluster, what, and why (see connect-errors).
 */
export class ConnectClient {
  constructor(private readonly options: ClientOptions) {}

  get name(): string {
    return this.options.name;
  }

  get url(): string {
    return this.options.url;
  }

  /** `what` names the action in the error message ("list connectors", "pause orders-sink"). */
  async send<T>(method: string, path: string, what: string, body?: unknown): Promise<T> {
    const url = new URL(this.options.url.replace(/\/+$/, '') + path);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (payload) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(payload.length);
    }
    const auth = this.options.auth;
    if (auth?.kind === 'basic') headers.Authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    if (auth?.kind === 'bearer') headers.Authorization = `Bearer ${auth.token}`;
    const https = url.protocol === 'https:';
    const request = https ? httpsRequest : httpRequest;
    const where = `${url.protocol}//${url.host}`;
    const tls = this.options.tls;
    return new Promise<T>((resolve, reject) => {
      const createConnection = this.options.createConnection;
      const req = request(url, { method, headers, timeout: this.options.timeoutMs, ...(https && tls ? tls : {}), ...(createConnection ? { createConnection } : {}) }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => reject(connectUnreachable(this.name, where, e)));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          let parsed: unknown = null;
          try {
            parsed = text.length > 0 ? JSON.parse(text) : null;
          } catch {
            if (status < 300) {
              reject(connectError('NOT_CONNECT', `${where} answered ${method} ${path} with ${status} and no JSON: is this a Kafka Connect REST URL?`, false));
              return;
            }
          }
          if (status >= 200 && status < 300) resolve(parsed as T);
          else reject(connectFromStatus(this.name, where, status, parsed, what));
        });
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
      req.on('error', (e) => reject(connectUnreachable(this.name, where, e)));
      req.end(payload);
    });
  }

  /** Reads wait out a rebalance (a few seconds after any config change) instead of failing the page. */
  async get<T>(path: string, what: string): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.send<T>('GET', path, what);
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'CONNECT_REBALANCING' || attempt >= READ_RETRIES_DURING_REBALANCE) throw e;
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** Math.min(attempt, 3)));
      }
    }
  }
}

/**
 * The client a connection's Connect settings describe, its TLS files read now (main only).
 * With a route (SSH tunnel, proxy, address mapping) the REST calls go through it, like the brokers.
 */
export async function connectClientFor(config: ConnectClusterConfig, timeoutMs = 15_000, route: Route | null = null): Promise<ConnectClient> {
  const read = async (what: string, file: string | undefined) => {
    if (!file) return undefined;
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      throw new AppError({ name: 'ValidationError', code: 'VALIDATION', message: `The Kafka Connect ${what} file cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, retriable: false });
    }
  };
  const tls = config.tls;
  const [ca, cert, key] = await Promise.all([read('CA', tls?.caFile), read('client certificate', tls?.certFile), read('client key', tls?.keyFile)]);
  const tlsOptions = tls ? { ...(ca ? { ca } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}), rejectUnauthorized: !tls.skipVerify } : undefined;
  return new ConnectClient({
    name: config.name,
    url: config.url,
    ...(config.auth ? { auth: config.auth.kind === 'basic' ? { kind: 'basic', username: config.auth.username, password: config.auth.password } : { kind: 'bearer', token: config.auth.token } } : {}),
    ...(tlsOptions ? { tls: tlsOptions } : {}),
    timeoutMs,
    // The route opens the stream and wraps TLS itself (the certificate is checked against the URL's host).
    ...(route ? { createConnection: httpConnectionFor(route, tlsOptions) } : {}),
  });
}
