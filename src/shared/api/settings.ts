import { z } from 'zod';
import { defineCall } from './define';

/** System follows the operating system (prefers-color-scheme); Light and Dark fix it. */
export const ThemeSetting = z.enum(['system', 'light', 'dark']);
export type ThemeSetting = z.infer<typeof ThemeSetting>;

/** Dates and times everywhere (tables, detail panes, date inputs) are shown and typed in this zone. */
export const TimeZoneSetting = z.enum(['local', 'utc']);
export type TimeZoneSetting = z.infer<typeof TimeZoneSetting>;

/**
 * ISO-like, so dates sort as text and read the same in every locale:
 * "seconds" 2026-12-02 14:03:05, "millis" 2026-12-02 14:03:05.123, "iso8601" 2026-12-02T14:03:05.123+01:00.
 */
export const DateFormatSetting = z.enum(['seconds', 'millis', 'iso8601']);
export type DateFormatSetting = z.infer<typeof DateFormatSetting>;

/** How often a list reloads by itself. */
export const RefreshEvery = z.enum(['off', '5s', '10s', '30s', '60s']);
export type RefreshEvery = z.infer<typeof RefreshEvery>;

/** A saved create-topic form: what "Create topic" fills in when it is picked. */
export const TopicTemplate = z.object({
  name: z.string().trim().min(1).max(100),
  partitions: z.number().int().min(1).max(100_000),
  replicationFactor: z.number().int().min(1).max(32_767),
  configs: z.record(z.string().min(1).max(255), z.string().max(100_000)),
});
export type TopicTemplate = z.infer<typeof TopicTemplate>;

/** Per-cluster lists are keyed by the profile id, or `brokers:<bootstrap>` for a connection without a profile (see cluster-key.ts). */
const ClusterKey = z.string().min(1).max(2_000);

/** The app's settings, stored by main like the profiles (settings.json in the user-data folder). */
export const Settings = z.object({
  theme: ThemeSetting,
  timeZone: TimeZoneSetting,
  dateFormat: DateFormatSetting,
  /** For every list whose own auto-refresh choice was never changed. */
  autoRefresh: RefreshEvery,
  /** Per group id: notify when its total lag goes above this many messages (and when its verdict changes). */
  lagAlerts: z.record(z.string().min(1).max(500), z.number().int().min(0).max(1e15)),
  /** Starred topics per cluster. */
  topicFavourites: z.record(ClusterKey, z.array(z.string().min(1).max(249)).max(100_000)),
  /** Saved create-topic forms per cluster. */
  topicTemplates: z.record(ClusterKey, z.array(TopicTemplate).max(500)),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { theme: 'system', timeZone: 'local', dateFormat: 'seconds', autoRefresh: 'off', lagAlerts: {}, topicFavourites: {}, topicTemplates: {} };

export const settingsCalls = {
  'settings.get': defineCall<Settings>()(z.object({})),
  /** Changes only the given settings; returns all of them as stored. */
  'settings.update': defineCall<Settings>()(z.object({ changes: Settings.partial().strict() })),
};
