import { AppError } from '../../shared/errors';
import type { SchemaCodec } from './codecs/codec';
import { compileSchema, resolveReferences } from './compile';
import { basename } from 'node:path';
import { readFraming, readMessageIndexes, type Framed, type SchemaRef } from './framing';
import type { LocalSchemas, LocalType } from './local-schemas';
import type { SchemaRegistryClient, SchemaType } from './registry-client';
import { SchemaEncoder } from './schema-encoder';

/** What a schema-framed key or value decoded to, or why it could not be. */
export type Decoded =
  | { ok: true; json: string; schema: SchemaInfo; invalid?: string }
  | { ok: false; reason: string; schema: { id?: number; guid?: string } };

export interface SchemaInfo {
  id?: number;
  guid?: string;
  /** Decoded with a local schema file (no registry): which one. */
  file?: string;
  type: SchemaType;
  subject?: string;
  version?: number;
  /** Protobuf: which message type of the file the value is. */
  messageType?: string;
}

interface Compiled {
  codec: SchemaCodec;
  info: SchemaInfo;
  /** Protobuf: the info per message type, made once (the same object for every value of it). */
  byMessageType?: Map<string, SchemaInfo>;
}

function withMessageType(compiled: Compiled, messageType: string): SchemaInfo {
  compiled.byMessageType ??= new Map();
  let info = compiled.byMessageType.get(messageType);
  if (!info) compiled.byMessageType.set(messageType, (info = { ...compiled.info, messageType }));
  return info;
}
type Entry = { compiled: Compiled } | { error: string; until: number };

/** A failure that may pass (registry down, timeout) is tried again after this long; a missing schema is not. */
const RETRY_AFTER_MS = 10_000;

interface RecordLike {
  key: Buffer | null;
  value: Buffer | null;
  headers: readonly { key: string; value: Buffer | null }[];
}

/**
 * Decodes schema-framed keys and values for one connection. Each schema id is fetched and
 * compiled once, then cached: a read of a million messages makes one registry request per id,
 * never one per message. Reads call prepare() per chunk (async, fetching the ids that chunk
 * names), then decode() per record (sync, from the cache).
 */
export class SchemaDecoder {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<void>>();

  /** The other direction, for producing: JSON to framed bytes by subject and version (its own cache). */
  readonly encoder: SchemaEncoder;

  constructor(
    private readonly registry: SchemaRegistryClient | null,
    /** The connection's local schema files, or null: their types are what producing with a local schema offers. */
    readonly local: LocalSchemas | null = null,
  ) {
    this.encoder = new SchemaEncoder(registry, local);
  }

  /** Fetches and compiles every schema these records name that is not cached (or due a retry). */
  async prepare(records: readonly RecordLike[]): Promise<void> {
    const wanted = new Map<string, SchemaRef>();
    for (const r of records) {
      for (const [role, bytes] of [['key', r.key], ['value', r.value]] as const) {
        if (!bytes) continue;
        const framed = readFraming(bytes, role, r.headers);
        if (!framed) continue;
        const key = refKey(framed.ref);
        const entry = this.entries.get(key);
        if (entry && ('compiled' in entry || entry.until > Date.now())) continue;
        wanted.set(key, framed.ref);
      }
    }
    await Promise.all([...wanted].map(([key, ref]) => this.load(key, ref)));
  }

  /**
   * The decoded form of a key or value, null when it has no schema: not framed, and no local
   * type mapped for the topic. Sync: call prepare() first.
   */
  decode(bytes: Buffer | null, role: 'key' | 'value', headers: readonly { key: string; value: Buffer | null }[], topic?: string): Decoded | null {
    if (!bytes) return null;
    const framed = readFraming(bytes, role, headers);
    const local = topic !== undefined && this.local ? this.local.typeFor(topic, role) : null;
    // A registry decides for framed data; a local mapping for the rest, and for framed data when there is no registry.
    if (local && (!framed || !this.registry)) return decodeLocal(local, framed ? framed.body : bytes, framed);
    if (!framed) return null;
    const registered = this.decodeRegistered(framed);
    // Plain local data (written with a local type: no framing) may start with a 0 byte and so look
    // framed, e.g. an Avro record whose first field is a null union branch or a 0. When the registry
    // cannot read it cleanly and the topic's local type reads every byte, the local reading is the right one.
    if (local && framed.carrier === 'prefix' && (!registered.ok || registered.invalid)) {
      const plain = decodeLocal(local, bytes, null);
      if (plain.ok && !plain.invalid) return plain;
    }
    return registered;
  }

