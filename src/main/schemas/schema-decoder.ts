import { AppError } from '../../shared/errors';
import type { SchemaCodec } from './codecs/codec';
import { compileSchema, resolveReferences } from './compile';
import { basename } from 'node:path';
import { readFraming, readMessageIndexes, type Framed, type SchemaRef } from './framing';
import type { LocalSchemas, LocalType } from './local-schemas';
import type { SchemaRegistryClient, SchemaType } from './registry-client';
import { SchemaEncoder } from './schema-encoder';
import { DecodePool, type PoolItem, type PoolResult, type SchemaSource } from './decode-pool';

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
  /** What a decode worker compiles the same codec from, under this key. */
  source: SchemaSource;
  poolKey: string;
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

/** A record's decoded key and value; null for a record with neither schema-framed nor mapped. */
export type DecodedPair = { key: Decoded | null; value: Decoded | null } | null;

/** Chunks with fewer records are decoded inline: a worker's round trip would cost more than it saves. */
const OFFLOAD_AT = 64;

/** Decoders in this process, numbered so their schemas' keys in the shared decode pool never collide. */
let decoders = 0;

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
/** False when neither part can carry a schema reference: no headers, and no magic 0 byte in front (see readFraming). */
function mayBeFramed(r: RecordLike): boolean {
  return r.headers.length > 0 || (r.key !== null && r.key.length >= 5 && r.key[0] === 0) || (r.value !== null && r.value.length >= 5 && r.value[0] === 0);
}

