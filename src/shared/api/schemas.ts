import { z } from 'zod';
import { WithConnection } from './common';
import { defineCall } from './define';

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
  /** Protobuf: the message types of the file, in message-index order. */
  messageTypes?: string[];
  schemaType: SchemaTypeName;
  id: number;
  /** The version resolved ('latest' becomes a number). */
  version: number;
}

/** A JSON value checked against a schema: fine, or the field that does not fit and why. */
export type SchemaValidation = { ok: true } | { ok: false; path: string; message: string };

const ProduceSchema = WithConnection.extend({
  subject: Subject,
  version: z.union([Version, z.literal('latest')]).default('latest'),
  messageType: z.string().min(1).max(1024).optional(),
});

const Draft = z.object({ schemaType: SchemaTypeName, schema: z.string().min(1).max(4 * 1024 * 1024), references: z.array(SchemaReferenceInput).max(200).default([]) });

/** The Schemas page: browse subjects and versions, check and register, compatibility, deletes. */
export const schemaCalls = {
  'schemas.subjects': defineCall<{ subjects: string[]; deleted: string[] }>()(WithConnection),
  'schemas.subject': defineCall<SubjectDetail>()(WithConnection.extend({ subject: Subject })),
  'schemas.version': defineCall<SchemaVersionView>()(WithConnection.extend({ subject: Subject, version: Version })),
  /** Subjects whose name starts with the topic's (TopicName and TopicRecordName strategies). */
  'schemas.forTopic': defineCall<{ subjects: string[] }>()(WithConnection.extend({ topic: z.string().min(1).max(249) })),
  /** A JSON starting point for producing with a subject's version (Produce page, "Start from skeleton"). */
  'schemas.skeleton': defineCall<SchemaSkeleton>()(ProduceSchema),
  /** Checks JSON text (placeholders rendered for message 1) as produce would encode it; sends nothing. */
  'schemas.validate': defineCall<SchemaValidation>()(ProduceSchema.extend({ text: z.string().max(10 * 1024 * 1024) })),
  'schemas.checkCompatibility': defineCall<CompatibilityVerdict>()(WithConnection.extend({ subject: Subject, draft: Draft })),
  'schemas.register': defineCall<{ id: number; version: number }>()(WithConnection.extend({ subject: Subject, draft: Draft }), { write: true }),
  /** A subject's level, or the global one without `subject`; null clears a subject's own level. */
  'schemas.setCompatibility': defineCall<void>()(WithConnection.extend({ subject: Subject.optional(), level: CompatibilityLevel.nullable() }), { write: true }),
  /** Soft delete, or with `permanent` a hard delete (soft first, as the registry requires). */
  'schemas.deleteVersion': defineCall<void>()(WithConnection.extend({ subject: Subject, version: Version, permanent: z.boolean().default(false) }), { write: true }),
  'schemas.deleteSubject': defineCall<{ versions: number[] }>()(WithConnection.extend({ subject: Subject, permanent: z.boolean().default(false) }), { write: true }),
};