  private decodeRegistered(framed: Framed): Decoded {
    const entry = this.entries.get(refKey(framed.ref));
    const ref = 'id' in framed.ref ? { id: framed.ref.id } : { guid: framed.ref.guid };
    if (!entry) return { ok: false, reason: `schema ${describe(framed.ref)} was not fetched`, schema: ref };
    if ('error' in entry) return { ok: false, reason: entry.error, schema: ref };
    try {
      const out = entry.compiled.codec.decode(framed.body);
      const info = out.messageType ? withMessageType(entry.compiled, out.messageType) : entry.compiled.info;
      return { ok: true, json: out.json, schema: info, ...(out.invalid ? { invalid: out.invalid } : {}) };
    } catch (error) {
      return { ok: false, reason: `${entry.compiled.info.type === 'JSON' ? 'JSON Schema' : entry.compiled.info.type === 'AVRO' ? 'Avro' : 'Protobuf'} schema ${describe(framed.ref)}: ${(error as Error).message}`, schema: ref };
    }
  }

  private load(key: string, ref: SchemaRef): Promise<void> {
    const running = this.pending.get(key);
    if (running) return running;
    const work = this.compile(ref)
      .then((compiled) => void this.entries.set(key, { compiled }))
      .catch((error: unknown) => {
        const permanent = !(AppError.is(error) && error.retriable);
        this.entries.set(key, { error: reasonOf(ref, error), until: permanent ? Number.POSITIVE_INFINITY : Date.now() + RETRY_AFTER_MS });
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, work);
    return work;
  }

  private async compile(ref: SchemaRef): Promise<Compiled> {
    const registry = this.registry;
    if (!registry) throw new AppError({ name: 'SchemaRegistryError', code: 'NO_REGISTRY', message: 'no Schema Registry is set up in this connection profile', retriable: false });
    const schema = 'id' in ref ? await registry.schemaById(ref.id) : await registry.schemaByGuid(ref.guid);
    const references = await resolveReferences(schema, (r) => registry.subjectVersion(r.subject, r.version));
    const usedBy = 'id' in ref ? await registry.subjectsOfId(ref.id).catch(() => []) : [];
    const first = usedBy[0];
    const label = first ? `${first.subject}` : describe(ref);
    const codec = compileSchema(schema, references, label);
    const info: SchemaInfo = { ...('id' in ref ? { id: ref.id } : { guid: ref.guid }), type: schema.schemaType, ...(first ? { subject: first.subject, version: first.version } : {}) };
    return { codec, info };
  }
}

function decodeLocal(local: LocalType, body: Buffer, framed: { ref: SchemaRef } | null): Decoded {
  const id = framed && 'id' in framed.ref ? { id: framed.ref.id } : {};
  const info: SchemaInfo = { type: local.codec.type, ...id, ...(local.file ? { file: basename(local.file) } : {}) };
  try {
    // Framed Protobuf starts with its message indexes: the mapping names the type instead.
    const payload = framed && local.codec.type === 'PROTOBUF' ? readMessageIndexes(body).payload : body;
    const out = local.codec.decode(payload);
    return { ok: true, json: out.json, schema: { ...info, messageType: out.messageType ?? local.name }, ...(out.invalid ? { invalid: out.invalid } : {}) };
  } catch (error) {
    return { ok: false, reason: `local schema ${local.name}: ${(error as Error).message}`, schema: id };
  }
}

function refKey(ref: SchemaRef): string {
  return 'id' in ref ? `id:${ref.id}` : `guid:${ref.guid}`;
}

function describe(ref: SchemaRef): string {
  return 'id' in ref ? `id ${ref.id}` : `guid ${ref.guid}`;
}

function reasonOf(ref: SchemaRef, error: unknown): string {
  if (AppError.is(error) && error.code === 'SCHEMA_NOT_FOUND') return `schema ${describe(ref)} is not in the registry (deleted, or written against another registry)`;
  const message = (error as Error).message ?? String(error);
  if (AppError.is(error)) return message;
  return `schema ${describe(ref)} cannot be used: ${message}`;
}
