import { join } from 'node:path';
import { z } from 'zod';
import { Profile } from '../../../shared/api';
import type { Logger } from '../../log';
import { createJsonStore, type JsonStore, type Migration } from '../../storage/json-store';

export const PROFILES_VERSION = 2;

const ProfilesFile = z.object({
  version: z.literal(PROFILES_VERSION),
  profiles: z.array(Profile),
});
export type ProfilesFile = z.output<typeof ProfilesFile>;

/**
 * v0 (no version field): a bare array of `{ name, bootstrap: "a:9092,b:9092" }` — the shape an
 * early build wrote; v1: `{ version: 1, profiles }` without colours. Kept as the model for
 * future schema changes.
 */
export const profileMigrations: Record<number, Migration> = {
  0: (data: unknown) => ({
    version: 1,
    profiles: (Array.isArray(data) ? data : []).map((p: { id?: string; name?: string; bootstrap?: string; brokers?: string[] }, i: number) => ({
      id: p.id ?? `migrated-${i + 1}`,
      name: p.name ?? `Cluster ${i + 1}`,
      brokers: p.brokers ?? String(p.bootstrap ?? '').split(/[\s,]+/).filter(Boolean),
    })),
  }),
  1: (data: { profiles?: Record<string, unknown>[] }) => ({
    version: 2,
    profiles: (data.profiles ?? []).map((p) => ({ color: '#4f7cff', ...p })),
  }),
};

/** profiles.json in the user-data folder: versioned, validated, written atomically. */
export function createProfileStore(userDataDir: string, log: Logger): JsonStore<ProfilesFile> {
  return createJsonStore({
    file: join(userDataDir, 'profiles.json'),
    schema: ProfilesFile,
    version: PROFILES_VERSION,
    migrations: profileMigrations,
    defaults: () => ({ version: PROFILES_VERSION as typeof PROFILES_VERSION, profiles: [] }),
    log,
  });
}
