import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { ProfileSecrets, SecretStorageInfo } from '../../../shared/api';
import { createJsonStore } from '../../storage/json-store';
import type { Logger } from '../../log';
import { SECRET_SCOPES, type SecretBinding } from './secret-binding';

/** One profile's secrets and the settings they were saved with (null: written before bindings existed). */
export interface StoredSecrets {
  secrets: ProfileSecrets;
  boundTo: SecretBinding | null;
}

/** Secrets of saved profiles, by profile id. Kept in their own file, apart from the profiles. */
export interface SecretStore {
  readonly info: SecretStorageInfo;
  get(profileId: string): Promise<StoredSecrets>;
  /** Replaces the stored secrets of one profile, bound to `boundTo`; empty values are dropped. */
  set(profileId: string, secrets: ProfileSecrets, boundTo: SecretBinding): Promise<void>;
  delete(profileId: string): Promise<void>;
  /** The profile's key for masking hashes (HMAC), made at random the first time it is asked for. */
  maskingKey(profileId: string): Promise<string>;
}

/** How one profile's secrets are sealed on disk: Electron's safeStorage, or not at all (0600 file). */
export interface SecretCipher {
  info: SecretStorageInfo;
  seal(plain: string): string;
  open(sealed: string): string;
}

const TlsBinding = z.object({ caFile: z.string().nullable(), certFile: z.string().nullable(), keyFile: z.string().nullable(), skipVerify: z.boolean() });
const Binding = z.object({
  brokers: z.array(z.string()),
  mechanism: z.string().nullable(),
  username: z.string(),
  tls: TlsBinding.nullable(),
  oauth: z.string().nullable().optional(),
  registry: z.object({ urls: z.array(z.string()), auth: z.string(), username: z.string(), tls: TlsBinding.nullable() }).nullable().optional(),
  connect: z.object({ urls: z.array(z.string()), auth: z.string(), username: z.string(), tls: TlsBinding.nullable() }).nullable().optional(),
  // Without it the parse dropped the route, and a saved SSH passphrase or proxy password was refused on every connect.
  route: z.object({ ssh: z.string().nullable(), jump: z.string().nullable(), proxy: z.string().nullable() }).nullable().optional(),
});

/**
 * What is sealed per profile: the secrets with their binding, so the binding is as tamper-proof
 * as the secrets. Files written before bindings existed hold the bare secrets object.
 */
const Sealed = z.object({ secrets: z.record(z.string(), z.unknown()), boundTo: Binding });
const LegacySealed = z.record(z.string(), z.unknown());

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
  const clean = (secrets: Record<string, unknown>): ProfileSecrets =>
    Object.fromEntries(
      Object.entries(secrets).filter(([k, v]) => Object.hasOwn(SECRET_SCOPES, k) && typeof v === 'string' && v.length > 0),
    ) as ProfileSecrets;
  const none: StoredSecrets = { secrets: {}, boundTo: null };

  return {
    info: cipher.info,
    async get(profileId) {
      const sealed = (await store.read()).sealed[profileId];
      if (!sealed) return none;
      try {
        const opened = LegacySealed.parse(JSON.parse(cipher.open(sealed)));
        if (!('secrets' in opened)) return { secrets: clean(opened), boundTo: null };
        const current = Sealed.parse(opened);
        return { secrets: clean(current.secrets), boundTo: current.boundTo };
      } catch {
        // e.g. the keychain changed: the user re-enters the secret; never log the value.
        options.log.warn('stored secrets of a profile cannot be read; they must be entered again', { profileId });
        return none;
      }
    },
    async set(profileId, secrets, boundTo) {
      const kept = clean(secrets);
      await store.update((doc) => {
        const sealed = { ...doc.sealed };
        if (Object.keys(kept).length === 0) delete sealed[profileId];
        else sealed[profileId] = cipher.seal(JSON.stringify({ secrets: kept, boundTo }));
        return { ...doc, sealed };
      });
    },
    async delete(profileId) {
      await store.update((doc) => {
        const sealed = { ...doc.sealed };
        delete sealed[profileId];
        delete sealed[maskingKeyEntry(profileId)];
        return { ...doc, sealed };
      });
    },
    async maskingKey(profileId) {
      const entry = maskingKeyEntry(profileId);
      const stored = (await store.read()).sealed[entry];
      if (stored) {
        try {
          return cipher.open(stored);
        } catch {
          options.log.warn('the masking key of a profile cannot be read; a new one is made (hashes change)', { profileId });
        }
      }
      let key = '';
      await store.update((doc) => {
        const existing = doc.sealed[entry];
        // Another call may have made it meanwhile: keep that one, so hashes agree.
        if (existing && stored !== existing) {
          key = cipher.open(existing);
          return doc;
        }
        key = randomBytes(32).toString('base64');
        return { ...doc, sealed: { ...doc.sealed, [entry]: cipher.seal(key) } };
      });
      return key;
    },
  };
}

/** Where a profile's masking key is sealed: beside its secrets, under a name no profile id can have. */
const maskingKeyEntry = (profileId: string) => `masking-key:${profileId}`;
