import { create } from 'zustand';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/api';
import type { ApiClient } from '../api/client';
import type { DateOptions } from '../lib/date-format';

interface SettingsState {
  /** The settings main stores (defaults until loaded). */
  settings: Settings;
  loaded: boolean;
  replace(settings: Settings): void;
}

/**
 * This window's copy of the settings main keeps in settings.json. A store rather than a query,
 * so plain functions (date formatting in table cells, filter conversion) can read it too.
 */
export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: DEFAULT_SETTINGS,
  loaded: false,
  replace: (settings) => set({ settings, loaded: true }),
}));

export function useSettings(): Settings {
  return useSettingsStore((s) => s.settings);
}

/** The date options now, for code outside React's render (filters, drafts). */
export function currentDateOptions(): DateOptions {
  const { timeZone, dateFormat } = useSettingsStore.getState().settings;
  return { timeZone, dateFormat };
}

/** Loads the settings from main; on failure the defaults stay (the app still works). */
export async function loadSettings(api: Pick<ApiClient, 'call'>): Promise<void> {
  const settings = await api.call('settings.get', {}).catch(() => DEFAULT_SETTINGS);
  useSettingsStore.getState().replace(settings);
}

/** Saves changes in main (which validates them) and shows what main stored. */
export async function updateSettings(api: Pick<ApiClient, 'call'>, changes: Partial<Settings>): Promise<Settings> {
  const settings = await api.call('settings.update', { changes });
  useSettingsStore.getState().replace(settings);
  return settings;
}
