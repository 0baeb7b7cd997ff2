import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileDraftInput } from '../../src/shared/api';
import type { AppError } from '../../src/shared/errors';
import { startTestApp, type TestApp } from '../support/app';
import { sharedBootstrap, sharedRegistryUrl } from '../support/kafka';

/**
 * A profile's Schema Registry: the connection test's "Schema Registry" step against the real
 * registry, its failures named, and its password bound to the URL it was saved for.
 */
describe('a connection profile with a Schema Registry', () => {
  let app: TestApp;
  /** A stand-in registry that records the Authorization headers it receives (a leak would show here). */
  const seen: string[] = [];
  const recorder = createServer((req: IncomingMessage, res) => {
    seen.push(req.headers.authorization ?? '');
    res.writeHead(401, { 'content-type': 'application/json' }).end('{"error_code":401,"message":"Unauthorized"}');
  });
  let recorderUrl: string;

  const profile = (registry: Partial<NonNullable<ProfileDraftInput['schemaRegistry']>>): ProfileDraftInput => ({
    name: 'with registry',
    brokers: [sharedBootstrap()],
    schemaRegistry: { urls: [sharedRegistryUrl()], auth: 'none', username: '', ...registry },
  });

  beforeAll(async () => {
    app = startTestApp();
    await new Promise<void>((r) => recorder.listen(0, '127.0.0.1', r));
    recorderUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    recorder.close();
  });

  it('tests the registry as its own step, after the cluster', async () => {
    const result = await app.call('profiles.test', { testId: 'sr-ok', profile: profile({}), secrets: {} });
    expect(result.ok).toBe(true);
    const step = result.steps.find((s) => s.step === 'registry');
    expect(step).toMatchObject({ status: 'ok', detail: expect.stringMatching(/^\d+ subjects?(, compatibility \w+)?$/) });
  });

  it('names what failed: nothing listening, a page that is not a registry, a refused password', async () => {
    const closed = await app.call('profiles.test', { testId: 'sr-closed', profile: profile({ urls: ['http://127.0.0.1:9'] }), secrets: {} });
    expect(closed).toMatchObject({ ok: false, failedStep: 'registry' });
    expect(closed.steps.find((s) => s.step === 'registry')?.error).toMatchObject({ code: 'REGISTRY_UNREACHABLE', message: 'Schema Registry http://127.0.0.1:9 refused the connection.' });

    const notRegistry = await app.call('profiles.test', { testId: 'sr-html', profile: profile({ urls: [sharedRegistryUrl().replace('/apis/ccompat/v7', '/ui-not-there')] }), secrets: {} });
    expect(notRegistry.steps.find((s) => s.step === 'registry')?.error?.code).toMatch(/NOT_A_REGISTRY|NOT_FOUND|REGISTRY_HTTP_404/);

    const denied = await app.call('profiles.test', { testId: 'sr-401', profile: profile({ urls: [recorderUrl], auth: 'basic', username: 'sr-user' }), secrets: { registryPassword: 'typed-now' } });
    expect(denied.steps.find((s) => s.step === 'registry')?.error).toMatchObject({ code: 'REGISTRY_UNAUTHORIZED', hint: expect.stringContaining('registry user and password') });
  });

  it('uses a saved registry password only with the registry it was saved for', async () => {
    const saved = await app.call('profiles.save', { profile: profile({ auth: 'basic', username: 'sr-user' }), secrets: { registryPassword: 's3cret-registry' } });
    expect(saved.storedSecrets).toEqual(['registryPassword']);
    seen.length = 0;
    const moved = (await app
      .call('profiles.test', { testId: 'sr-moved', profile: { ...saved, schemaRegistry: { ...saved.schemaRegistry!, urls: [recorderUrl] } }, secrets: {} })
      .catch((e: unknown) => e)) as AppError;
    expect(moved.code).toBe('SECRET_REQUIRED');
    expect(moved.message).toContain('Schema Registry password');
    expect(seen.join()).not.toContain(Buffer.from('sr-user:s3cret-registry').toString('base64'));
    // Another Kafka address with the same registry keeps the registry password usable.
    const sameRegistry = await app.call('profiles.test', { testId: 'sr-same', profile: { ...saved, clientId: 'other' }, secrets: {} });
    expect(sameRegistry.steps.find((s) => s.step === 'registry')?.status).toBe('ok');
  });
});
