import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, type CallName } from '../../src/shared/api';
import { AppError } from '../../src/shared/errors';
import { writeMethods } from '../../src/main/kafka/client';
import { startTestApp, type TestApp } from '../support/app';
import { sharedBootstrap } from '../support/kafka';

/** Every call the contract marks `write: true`: new writes are covered as soon as they are declared. */
const writeCalls = (Object.keys(calls) as CallName[]).filter((name) => calls[name].write);

describe('read-only connections refuse every write', () => {
  let app: TestApp;
  let readOnlyId: string;
  beforeAll(async () => {
    app = startTestApp();
    readOnlyId = (await app.call('connection.connect', { config: { brokers: sharedBootstrap().split(','), readOnly: true } })).connectionId;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the contract declares write calls (the list below is not empty)', () => {
    expect(writeCalls.length).toBeGreaterThan(0);
  });

  it.each(writeCalls)('dispatcher refuses %s before looking at the request', async (name) => {
    // A bare request: the read-only gate must answer before validation, whatever else is sent.
    const error = await app.call(name, { connectionId: readOnlyId } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('READ_ONLY');
  });

  it.each([...writeMethods])('the read-only client refuses %s itself (behind the dispatcher)', async (method) => {
    const client = app.services.deps.connections.get(readOnlyId).client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await expect(client[method]!()).rejects.toMatchObject({ code: 'READ_ONLY' });
  });

  it('a writable connection is not refused by the gate (it reaches the broker)', async () => {
    const { connectionId } = await app.call('connection.connect', { config: { brokers: sharedBootstrap().split(',') } });
    const error = await app
      .call('acls.create', { connectionId, acl: { principal: 'User:x', resourceType: 'TOPIC', resourceName: 'x', operation: 'READ' } })
      .catch((e: unknown) => e);
    // The shared test broker has no authorizer: the broker, not the gate, answers.
    expect((error as AppError | undefined)?.code).not.toBe('READ_ONLY');
  });
});
