import { z } from 'zod';
import { defineCall } from './define';

export interface AppInfo {
  version: string;
  /** Where main runs: the Electron shell or the browser-mode server. */
  runtime: 'electron' | 'browser';
  /** Set by `npm run demo` (or KAFKA_EXPLORER_AUTOCONNECT): connect to this cluster at start-up. */
  autoConnect: { brokers: string[]; name: string; registryUrl?: string; connectUrl?: string } | null;
  /** The user-data folder, shown in settings so users know where profiles and history live. */
  userDataDir: string;
}

export const appCalls = {
  'app.info': defineCall<AppInfo>()(z.object({})),
};
