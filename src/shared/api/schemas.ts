import { z } from 'zod';
import { WithConnection } from './common';
import { defineCall } from './define';
import { LocalSchemaChoice, RegistrySchemaChoice } from './produce';

export const SchemaTypeName = z.enum(['AVRO', 'PROTOBUF', 'JSON']);
export type SchemaTypeName = z.infer<typeof SchemaTypeName>;

export const CompatibilityLevel = z.enum(['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE']);
export type CompatibilityLevel = z.infer<typeof CompatibilityLevel>;

const Subject = z.string().min(1).max(1024);
const Version = z.number().int().min(1);

export const SchemaReferenceInput = z.object({ name: z.string().min(1).max(1024), subject: Subject, version: Version });
export type SchemaReferenceView = z.infer<typeof SchemaReferenceInput>;

/** One version of a subject as the registry holds it. */
export interface SchemaVersionView {
  subject: string;
  version: number;
  id: number;
  schemaType: SchemaTypeName;
  schema: string;
  references: SchemaReferenceView[];
}

export interface SubjectDetail {
  subject: string;
  versions: number[];
  latest: SchemaVersionView;
  /** The subject's own level, or null when it follows the global one. */
  compatibility: string | null;
  globalCompatibility: string | null;
}

export interface CompatibilityVerdict {
  compatible: boolean;
  /** The registry's reasons, where it gives any (Apicurio's ccompat API gives none). */
  messages: string[];
}

/** What a produced key or value starts from: every field of the (message) type. */
export interface SchemaSkeleton {
  text: string;
  /** Registry Protobuf: the message types of the file, in message-index order. */
  messageTypes?: string[];
  schemaType: SchemaTypeName;
  /** Registry subjects: the schema id. */
  id?: number;
  /** Registry subjects: the version resolved ('latest' becomes a number). */
  version?: number;
  /** Local types: the file that defines it (its name, not its folder). */
  file?: string;
}

/** The types the connection's local schema files define, and which the topic's mappings name. */
export interface LocalSchemaTypes {
  types: { name: string; schemaType: 'AVRO' | 'PROTOBUF'; file: string }[];
  /** The type the topic's key and value are mapped to (null: none, or one that cannot be written). */
  mapped: { key: string | null; value: string | null };
}

/** A JSON value checked against a schema: fine, or the field that does not fit and why. */
export type SchemaValidation = { ok: true } | { ok: false; path: string; message: string };

/** A registry subject's version, or a type of the connection's local schema files (as produce takes them). */
const produceSchema = <T extends z.ZodRawShape>(extra: T) =>
  z.union([WithConnection.extend({ ...LocalSchemaChoice.shape, ...extra }), WithConnection.extend({ ...RegistrySchemaChoice.shape, ...extra })]);

const Draft = z.object({ schemaType: SchemaTypeName, schema: z.string().min(1).max(4 * 1024 * 1024), references: z.array(SchemaReferenceInput).max(200).default([]) });

/** The Schemas page: browse subjects and versions, check and register, compatibility, deletes. */
export const schemaCalls = {
  'schemas.subjects': defineCall<{ subjects: string[]; deleted: string[] }>()(WithConnection),
  'schemas.subject': defineCall<SubjectDetail>()(WithConnection.extend({ subject: Subject })),
  'schemas.version': defineCall<SchemaVersionView>()(WithConnection.extend({ subject: Subject, version: Version })),
  /** Subjects whose name starts with the topic's (TopicName and TopicRecordName strategies). */
  'schemas.forTopic': defineCall<{ subjects: string[] }>()(WithConnection.extend({ topic: z.string().min(1).max(249) })),
  /** A JSON starting point for producing with a subject's version or a local type (Produce page, "Start from skeleton"). */
  'schemas.skeleton': defineCall<SchemaSkeleton>()(produceSchema({})),
  /** Checks JSON text (placeholders rendered for message 1) as produce would encode it; sends nothing. */
  'schemas.validate': defineCall<SchemaValidation>()(produceSchema({ text: z.string().max(10 * 1024 * 1024) })),
  /** The connection's local schema types (none without local files), and the ones a topic's mappings name. */
  'schemas.localTypes': defineCall<LocalSchemaTypes>()(WithConnection.extend({ topic: z.string().max(249).default('') })),
  'schemas.checkCompatibility': defineCall<CompatibilityVerdict>()(WithConnection.extend({ subject: Subject, draft: Draft })),
  'schemas.register': defineCall<{ id: number; version: number }>()(WithConnection.extend({ subject: Subject, draft: Draft }), { write: true }),
  /** A subject's level, or the global one without `subject`; null clears a subject's own level. */
  'schemas.setCompatibility': defineCall<void>()(WithConnection.extend({ subject: Subject.optional(), level: CompatibilityLevel.nullable() }), { write: true }),
  /** Soft delete, or with `permanent` a hard delete (soft first, as the registry requires). */
  'schemas.deleteVersion': defineCall<void>()(WithConnection.extend({ subject: Subject, version: Version, permanent: z.boolean().default(false) }), { write: true }),
  'schemas.deleteSubject': defineCall<{ versions: number[] }>()(WithConnection.extend({ subject: Subject, permanent: z.boolean().default(false) }), { write: true }),
};
