import type { Settings } from '../../../shared/api';
import type { JsonStore } from '../../storage/json-store';
import type { HandlerGroup } from '../../rpc/handlers';
import type { SettingsFile } from './settings-store';

/** Settings are validated by the call's schema in main before they reach the store, and again by the store. */
export function settingsHandlers(store: JsonStore<SettingsFile>): HandlerGroup<'settings.get' | 'settings.update'> {
  return {
    'settings.get': async () => (await store.read()).settings,
    'settings.update': async ({ changes }) => {
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<Settings>;
      return (await store.update((file) => ({ ...file, settings: { ...file.settings, ...defined } }))).settings;
    },
  };
}
