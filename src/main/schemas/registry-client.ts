import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { AppError } from '../../shared/errors';

export type SchemaType = 'AVRO' | 'PROTOBUF' | 'JSON';

export interface SchemaReference {
  /** The name the schema imports it by (a .proto file name, an Avro full name, a JSON $ref). */
  name: string;
  subject: string;
  version: number;
}

export interface RegisteredSchema {
  schemaType: SchemaType;
  schema: string;
  references: SchemaReference[];
}

export interface SubjectVersion extends RegisteredSchema {
  subject: string;
  version: number;
  id: number;
}

export interface RegistryConnection {
  /** One or more base URLs of the Confluent-compatible API, tried in order. */
  urls: string[];
  auth?: { kind: 'basic'; username: string; password: string } | { kind: 'bearer'; token: string };
  tls?: { ca?: string; cert?: string; key?: string; rejectUnauthorized?: boolean };
  timeoutMs?: number;
  /** Opens the HTTP connection (SSH tunnel, proxy): node:http's `createConnection`, see network/http-connection.ts. */
  createConnection?: import('node:http').ClientRequestArgs['createConnection'];
}

const JSON_TYPE = 'application/vnd.schemaregistry.v1+json';

/**
 * The Confluent Schema Registry REST API, and nothing registry-specific, so the same code works
 * against Confluent's registry, Redpanda, Karapace and Apicurio's ccompat API. Failures become
 * AppErrors that say what went wrong in the registry's terms (40403 "Schema not found", 401…).
 */
export class SchemaRegistryClient {
  constructor(private readonly connection: RegistryConnection) {
    if (connection.urls.length === 0) throw new AppError({ name: 'ValidationError', code: 'VALIDATION', message: 'A Schema Registry needs at least one URL.', retriable: false });
  }

  schemaById(id: number): Promise<RegisteredSchema> {
    return this.get<RawSchema>(`/schemas/ids/${id}`).then(normalize);
  }

  schemaByGuid(guid: string): Promise<RegisteredSchema> {
    return this.get<RawSchema>(`/schemas/guids/${encodeURIComponent(guid)}`).then(normalize);
  }

  /** Which subjects and versions use a schema id (many can). */
  subjectsOfId(id: number): Promise<{ subject: string; version: number }[]> {
    return this.get(`/schemas/ids/${id}/versions`);
  }

  subjectVersion(subject: string, version: number | 'latest'): Promise<SubjectVersion> {
    return this.get<RawSchema & { subject: string; version: number; id: number }>(`/subjects/${encodeURIComponent(subject)}/versions/${version}`).then((r) => ({
      ...normalize(r),
      subject: r.subject,
      version: r.version,
      id: r.id,
    }));
  }

  subjects(options: { deleted?: boolean } = {}): Promise<string[]> {
    return this.get(`/subjects${options.deleted ? '?deleted=true' : ''}`);
  }

  versions(subject: string): Promise<number[]> {
    return this.get(`/subjects/${encodeURIComponent(subject)}/versions`);
  }

  /** The version a schema has under a subject (POST /subjects/{subject}). */
  lookup(subject: string, schema: RegisteredSchema): Promise<{ id: number; version: number }> {
    const body: Record<string, unknown> = { schema: schema.schema, references: schema.references };
    if (schema.schemaType !== 'AVRO') body.schemaType = schema.schemaType;
    return this.send('POST', `/subjects/${encodeURIComponent(subject)}`, body);
  }

  register(subject: string, schema: RegisteredSchema): Promise<{ id: number }> {
    const body: Record<string, unknown> = { schema: schema.schema, references: schema.references };
    // Confluent's API means Avro when schemaType is left out; some registries refuse "AVRO" spelled out on old versions.
    if (schema.schemaType !== 'AVRO') body.schemaType = schema.schemaType;
    return this.send('POST', `/subjects/${encodeURIComponent(subject)}/versions`, body);
  }

  /** The global compatibility level, or a subject's own (null when it has none). */
  async compatibility(subject?: string): Promise<string | null> {
    const path = subject ? `/config/${encodeURIComponent(subject)}` : '/config';
    try {
      const r = await this.get<{ compatibilityLevel?: string; compatibility?: string }>(path);
      return r.compatibilityLevel ?? r.compatibility ?? null;
    } catch (error) {
      if (subject && AppError.is(error) && error.code === 'SUBJECT_NOT_FOUND') return null;
      if (subject && AppError.is(error) && /40408|40401/.test(error.message)) return null;
      throw error;
    }
  }

  setCompatibility(level: string, subject?: string): Promise<unknown> {
    return this.send('PUT', subject ? `/config/${encodeURIComponent(subject)}` : '/config', { compatibility: level });
  }

  /** The registry's verdict on a draft against a subject's latest version (verbose where supported). */
  async checkCompatibility(subject: string, schema: RegisteredSchema): Promise<{ compatible: boolean; messages: string[] }> {
    const body: Record<string, unknown> = { schema: schema.schema, references: schema.references };
    if (schema.schemaType !== 'AVRO') body.schemaType = schema.schemaType;
    const r = await this.send<{ is_compatible: boolean; messages?: string[] }>('POST', `/compatibility/subjects/${encodeURIComponent(subject)}/versions/latest?verbose=true`, body);
    return { compatible: r.is_compatible, messages: r.messages ?? [] };
  }

  deleteVersion(subject: string, version: number, permanent: boolean): Promise<number> {
    return this.send('DELETE', `/subjects/${encodeURIComponent(subject)}/versions/${version}${permanent ? '?permanent=true' : ''}`);
  }

