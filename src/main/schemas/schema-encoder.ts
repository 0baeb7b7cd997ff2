import { AppError } from '../../shared/errors';
import type { SchemaCodec } from './codecs/codec';
import { compileSchema, resolveReferences } from './compile';
import { frame } from './framing';
import type { SchemaRegistryClient, SchemaType, SubjectVersion } from './registry-client';

/** A subject's version, compiled: what producing with a schema encodes and frames with. */
export interface SubjectSchema {
  subject: string;
  version: number;
  id: number;
  schemaType: SchemaType;
  codec: SchemaCodec;
}

/** How long 'latest' is trusted before the registry is asked again (a new version may be registered). */
const LATEST_FOR_MS = 5_000;

/**
 * Schemas for producing, per connection: each subject version is fetched and compiled once
 * (a burst of a million messages makes no registry request per message), 'latest' is looked
 * up again at most every few seconds. Failures are not cached: the next send asks again.
 */
export class SchemaEncoder {
  private readonly compiled = new Map<string, Promise<SubjectSchema>>();
  private readonly latest = new Map<string, { at: number; version: Promise<SubjectSchema> }>();

  constructor(private readonly registry: SchemaRegistryClient | null) {}

  /** The compiled schema of a subject's version (or its latest). */
  resolve(subject: string, version: number | 'latest'): Promise<SubjectSchema> {
    if (version !== 'latest') return this.cached(`${subject}@${version}`, async () => this.compile(await this.fetch(subject, version)));
    const hit = this.latest.get(subject);
    if (hit && Date.now() - hit.at < LATEST_FOR_MS) return hit.version;
    // The latest resolves to a numbered version: share its compiled codec with requests for that number.
    const work = this.fetch(subject, 'latest').then((found) => this.cached(`${subject}@${found.version}`, () => this.compile(found)));
    this.latest.set(subject, { at: Date.now(), version: work });
    work.catch(() => this.latest.delete(subject));
    return work;
  }

  /** JSON text to Confluent wire-format bytes (magic, id, Protobuf message indexes, body); throws SchemaMismatch. */
  static encode(schema: SubjectSchema, json: string, messageType?: string): Buffer {
    return frame(schema.id, schema.codec.encode(json, messageType));
  }

  private cached(key: string, load: () => Promise<SubjectSchema>): Promise<SubjectSchema> {
    const hit = this.compiled.get(key);
    if (hit) return hit;
    const work = load();
    this.compiled.set(key, work);
    work.catch(() => this.compiled.delete(key));
    return work;
  }

  private async fetch(subject: string, version: number | 'latest'): Promise<SubjectVersion> {
    try {
      return await this.need().subjectVersion(subject, version);
    } catch (error) {
      if (AppError.is(error) && (error.code === 'SUBJECT_NOT_FOUND' || error.code === 'VERSION_NOT_FOUND')) {
        const what = error.code === 'SUBJECT_NOT_FOUND' ? `Subject ${subject} is not in the Schema Registry.` : `Subject ${subject} has no version ${version}.`;
        throw new AppError({ ...error.toData(), message: what, hint: 'Pick a subject and version the registry has (the Schemas page lists them).' });
      }
      throw error;
    }
  }

  private async compile(found: SubjectVersion): Promise<SubjectSchema> {
    const registry = this.need();
    const references = await resolveReferences(found, (r) => registry.subjectVersion(r.subject, r.version));
    let codec: SchemaCodec;
    try {
      codec = compileSchema(found, references, found.subject);
    } catch (error) {
      throw new AppError({ name: 'SchemaRegistryError', code: 'SCHEMA_INVALID', message: `${found.subject} v${found.version} cannot be used: ${(error as Error).message}`, retriable: false });
    }
    return { subject: found.subject, version: found.version, id: found.id, schemaType: found.schemaType, codec };
  }

  private need(): SchemaRegistryClient {
    if (this.registry) return this.registry;
    throw new AppError({ name: 'SchemaRegistryError', code: 'NO_REGISTRY', message: 'This connection has no Schema Registry: a value cannot be encoded with a schema.', retriable: false, hint: 'Add the registry URL to the connection profile.' });
  }
}
