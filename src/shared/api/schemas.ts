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

const Draft = z.object({ schemaType: SchemaTypeName, schema: z.string().min(1).max(4 * 1024 * 1024), references: z.array(SchemaReferenceInput).max(200).default([]) });

/** The Schemas page: browse subjects and versions, check and register, compatibility, deletes. */
export const schemaCalls = {
  'schemas.subjects': defineCall<{ subjects: string[]; deleted: string[] }>()(WithConnection),
  'schemas.subject': defineCall<SubjectDetail>()(WithConnection.extend({ subject: Subject })),
  'schemas.version': defineCall<SchemaVersionView>()(WithConnection.extend({ subject: Subject, version: Version })),
  /** Subjects whose name starts with the topic's (TopicName and TopicRecordName strategies). */
  'schemas.forTopic': defineCall<{ subjects: string[] }>()(WithConnection.extend({ topic: z.string().min(1).max(249) })),
  'schemas.checkCompatibility': defineCall<CompatibilityVerdict>()(WithConnection.extend({ subject: Subject, draft: Draft })),
  'schemas.register': defineCall<{ id: number; version: number }>()(WithConnection.extend({ subject: Subject, draft: Draft }), { write: true }),
  /** A subject's level, or the global one without `subject`; null clears a subject's own level. */
  'schemas.setCompatibility': defineCall<void>()(WithConnection.extend({ subject: Subject.optional(), level: CompatibilityLevel.nullable() }), { write: true }),
  /** Soft delete, or with `permanent` a hard delete (soft first, as the registry requires). */
  'schemas.deleteVersion': defineCall<void>()(WithConnection.extend({ subject: Subject, version: Version, permanent: z.boolean().default(false) }), { write: true }),
  'schemas.deleteSubject': defineCall<{ versions: number[] }>()(WithConnection.extend({ subject: Subject, permanent: z.boolean().default(false) }), { write: true }),
};
