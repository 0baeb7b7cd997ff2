import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SETTINGS, Settings } from '../../../shared/api';
import type { Logger } from '../../log';
import { createJsonStore, type JsonStore } from '../../storage/json-store';

export const SETTINGS_VERSION = 1;

const SettingsFile = z.object({
  version: z.literal(SETTINGS_VERSION),
  // A setting a newer build wrote, or one hand-edited wrong, falls back to its default rather than losing the others.
  settings: z.object({
    theme: Settings.shape.theme.catch(DEFAULT_SETTINGS.theme),
    timeZone: Settings.shape.timeZone.catch(DEFAULT_SETTINGS.timeZone),
    dateFormat: Settings.shape.dateFormat.catch(DEFAULT_SETTINGS.dateFormat),
    autoRefresh: Settings.shape.autoRefresh.catch(DEFAULT_SETTINGS.autoRefresh),
    lagAlerts: Settings.shape.lagAlerts.catch(DEFAULT_SETTINGS.lagAlerts),
    // Absent in files written before favourites and templates: empty, no version bump needed.
    topicFavourites: Settings.shape.topicFavourites.catch(DEFAULT_SETTINGS.topicFavourites),
    topicTemplates: Settings.shape.topicTemplates.catch(DEFAULT_SETTINGS.topicTemplates),
  }),
});
export type SettingsFile = z.output<typeof SettingsFile>;

/** settings.json in the user-data folder: versioned, validated, written atomically (like profiles.json). */
export function createSettingsStore(userDataDir: string, log: Logger): JsonStore<SettingsFile> {
  return createJsonStore({
    file: join(userDataDir, 'settings.json'),
    schema: SettingsFile,
    version: SETTINGS_VERSION,
    defaults: () => ({ version: SETTINGS_VERSION as typeof SETTINGS_VERSION, settings: { ...DEFAULT_SETTINGS } }),
    log,
  });
}
