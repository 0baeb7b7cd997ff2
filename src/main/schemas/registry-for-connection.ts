import { httpConnectionFor } from '../network/http-connection';
import type { Route } from '../network/route';
import { readFile } from 'node:fs/promises';
import type { SchemaRegistryConfig } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { SchemaRegistryClient } from './registry-client';

/** The registry client a connection's settings describe, its TLS files read now (main only). */
export async function registryClientFor(config: SchemaRegistryConfig, timeoutMs = 10_000, route: Route | null = null): Promise<SchemaRegistryClient> {
  const read = async (what: string, file: string | undefined) => {
    if (!file) return undefined;
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      throw new AppError({ name: 'ValidationError', code: 'VALIDATION', message: `The Schema Registry ${what} file cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, retriable: false });
    }
  };
  const tls = config.tls;
  const [ca, cert, key] = await Promise.all([read('CA', tls?.caFile), read('client certificate', tls?.certFile), read('client key', tls?.keyFile)]);
  return new SchemaRegistryClient({
    urls: config.urls,
    ...(config.auth ? { auth: config.auth.kind === 'basic' ? { kind: 'basic', username: config.auth.username, password: config.auth.password } : { kind: 'bearer', token: config.auth.token } } : {}),
    ...(tls ? { tls: { ...(ca ? { ca } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}), rejectUnauthorized: !tls.skipVerify } } : {}),
    timeoutMs,
    // Through the connection's SSH tunnel or proxy, like the brokers.
    ...(route ? { createConnection: httpConnectionFor(route, tls ? { ...(ca ? { ca } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}), rejectUnauthorized: !tls.skipVerify } : undefined) } : {}),
  });
}

/** What the connection test's "Schema Registry" step reports: the subject count, or why it failed. */
export async function probeRegistry(client: SchemaRegistryClient): Promise<string> {
  const subjects = await client.subjects();
  if (!Array.isArray(subjects)) throw new AppError({ name: 'SchemaRegistryError', code: 'NOT_A_REGISTRY', message: 'The URL answered, but not with a list of subjects: is it a Schema Registry?', retriable: false });
  const level = await client.compatibility().catch(() => null);
  return `${subjects.length} subject${subjects.length === 1 ? '' : 's'}${level ? `, compatibility ${level}` : ''}`;
}
