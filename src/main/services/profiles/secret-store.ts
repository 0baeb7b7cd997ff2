import { z } from 'zod';
import type { ProfileSecrets, SecretStorageInfo } from '../../../shared/api';
import { createJsonStore } from '../../storage/json-store';
import type { Logger } from '../../log';

/** Secrets of saved profiles, by profile id. Kept in their own file, apart from the profiles. */
export interface SecretStore {
  readonly info: SecretStorageInfo;
  get(profileId: string): Promise<ProfileSecrets>;
  /** Replaces the stored secrets of one profile; empty values are dropped. */
  set(profileId: string, secrets: ProfileSecrets): Promise<void>;
  delete(profileId: string): Promise<void>;
}

/** How one profile's secrets are sealed on disk: Electron's safeStorage, or not at all (0600 file). */
export interface SecretCipher {
  info: SecretStorageInfo;
  seal(plain: string): string;
  open(sealed: string): string;
}

const SecretsFile = z.object({
  version: z.literal(1),
  /** profile id → sealed JSON of its secrets. */
  sealed: z.record(z.string(), z.string()),
});

/**
 * No OS keychain (browser mode, or Electron where safeStorage is unavailable): the file itself
 * (mode 0600, user-only) is the protection, and the UI says so.
 */
export function plainFileCipher(file: string, why = 'no OS keychain in browser mode'): SecretCipher {
  return {
    info: { kind: 'file', description: `Stored unencrypted in ${file}, readable only by your user (${why}).` },
    seal: (plain) => plain,
    open: (sealed) => sealed,
  };
}

/** A secret store in `file`, always written with mode 0600 and atomically. */
export function createSecretStore(options: { file: string; cipher: SecretCipher; log: Logger }): SecretStore {
  const { cipher } = options;
  const store = createJsonStore({
    file: options.file,
    schema: SecretsFile,
    version: 1,
    defaults: () => ({ version: 1 as const, sealed: {} }),
    mode: 0o600,
    log: options.log,
  });
  const clean = (secrets: ProfileSecrets): ProfileSecrets =>
    Object.fromEntries(Object.entries(secrets).filter(([, v]) => typeof v === 'string' && v.length > 0)) as ProfileSecrets;

  return {
    info: cipher.info,
    async get(profileId) {
      const sealed = (await store.read()).sealed[profileId];
      if (!sealed) return {};
      try {
        return clean(JSON.parse(cipher.open(sealed)) as ProfileSecrets);
      } catch {
        // e.g. the keychain changed: the user re-enters the secret; never log the value.
        options.log.warn('stored secrets of a profile cannot be read; they must be entered again', { profileId });
        return {};
      }
    },
    async set(profileId, secrets) {
      const kept = clean(secrets);
      await store.update((doc) => {
        const sealed = { ...doc.sealed };
        if (Object.keys(kept).length === 0) delete sealed[profileId];
        else sealed[profileId] = cipher.seal(JSON.stringify(kept));
        return { ...doc, sealed };
      });
    },
    async delete(profileId) {
      await store.update((doc) => {
        const sealed = { ...doc.sealed };
        delete sealed[profileId];
        return { ...doc, sealed };
      });
    },
  };
}
