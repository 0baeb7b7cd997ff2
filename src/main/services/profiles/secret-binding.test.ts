import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfileDraft, type ProfileDraftInput } from '../../../shared/api';
import { createLogger } from '../../log';
import { createProfileStore } from './profile-store';
import { ProfileService } from './profile-service';
import { bindingChanges, bindingOf } from './secret-binding';
import { createSecretStore, plainFileCipher } from './secret-store';

const log = createLogger('test', { sink: () => undefined });

function service(dir = mkdtempSync(join(tmpdir(), 'ke-bind-'))) {
  const file = join(dir, 'secrets.json');
  return { dir, file, profiles: new ProfileService(createProfileStore(dir, log), createSecretStore({ file, cipher: plainFileCipher(file), log })) };
}
const scram = (patch: Partial<ProfileDraftInput> = {}) =>
  ProfileDraft.parse({ name: 'Staging', brokers: ['127.0.0.1:9092'], sasl: { mechanism: 'scram-sha-256', username: 'alice' }, ...patch });

describe('bindingOf', () => {
  it('ignores order, case and duplicates of addresses, and names what changed', () => {
    const a = bindingOf(scram({ brokers: ['B:1', 'a:2', 'b:1'] }));
    expect(bindingChanges(a, bindingOf(scram({ brokers: ['a:2', 'b:1'] })))).toEqual([]);
    expect(bindingChanges(a, bindingOf(scram({ brokers: ['a:2'], sasl: { mechanism: 'plain', username: 'alice' }, tls: {} })))).toEqual([
      'bootstrap address',
      'SASL mechanism',
      'TLS settings',
    ]);
  });
});

describe('a stored secret is used only with the settings it was saved with', () => {
  it('refuses to test a saved profile against another address or mechanism without the password typed again', async () => {
    const { profiles } = service();
    const saved = await profiles.save(scram(), { password: 'hunter2' });
    const elsewhere = scram({ id: saved.id, brokers: ['127.0.0.1:9999'], sasl: { mechanism: 'plain', username: 'alice' } });
    const refused = profiles.draftConfig(elsewhere, {});
    await expect(refused).rejects.toMatchObject({
      code: 'SECRET_REQUIRED',
      message: 'The saved password was saved for 127.0.0.1:9092 / SCRAM-SHA-256; type it again to use it with 127.0.0.1:9999 / PLAIN.',
    });
    const error = (await profiles.draftConfig(elsewhere, {}).catch((e: unknown) => e)) as Error;
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('hunter2');
    for (const patch of [{ sasl: { mechanism: 'scram-sha-256' as const, username: 'bob' } }, { tls: { caFile: '/other-ca.pem' } }, { brokers: ['127.0.0.1:9092', 'evil:9092'] }]) {
      await expect(profiles.draftConfig(scram({ id: saved.id, ...patch }), {}), JSON.stringify(patch)).rejects.toMatchObject({ code: 'SECRET_REQUIRED' });
    }
    // Typed again, it goes where the user says; unchanged settings keep using the stored one.
    expect((await profiles.draftConfig(elsewhere, { password: 'typed' })).sasl).toMatchObject({ password: 'typed' });
    expect((await profiles.draftConfig(scram({ id: saved.id, name: 'renamed', brokers: ['127.0.0.1:9092'] }), {})).sasl).toMatchObject({ password: 'hunter2' });
  });

  it('refuses to save a changed address without the password, changing nothing; saves it typed again or removed', async () => {
    const { profiles, file } = service();
    const saved = await profiles.save(scram(), { password: 'hunter2' });
    const moved = scram({ id: saved.id, brokers: ['127.0.0.1:9999'] });
    await expect(profiles.save(moved, {})).rejects.toMatchObject({ code: 'SECRET_REQUIRED' });
    expect((await profiles.get(saved.id)).brokers).toEqual(['127.0.0.1:9092']);
    expect((await profiles.connectionConfig(saved.id)).sasl).toMatchObject({ password: 'hunter2' });

    expect((await profiles.save(moved, { password: 'new-one' })).storedSecrets).toEqual(['password']);
    expect((await profiles.connectionConfig(saved.id)).sasl).toMatchObject({ password: 'new-one' });
    expect(readFileSync(file, 'utf8')).toContain('127.0.0.1:9999');

    const cleared = await profiles.save(scram({ id: saved.id, brokers: ['127.0.0.1:1'] }), { password: '' });
    expect(cleared.storedSecrets).toEqual([]);
  });

  it('binds secrets of an older file (no binding) to the profile as it was saved, at first load', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ke-bind-'));
    const profile = { ...scram(), id: 'old1' };
    writeFileSync(join(dir, 'profiles.json'), JSON.stringify({ version: 2, profiles: [profile] }));
    writeFileSync(join(dir, 'secrets.json'), JSON.stringify({ version: 1, sealed: { old1: JSON.stringify({ password: 'legacy' }) } }));
    const { profiles, file } = service(dir);
    expect((await profiles.list()).map((p) => p.storedSecrets)).toEqual([['password']]);
    expect(JSON.parse(JSON.parse(readFileSync(file, 'utf8')).sealed.old1 as string)).toMatchObject({ boundTo: { brokers: ['127.0.0.1:9092'], mechanism: 'scram-sha-256' } });
    expect((await profiles.connectionConfig('old1')).sasl).toMatchObject({ password: 'legacy' });
    await expect(profiles.draftConfig(scram({ id: 'old1', brokers: ['127.0.0.1:9999'] }), {})).rejects.toMatchObject({ code: 'SECRET_REQUIRED' });
  });

  it('refuses a stored secret whose binding no longer matches the saved profile (edited on disk)', async () => {
    const { profiles, dir } = service();
    const saved = await profiles.save(scram(), { password: 'hunter2' });
    const doc = JSON.parse(readFileSync(join(dir, 'profiles.json'), 'utf8')) as { profiles: { brokers: string[] }[] };
    doc.profiles[0]!.brokers = ['127.0.0.1:9999'];
    writeFileSync(join(dir, 'profiles.json'), JSON.stringify(doc));
    await expect(profiles.connectionConfig(saved.id)).rejects.toMatchObject({ code: 'SECRET_REQUIRED' });
  });

  it('keeps SSH and proxy secrets usable after a save: the stored binding keeps the route', async () => {
    const { profiles } = service();
    const proxied = await profiles.save(ProfileDraft.parse({ name: 'p', brokers: ['a:1'], proxy: { kind: 'http', host: 'proxy', port: 3128, username: 'bob' } }), { proxyPassword: 'pw' });
    expect((await profiles.connectionConfig(proxied.id)).proxy).toMatchObject({ username: 'bob', password: 'pw' });
    const ssh = { host: 'bastion', username: 'alice', keyFile: '/k' };
    const tunnelled = await profiles.save(ProfileDraft.parse({ name: 's', brokers: ['a:1'], ssh: { ...ssh, jump: { ...ssh, host: 'gate' } } }), { sshPassphrase: 'one', sshJumpPassphrase: 'two' });
    const config = await profiles.connectionConfig(tunnelled.id);
    expect(config.ssh).toMatchObject({ auth: { passphrase: 'one' }, jump: { auth: { passphrase: 'two' } } });
    // A moved bastion asks for them again.
    await expect(profiles.draftConfig(ProfileDraft.parse({ id: tunnelled.id, name: 's', brokers: ['a:1'], ssh: { ...ssh, host: 'elsewhere' } }), {})).rejects.toMatchObject({ code: 'SECRET_REQUIRED' });
  });
});

