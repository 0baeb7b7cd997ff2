import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import type { SaveLocation } from '../services/messages/save-location';

/** Exports and saved values go where the user picks in the system's save dialog (in main, never the window). */
export function saveDialogLocation(): SaveLocation {
  return {
    async choose(suggestedName) {
      const options = { defaultPath: join(app.getPath('downloads'), suggestedName) };
      const win = BrowserWindow.getFocusedWindow();
      const picked = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return picked.canceled || !picked.filePath ? null : { path: picked.filePath, claimed: false };
    },
  };
}
