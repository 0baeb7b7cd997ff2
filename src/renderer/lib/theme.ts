import { useSyncExternalStore } from 'react';
import type { ThemeSetting } from '../../shared/api';
import { useSettingsStore } from '../state/settings-store';

export type ResolvedTheme = 'light' | 'dark';

const LIGHT_QUERY = '(prefers-color-scheme: light)';
/** The last theme shown, so the next start paints in it before the settings arrive from main. */
const CACHE_KEY = 'kafka-explorer.theme';

function systemTheme(): ResolvedTheme {
  return typeof window !== 'undefined' && window.matchMedia?.(LIGHT_QUERY).matches ? 'light' : 'dark';
}

function subscribeToSystem(onChange: () => void): () => void {
  const query = window.matchMedia?.(LIGHT_QUERY);
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

export function resolveTheme(setting: ThemeSetting, system: ResolvedTheme): ResolvedTheme {
  return setting === 'system' ? system : setting;
}

/** Light or dark as shown now: the setting, or the operating system's choice under System (followed live). */
export function useResolvedTheme(): ResolvedTheme {
  const setting = useSettingsStore((s) => s.settings.theme);
  const system = useSyncExternalStore(subscribeToSystem, systemTheme, () => 'dark' as const);
  return resolveTheme(setting, system);
}

/** Sets the theme on <html data-theme>, which app.css's colour tokens follow. */
export function applyTheme(theme: ResolvedTheme): void {
  document.documentElement.dataset.theme = theme;
  try {
    window.localStorage.setItem(CACHE_KEY, theme);
  } catch {
    // Storage may be unavailable (private mode): the cache only avoids a flash at start.
  }
}

/** Before React renders: the cached theme, else the system's. */
export function applyCachedTheme(): void {
  let cached: string | null;
  try {
    cached = window.localStorage.getItem(CACHE_KEY);
  } catch {
    cached = null;
  }
  document.documentElement.dataset.theme = cached === 'light' || cached === 'dark' ? cached : systemTheme();
}
