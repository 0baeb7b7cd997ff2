import { BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface WindowPaths {
  preload: string;
  rendererIndex: string;
  icon?: string;
}

/** The renderer's own address; IPC from any other frame is refused. */
export function rendererUrl(paths: WindowPaths): string {
  return process.env.KAFKA_EXPLORER_DEV_URL ?? pathToFileURL(paths.rendererIndex).toString();
}

/** True for a link the system browser should open. */
export function isExternalHttpLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * A hardened window: isolated, sandboxed, no Node in the renderer, no navigation away from
 * the app, no new windows (http(s) links go to the system browser instead).
 */
export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Kafka Explorer',
    backgroundColor: '#0f1419',
    show: false,
    ...(paths.icon ? { icon: paths.icon } : {}),
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  const appUrl = rendererUrl(paths);

  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalHttpLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== appUrl) {
      event.preventDefault();
      if (isExternalHttpLink(url)) void shell.openExternal(url);
    }
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(appUrl);
  return win;
}

export function defaultPaths(mainDir: string): WindowPaths {
  return {
    preload: join(mainDir, '../preload/preload.cjs'),
    rendererIndex: join(mainDir, '../renderer/index.html'),
    icon: join(mainDir, '../../assets/icon.png'),
  };
}
