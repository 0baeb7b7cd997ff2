import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/shared/errors';
import { startTestApp, type TestApp } from './support/app';
import { sharedBootstrap, sharedRegistryUrl } from './support/kafka';

/** "Save as profile" in one click: an open quick-connect connection becomes a profile that connects on its own. */
describe('profiles.saveConnection', () => {
  let app: TestApp;
  beforeAll(() => {
    app = startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('saves a quick connection (address, read-only, registry) as a profile that reconnects to the same cluster', async () => {
    const brokers = sharedBootstrap().split(',');
    const adhoc = await app.call('connection.connect', { config: { brokers, readOnly: true, name: 'scratch', schemaRegistry: { urls: [sharedRegistryUrl()] } } });
    expect(adhoc.profileId).toBeUndefined();

    const saved = await app.call('profiles.saveConnection', { connectionId: adhoc.connectionId, name: 'Saved scratch', color: '#e5484d' });
    expect(saved).toMatchObject({ name: 'Saved scratch', color: '#e5484d', brokers, readOnly: true, schemaRegistry: { urls: [sharedRegistryUrl()], auth: 'none' }, storedSecrets: [] });
    const { profiles } = await app.call('profiles.list', {});
    expect(profiles.map((p) => p.id)).toContain(saved.id);
    expect(JSON.parse(readFileSync(join(app.services.deps.userDataDir, 'profiles.json'), 'utf8')).profiles).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: saved.id, name: 'Saved scratch' })]),
    );

    // The saved profile opens a second connection to the same cluster, read-only as the first was.
    const again = await app.call('profiles.connect', { id: saved.id });
    expect(again).toMatchObject({ profileId: saved.id, color: '#e5484d', readOnly: true });
    expect(again.clusterId).toBe(adhoc.clusterId);
    await expect(app.call('topics.create', { connectionId: again.connectionId, name: 'never-created', partitions: 1, replicationFactor: 1, configs: {}, validateOnly: false })).rejects.toMatchObject({
      code: 'READ_ONLY',
    });
    await app.call('connection.disconnect', { connectionId: again.connectionId });
    await app.call('connection.disconnect', { connectionId: adhoc.connectionId });
  });

  it('names the profile after the connection when no name is given', async () => {
    const info = await app.call('connection.connect', { config: { brokers: sharedBootstrap().split(',') } });
    const saved = await app.call('profiles.saveConnection', { connectionId: info.connectionId });
    expect(saved.name).toBe(sharedBootstrap());
    expect(saved.color).toMatch(/^#[0-9a-f]{6}$/i);
    await app.call('connection.disconnect', { connectionId: info.connectionId });
  });

  it("refuses another window's connection, and a closed one, as closed", async () => {
    // A second window of the same main process: its own RPC client, so its own connections.
    const other = app.services.host.attach(() => undefined);
    try {
      const opened = await app.services.host.call(other, 'o1', 'connection.connect', { config: { brokers: sharedBootstrap().split(',') } });
      if (!opened.ok) throw new AppError(opened.error);
      const theirs = opened.value as { connectionId: string };
      const error = await app.call('profiles.saveConnection', { connectionId: theirs.connectionId }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'NOT_CONNECTED' });
    } finally {
      app.services.host.detach(other);
    }
    await expect(app.call('profiles.saveConnection', { connectionId: 'a'.repeat(32) })).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
  });
});
