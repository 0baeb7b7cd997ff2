import { AppError } from '../../../shared/errors';
import { basename } from 'node:path';
import type { LocalSchemaTypes, SchemaValidation, SchemaVersionView } from '../../../shared/api';
import { compileTemplate, TemplateError } from '../../../shared/produce/template';
import { subjectsOfTopic } from '../../../shared/schemas/subject-names';
import { SchemaMismatch } from '../../schemas/codecs/codec';
import { SchemaEncoder } from '../../schemas/schema-encoder';
import type { HandlerGroup } from '../../rpc/handlers';
import type { SchemaRegistryClient, SubjectVersion } from '../../schemas/registry-client';
import type { ConnectionManager } from '../connections/connection-manager';

type SchemaCall =
  | 'schemas.subjects'
  | 'schemas.subject'
  | 'schemas.version'
  | 'schemas.forTopic'
  | 'schemas.skeleton'
  | 'schemas.validate'
  | 'schemas.localTypes'
  | 'schemas.checkCompatibility'
  | 'schemas.register'
  | 'schemas.setCompatibility'
  | 'schemas.deleteVersion'
  | 'schemas.deleteSubject';

/** The Schemas page's calls: the connection's registry through its Confluent REST API; writes pass main's read-only gate first. */
export function schemaHandlers(connections: ConnectionManager): HandlerGroup<SchemaCall> {
  const registry = (connectionId: string): SchemaRegistryClient => {
    const r = connections.get(connectionId).registry;
    if (!r) throw new AppError({ name: 'SchemaRegistryError', code: 'NO_REGISTRY', message: 'This connection has no Schema Registry.', retriable: false, hint: 'Add the registry URL to the connection profile.' });
    return r;
  };
  /** The connection's producing cache: compiled once per subject version, shared with produce.*. */
  const encoder = (connectionId: string): SchemaEncoder => {
    registry(connectionId);
    return connections.get(connectionId).schemas.encoder;
  };
  return {
    async 'schemas.subjects'({ connectionId }) {
      const r = registry(connectionId);
      const [live, all] = await Promise.all([r.subjects(), r.subjects({ deleted: true }).catch(() => [] as string[])]);
      const alive = new Set(live);
      return { subjects: [...live].sort(), deleted: all.filter((s) => !alive.has(s)).sort() };
    },
    async 'schemas.subject'({ connectionId, subject }) {
      const r = registry(connectionId);
      const [versions, latest, compatibility, globalCompatibility] = await Promise.all([r.versions(subject), r.subjectVersion(subject, 'latest'), r.compatibility(subject), r.compatibility().catch(() => null)]);
      return { subject, versions, latest: view(latest), compatibility, globalCompatibility };
    },
    async 'schemas.version'({ connectionId, subject, version }) {
      return view(await registry(connectionId).subjectVersion(subject, version));
    },
    async 'schemas.forTopic'({ connectionId, topic }) {
      const subjects = await registry(connectionId).subjects();
      return { subjects: subjectsOfTopic(subjects, topic) };
    },
    async 'schemas.skeleton'(req) {
      if ('local' in req) {
        const type = connections.get(req.connectionId).schemas.encoder.localType(req.local);
        return { text: type.codec.skeleton(), schemaType: type.codec.type, file: basename(type.file) };
      }
      const { subject, messageType } = req;
      const schema = await encoder(req.connectionId).resolve(subject, req.version);
      let text: string;
      try {
        text = schema.codec.skeleton(messageType);
      } catch (error) {
        throw new AppError({ name: 'ValidationError', code: 'VALIDATION', message: `${subject} v${schema.version}: ${(error as Error).message}`, retriable: false });
      }
      const types = schema.codec.messageTypes;
      return { text, ...(types ? { messageTypes: types } : {}), schemaType: schema.schemaType, id: schema.id, version: schema.version };
    },
    async 'schemas.validate'(req): Promise<SchemaValidation> {
      const { connectionId, text } = req;
      const schema = 'local' in req ? connections.get(connectionId).schemas.encoder.localType(req.local) : await encoder(connectionId).resolve(req.subject, req.version);
      try {
        // As produce does: placeholders rendered (for message 1), then encoded.
        const template = compileTemplate(text);
        SchemaEncoder.encode(schema, template.dynamic ? template.render({ seq: 1 }) : text, 'local' in req ? undefined : req.messageType);
        return { ok: true };
      } catch (error) {
        if (error instanceof SchemaMismatch) return { ok: false, path: error.path, message: error.message };
        if (error instanceof TemplateError || error instanceof Error) return { ok: false, path: '', message: error.message };
        throw error;
      }
    },
    async 'schemas.localTypes'({ connectionId, topic }): Promise<LocalSchemaTypes> {
      const local = connections.get(connectionId).schemas.local;
      if (!local) return { types: [], mapped: { key: null, value: null } };
      const types = local.list().map((t) => ({ name: t.name, schemaType: t.codec.type as 'AVRO' | 'PROTOBUF', file: basename(t.file) }));
      // A mapping to protobuf:raw reads without a schema and cannot write: nothing to preselect.
      const mapped = (part: 'key' | 'value') => {
        const type = topic ? local.typeFor(topic, part) : null;
        return type && local.type(type.name) ? type.name : null;
      };
      return { types, mapped: { key: mapped('key'), value: mapped('value') } };
    },
    'schemas.checkCompatibility': ({ connectionId, subject, draft }) => registry(connectionId).checkCompatibility(subject, draft),
    async 'schemas.register'({ connectionId, subject, draft }) {
      const r = registry(connectionId);
      const { id } = await r.register(subject, draft);
      const { version } = await r.lookup(subject, draft);
      return { id, version };
    },
    async 'schemas.setCompatibility'({ connectionId, subject, level }) {
      const r = registry(connectionId);
      if (level === null) {
        if (!subject) throw new AppError({ name: 'ValidationError', code: 'VALIDATION', message: 'The global compatibility level cannot be cleared, only changed.', retriable: false });
        await r.clearCompatibility(subject);
      } else {
        await r.setCompatibility(level, subject);
      }
    },
    async 'schemas.deleteVersion'({ connectionId, subject, version, permanent }) {
      const r = registry(connectionId);
      await softFirst(() => r.deleteVersion(subject, version, false), permanent);
      if (permanent) await r.deleteVersion(subject, version, true);
    },
    async 'schemas.deleteSubject'({ connectionId, subject, permanent }) {
      const r = registry(connectionId);
      const versions = (await softFirst(() => r.deleteSubject(subject, false), permanent)) ?? [];
      if (permanent) return { versions: await r.deleteSubject(subject, true) };
      return { versions };
    },
  };
}

/** A hard delete needs a soft one first; one already soft-deleted is fine when going on to the hard one. */
async function softFirst<T>(soft: () => Promise<T>, permanent: boolean): Promise<T | null> {
  try {
    return await soft();
  } catch (error) {
    if (permanent && AppError.is(error) && /SOFT_DELETED/.test(error.code)) return null;
    throw error;
  }
}

function view(v: SubjectVersion): SchemaVersionView {
  return { subject: v.subject, version: v.version, id: v.id, schemaType: v.schemaType, schema: v.schema, references: v.references };
}