  deleteSubject(subject: string, permanent: boolean): Promise<number[]> {
    return this.send('DELETE', `/subjects/${encodeURIComponent(subject)}${permanent ? '?permanent=true' : ''}`);
  }

  clearCompatibility(subject: string): Promise<unknown> {
    return this.send('DELETE', `/config/${encodeURIComponent(subject)}`);
  }

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    let last: unknown;
    for (const base of this.connection.urls) {
      try {
        return await this.once<T>(method, base, path, body);
      } catch (error) {
        last = error;
        // Another URL helps only when this one could not be reached; an answer is an answer.
        if (!(AppError.is(error) && error.code === 'REGISTRY_UNREACHABLE')) throw error;
      }
    }
    throw last;
  }

  private once<T>(method: string, base: string, path: string, body: unknown): Promise<T> {
    const url = new URL(base.replace(/\/+$/, '') + path);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = { Accept: `${JSON_TYPE}, application/json` };
    if (payload) {
      headers['Content-Type'] = JSON_TYPE;
      headers['Content-Length'] = String(payload.length);
    }
    const auth = this.connection.auth;
    if (auth?.kind === 'basic') headers.Authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    if (auth?.kind === 'bearer') headers.Authorization = `Bearer ${auth.token}`;
    const tls = this.connection.tls ?? {};
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const where = `${url.protocol}//${url.host}`;
    return new Promise<T>((resolve, reject) => {
      const req = request(
        url,
        {
          method,
          headers,
          timeout: this.connection.timeoutMs ?? 10_000,
          ...(this.connection.createConnection ? { createConnection: this.connection.createConnection } : {}),
          ...(url.protocol === 'https:' ? { ca: tls.ca, cert: tls.cert, key: tls.key, rejectUnauthorized: tls.rejectUnauthorized ?? true } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (e) => reject(unreachable(where, e)));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            let parsed: unknown;
            try {
              parsed = text.length > 0 ? JSON.parse(text) : null;
            } catch {
              reject(registryError('NOT_A_REGISTRY', `${where} answered ${method} ${path} with ${status} and no JSON: is this a Schema Registry URL (for Apicurio, …/apis/ccompat/v7)?`, false));
              return;
            }
            if (status >= 200 && status < 300) resolve(parsed as T);
            else reject(fromStatus(where, status, parsed));
          });
        },
      );
      req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
      req.on('error', (e) => reject(unreachable(where, e)));
      req.end(payload);
    });
  }
}

interface RawSchema {
  schema: string;
  schemaType?: string;
  references?: SchemaReference[];
}

function normalize(raw: RawSchema): RegisteredSchema {
  const type = (raw.schemaType ?? 'AVRO').toUpperCase();
  const schemaType: SchemaType = type === 'PROTOBUF' ? 'PROTOBUF' : type === 'JSON' ? 'JSON' : 'AVRO';
  return { schemaType, schema: raw.schema, references: raw.references ?? [] };
}

function registryError(code: string, message: string, retriable: boolean, hint?: string): AppError {
  return new AppError({ name: 'SchemaRegistryError', code, message, retriable, ...(hint ? { hint } : {}) });
}

function unreachable(where: string, error: Error & { code?: string }): AppError {
  const why: Record<string, string> = {
    ECONNREFUSED: 'refused the connection',
    ENOTFOUND: 'does not resolve from this machine',
    ETIMEDOUT: 'did not answer in time',
    ECONNRESET: 'closed the connection',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'presented a self-signed certificate (add its CA to the profile)',
    SELF_SIGNED_CERT_IN_CHAIN: 'presented a certificate from an unknown CA (add the CA to the profile)',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'presented a certificate that cannot be verified (add the CA to the profile)',
    ERR_TLS_CERT_ALTNAME_INVALID: 'presented a certificate for another host name',
  };
  const reason = why[error.code ?? ''] ?? error.message;
  return registryError('REGISTRY_UNREACHABLE', `Schema Registry ${where} ${reason}.`, true);
}

function fromStatus(where: string, status: number, body: unknown): AppError {
  const b = (body ?? {}) as { error_code?: number; message?: string };
  const said = b.message ? `: ${b.message}` : '';
  if (status === 401) return registryError('REGISTRY_UNAUTHORIZED', `Schema Registry ${where} refused the credentials (401)${said}.`, false, 'Check the registry user and password or token in the profile.');
  if (status === 403) return registryError('REGISTRY_FORBIDDEN', `Schema Registry ${where} does not allow this (403)${said}.`, false);
  const codes: Record<number, string> = {
    40401: 'SUBJECT_NOT_FOUND',
    40402: 'VERSION_NOT_FOUND',
    40403: 'SCHEMA_NOT_FOUND',
    40404: 'SUBJECT_SOFT_DELETED',
    40405: 'SUBJECT_NOT_SOFT_DELETED',
    40406: 'SCHEMA_VERSION_SOFT_DELETED',
    40407: 'SCHEMA_VERSION_NOT_SOFT_DELETED',
    42201: 'INVALID_SCHEMA',
    42202: 'INVALID_VERSION',
    42203: 'INVALID_COMPATIBILITY_LEVEL',
    409: 'INCOMPATIBLE_SCHEMA',
  };
  const code = codes[b.error_code ?? status] ?? (status === 404 ? 'NOT_FOUND' : `REGISTRY_HTTP_${status}`);
  return registryError(code, `Schema Registry ${where} answered ${status}${said || ''}.`, status >= 500);
}