export class SchemaDecoder {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly poolPrefix = `d${++decoders}:`;

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
    // Runs for every record read: no array or closure per record.
    const want = (bytes: Buffer | null, role: 'key' | 'value', headers: RecordLike['headers']) => {
      const framed = bytes ? readFraming(bytes, role, headers) : null;
      if (!framed) return;
      const key = refKey(framed.ref);
      const entry = this.entries.get(key);
      if (entry && ('compiled' in entry || entry.until > Date.now())) return;
      wanted.set(key, framed.ref);
    };
    for (const r of records) {
      want(r.key, 'key', r.headers);
      want(r.value, 'value', r.headers);
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

  /**
   * The other way for a part this decoder decoded (decode() or decodeRecords() first): `json` encoded
   * with the same schema and framed as `bytes` were (the same prefix, or the same header naming it).
   * What masking a copied Avro, Protobuf or JSON Schema value sends. Throws SchemaMismatch when
   * `json` does not fit the schema, or an Error when the part has no schema to encode with here.
   */
  encodeLike(bytes: Buffer, decoded: Extract<Decoded, { ok: true }>, json: string, role: 'key' | 'value', headers: RecordLike['headers'], topic: string): Buffer {
    const framed = readFraming(bytes, role, headers);
    const local = this.local ? this.local.typeFor(topic, role) : null;
    const entry = framed ? this.entries.get(refKey(framed.ref)) : undefined;
    // The same choice decode() made: the registry's schema for framed data, unless a local type read it.
    if (framed && entry && 'compiled' in entry && !decoded.schema.file) {
      const body = entry.compiled.codec.encode(json, decoded.schema.messageType);
      return framed.carrier === 'prefix' ? Buffer.concat([bytes.subarray(0, 5), body]) : body;
    }
    if (local && !framed) return local.codec.encode(json, decoded.schema.messageType);
    throw new Error('its schema cannot encode it again here (a local type read framed bytes)');
  }

  private decodeRegistered(framed: Framed): Decoded {
    const entry = this.entries.get(refKey(framed.ref));
    const ref = 'id' in framed.ref ? { id: framed.ref.id } : { guid: framed.ref.guid };
    if (!entry) return { ok: false, reason: `schema ${describe(framed.ref)} was not fetched`, schema: ref };
    if ('error' in entry) return { ok: false, reason: entry.error, schema: ref };
    let out: PoolResult;
    try {
      out = entry.compiled.codec.decode(framed.body);
    } catch (error) {
      out = { error: (error as Error).message };
    }
    return decodedFrom(out, entry.compiled, framed.ref);
  }

  /**
   * prepare() then decode() for a whole chunk of records, in order. A big chunk's registry-framed
   * parts are decoded on the decode pool's worker threads (the main thread streams meanwhile);
   * small chunks, local schemas, and everything when the pool cannot run, are decoded here.
   */
  /** True when records of `topic` without framing (no header, no leading 0) decode to nothing: no local type is mapped for it. */
  leavesUnframed(topic: string): boolean {
    return !(this.local?.typeFor(topic, 'key') || this.local?.typeFor(topic, 'value'));
  }

  async decodeRecords(records: readonly RecordLike[], topic: string): Promise<DecodedPair[]> {
    // Most topics hold no schema data: one cheap look per record (no header, no leading 0) and no
    // local type mapped answers for the whole chunk, without prepare()'s and decode()'s work.
    if (this.leavesUnframed(topic) && !records.some(mayBeFramed)) return new Array<DecodedPair>(records.length).fill(null);
    await this.prepare(records);
    const pool = this.registry && records.length >= OFFLOAD_AT ? DecodePool.shared() : null;
    const inline = (r: RecordLike): DecodedPair => {
      const key = this.decode(r.key, 'key', r.headers, topic);
      const value = this.decode(r.value, 'value', r.headers, topic);
      return key || value ? { key, value } : null;
    };
    if (!pool) return records.map(inline);
    // Parts only a registry decides (framed, schema compiled, no local mapping) go to the pool; the rest stay here.
    const items: PoolItem[] = [];
    const slots: { record: number; role: 'key' | 'value'; compiled: Compiled; ref: SchemaRef }[] = [];
    const out: DecodedPair[] = records.map((r, i) => {
      const parts: { key: Decoded | null; value: Decoded | null } = { key: null, value: null };
      for (const role of ['key', 'value'] as const) {
        const bytes = r[role];
        const framed = bytes ? readFraming(bytes, role, r.headers) : null;
        const entry = framed ? this.entries.get(refKey(framed.ref)) : undefined;
        // A topic mapped to a local type may hold plain values that only look framed: decode() decides those.
        if (framed && entry && 'compiled' in entry && !this.local?.typeFor(topic, role)) {
          items.push({ key: entry.compiled.poolKey, source: entry.compiled.source, body: framed.body });
          slots.push({ record: i, role, compiled: entry.compiled, ref: framed.ref });
        } else parts[role] = this.decode(bytes, role, r.headers, topic);
      }
      return parts;
    });
    if (items.length === 0) return records.map(inline);
    let results: PoolResult[];
    try {
      results = await pool.decode(items);
    } catch {
      return records.map(inline);
    }
    slots.forEach((slot, n) => {
      out[slot.record]![slot.role] = decodedFrom(results[n]!, slot.compiled, slot.ref);
    });
    return out.map((parts) => (parts && (parts.key || parts.value) ? parts : null));
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
    return { codec, info, source: { schema, references, label }, poolKey: this.poolPrefix + refKey(ref) };
  }
}

/** A registry-decoded part as the window gets it: the JSON with its schema, or why it could not be decoded. */
function decodedFrom(out: PoolResult, compiled: Compiled, ref: SchemaRef): Decoded {
  if ('error' in out) {
    const kind = compiled.info.type === 'JSON' ? 'JSON Schema' : compiled.info.type === 'AVRO' ? 'Avro' : 'Protobuf';
    return { ok: false, reason: `${kind} schema ${describe(ref)}: ${out.error}`, schema: 'id' in ref ? { id: ref.id } : { guid: ref.guid } };
  }
  const info = out.messageType ? withMessageType(compiled, out.messageType) : compiled.info;
  return { ok: true, json: out.json, schema: info, ...(out.invalid ? { invalid: out.invalid } : {}) };
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
