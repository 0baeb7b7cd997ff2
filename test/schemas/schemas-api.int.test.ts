import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/shared/errors';
import { startTestApp, type TestApp } from '../support/app';
import { sharedBootstrap, sharedRegistryUrl, uniqueTopic } from '../support/kafka';

const v1 = { type: 'record', name: 'Order', fields: [{ name: 'id', type: 'string' }] };
const v2 = { ...v1, fields: [...v1.fields, { name: 'note', type: ['null', 'string'], default: null }] };
/** A new required field without a default: a BACKWARD-incompatible change. */
const breaking = { ...v1, fields: [...v1.fields, { name: 'qty', type: 'int' }] };

describe('the Schemas page API against a real registry', () => {
  let app: TestApp;
  let connectionId: string;
  let readOnlyId: string;
  const topic = uniqueTopic('sch');
  const subject = `${topic}-value`;
  const avro = (schema: object) => ({ schemaType: 'AVRO' as const, schema: JSON.stringify({ ...schema, doc: topic }) });

  beforeAll(async () => {
    app = startTestApp();
    const config = { brokers: [sharedBootstrap()], schemaRegistry: { urls: [sharedRegistryUrl()] } };
    connectionId = (await app.call('connection.connect', { config })).connectionId;
    readOnlyId = (await app.call('connection.connect', { config: { ...config, readOnly: true } })).connectionId;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('registers versions, lists subjects and versions, and finds a topic’s subjects', async () => {
    const first = await app.call('schemas.register', { connectionId, subject, draft: avro(v1) });
    const second = await app.call('schemas.register', { connectionId, subject, draft: avro(v2) });
    expect(first.version).toBe(1);
    expect(second).toMatchObject({ version: 2 });
    expect(second.id).not.toBe(first.id);
    expect((await app.call('schemas.subjects', { connectionId })).subjects).toContain(subject);
    const detail = await app.call('schemas.subject', { connectionId, subject });
    expect(detail).toMatchObject({ subject, versions: [1, 2], latest: { version: 2, id: second.id, schemaType: 'AVRO' } });
    expect(JSON.parse(detail.latest.schema).fields).toHaveLength(2);
    expect((await app.call('schemas.version', { connectionId, subject, version: 1 })).id).toBe(first.id);
    expect((await app.call('schemas.forTopic', { connectionId, topic })).subjects).toEqual([subject]);
  });

  it('gives the registry’s verdict on a draft under the subject’s compatibility level', async () => {
    await app.call('schemas.setCompatibility', { connectionId, subject, level: 'BACKWARD' });
    expect((await app.call('schemas.subject', { connectionId, subject })).compatibility).toBe('BACKWARD');
    expect((await app.call('schemas.checkCompatibility', { connectionId, subject, draft: avro(breaking) })).compatible).toBe(false);
    expect((await app.call('schemas.checkCompatibility', { connectionId, subject, draft: avro({ ...v2, fields: [...v2.fields, { name: 'tag', type: 'string', default: '' }] }) })).compatible).toBe(true);
    const refused = (await app.call('schemas.register', { connectionId, subject, draft: avro(breaking) }).catch((e: unknown) => e)) as AppError;
    expect(refused.code).toBe('INCOMPATIBLE_SCHEMA');
  });

  it('refuses every registry change on a read-only connection, in main', async () => {
    for (const call of [
      () => app.call('schemas.register', { connectionId: readOnlyId, subject, draft: avro(v2) }),
      () => app.call('schemas.setCompatibility', { connectionId: readOnlyId, subject, level: 'NONE' }),
      () => app.call('schemas.deleteVersion', { connectionId: readOnlyId, subject, version: 1 }),
      () => app.call('schemas.deleteSubject', { connectionId: readOnlyId, subject, permanent: true }),
    ]) {
      expect(((await call().catch((e: unknown) => e)) as AppError).code).toBe('READ_ONLY');
    }
    expect((await app.call('schemas.subject', { connectionId, subject })).versions).toEqual([1, 2]);
  });

  it('soft-deletes a version, then deletes the subject for good', async () => {
    await app.call('schemas.deleteVersion', { connectionId, subject, version: 1 });
    expect((await app.call('schemas.subject', { connectionId, subject })).versions).toEqual([2]);
    await app.call('schemas.deleteSubject', { connectionId, subject, permanent: true });
    const after = await app.call('schemas.subjects', { connectionId });
    expect(after.subjects).not.toContain(subject);
    expect(after.deleted).not.toContain(subject);
  });

  it('says so when the connection has no registry', async () => {
    const plain = (await app.call('connection.connect', { config: { brokers: [sharedBootstrap()] } })).connectionId;
    const error = (await app.call('schemas.subjects', { connectionId: plain }).catch((e: unknown) => e)) as AppError;
    expect(error).toMatchObject({ code: 'NO_REGISTRY', hint: 'Add the registry URL to the connection profile.' });
  });
});
