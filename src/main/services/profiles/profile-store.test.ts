import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../log';
import { createProfileStore } from './profile-store';
import { ProfileService } from './profile-service';
import { createSecretStore, plainFileCipher, type SecretCipher } from './secret-store';

const log = createLogger('test', { level: 'error' });

describe('profile store', () => {
  it('migrates a version-0 file (bare array with a bootstrap string) to the current version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ke-prof-'));
    writeFileSync(join(dir, 'profiles.json'), JSON.stringify([{ name: 'Old', bootstrap: 'a:9092, b:9092' }]));
    const doc = await createProfileStore(dir, log).read();
    expect(doc).toMatchObject({ version: 2, profiles: [{ name: 'Old', brokers: ['a:9092', 'b:9092'], color: '#4f7cff', readOnly: false }] });
  });
});

describe('ProfileService with a sealing cipher', () => {
  it('seals secrets with the cipher, keeps the ones the form leaves out, and drops ones the security no longer uses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ke-prof-'));
    const file = join(dir, 'secrets.json');
    const base64: SecretCipher = {
      info: { kind: 'os-keychain', description: 'test' },
      seal: (s) => Buffer.from(s).toString('base64'),
      open: (s) => Buffer.from(s, 'base64').toString(),
    };
    const service = new ProfileService(createProfileStore(dir, log), createSecretStore({ file, cipher: base64, log }));
    const draft = { name: 'x', color: '#000000', brokers: ['a:1'], clientId: 'c', readOnly: false, connectionTimeoutMs: 1000, requestTimeoutMs: 1000, sasl: { mechanism: 'plain' as const, username: 'u' } };
    const saved = await service.save(draft, { password: 'hunter2' });
    expect(readFileSync(file, 'utf8')).not.toContain('hunter2');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await service.save({ ...draft, id: saved.id, name: 'renamed' }, {});
    expect((await service.connectionConfig(saved.id)).sasl).toEqual({ mechanism: 'plain', username: 'u', password: 'hunter2' });
    const plain = await service.save({ ...draft, id: saved.id, sasl: undefined }, {});
    expect(plain.storedSecrets).toEqual([]);
  });

  it('describes the browser-mode file honestly', () => {
    expect(plainFileCipher('/x/secrets.json').info).toEqual({ kind: 'file', description: expect.stringContaining('readable only by your user') });
  });
});
