import { basename } from 'node:path';
import type { SchemaChoice } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { isLocalChoice } from '../../shared/schemas/schema-choice';
import type { SchemaCodec } from './codecs/codec';
import { compileSchema, resolveReferences } from './compile';
import { frame } from './framing';
import type { LocalSchemas, LocalType } from './local-schemas';
import type { SchemaRegistryClient, SchemaType, SubjectVersion } from './registry-client';

/** A subject's version, compiled: what producing with a schema encodes and frames with. */
export interface SubjectSchema {
  subject: string;
  version: number;
  id: number;
  schemaType: SchemaType;
  codec: SchemaCodec;
}

/** What a key or value is encoded with: a subject's version (Confluent-framed) or a local type (plain bytes). */
export type EncodingSchema = SubjectSchema | LocalType;

export function isSubjectSchema(schema: EncodingSchema): schema is SubjectSchema {
  return 'subject' in schema;
}

/** How a refusal names the schema: "schema orders-value v2", "local type web.Click (click.avsc)". */
export function describeSchema(schema: EncodingSchema): string {
  return isSubjectSchema(schema) ? `schema ${schema.subject} v${schema.version}` : `local type ${schema.name} (${basename(schema.file)})`;
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

  constructor(
    private readonly registry: SchemaRegistryClient | null,
    private readonly local: LocalSchemas | null = null,
  ) {}

  /** What a produce request's choice names: a registry subject's version, or a type of the local files. */
  async forChoice(choice: SchemaChoice): Promise<EncodingSchema> {
    return isLocalChoice(choice) ? this.localType(choice.local) : this.resolve(choice.subject, choice.version);
  }

  /** A type the connection's local schema files define, or an error saying which exist. */
  localType(name: string): LocalType {
    if (!this.local) {
      throw new AppError({ name: 'ValidationError', code: 'NO_LOCAL_SCHEMAS', message: 'This connection has no local schema files: a value cannot be encoded with a local type.', retriable: false, hint: 'Add the .avsc or .proto files to the connection profile (Schema Registry › Local schema files).' });
    }
    const found = this.local.type(name);
    if (found) return found;
    const known = this.local.list().map((t) => t.name);
    throw new AppError({ name: 'ValidationError', code: 'LOCAL_TYPE_NOT_FOUND', message: `The local schema files define no type ${name}.`, retriable: false, hint: `Known types: ${known.slice(0, 8).join(', ') || 'none'}${known.length > 8 ? ', …' : ''}` });
  }

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

  /**
   * JSON text to the bytes sent; throws SchemaMismatch. A subject's version: Confluent wire format
   * (magic, id, Protobuf message indexes, body). A local type has no id to frame with: the plain
   * Avro binary or Protobuf message, which is what reading a topic mapped to it decodes.
   */
  static encode(schema: EncodingSchema, json: string, messageType?: string): Buffer {
    if (!isSubjectSchema(schema)) return schema.codec.encode(json);
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