describe('an OIDC client secret', () => {
  const oidc = (tokenUrl: string, clientId = 'svc') =>
    ProfileDraft.parse({ name: 'Cloud', brokers: ['127.0.0.1:9092'], sasl: { mechanism: 'oauthbearer', oauth: { provider: 'oidc-client-credentials', tokenUrl, clientId, scope: 'kafka' } } });

  it('goes only to the token endpoint and client id it was saved for', async () => {
    const { profiles } = service();
    const saved = await profiles.save(oidc('https://idp.example.com/token'), { oauthClientSecret: 'cs-1' });
    const config = await profiles.connectionConfig(saved.id);
    expect(config.sasl).toEqual({ mechanism: 'oauthbearer', oidc: { tokenUrl: 'https://idp.example.com/token', clientId: 'svc', clientSecret: 'cs-1', scope: 'kafka' } });
    await expect(profiles.draftConfig({ ...oidc('https://evil.example.com/token'), id: saved.id }, {})).rejects.toMatchObject({ code: 'SECRET_REQUIRED', hint: expect.stringContaining('token endpoint or client id') });
    await expect(profiles.draftConfig({ ...oidc('https://idp.example.com/token', 'other'), id: saved.id }, {})).rejects.toMatchObject({ code: 'SECRET_REQUIRED' });
  });

  it('is dropped when the profile goes back to a static token', async () => {
    const { profiles } = service();
    const saved = await profiles.save(oidc('https://idp.example.com/token'), { oauthClientSecret: 'cs-1' });
    const back = await profiles.save(ProfileDraft.parse({ id: saved.id, name: 'Cloud', brokers: ['127.0.0.1:9092'], sasl: { mechanism: 'oauthbearer', oauth: { provider: 'static' } } }), { token: 'eyJ.a.b' });
    expect(back.storedSecrets).toEqual(['token']);
  });
});
