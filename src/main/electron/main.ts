import { app, BrowserWindow, Notification, session } from 'electron';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../log';
import { createMainServices } from '../app/main-services';
import { registerIpc } from './ipc';
import { safeStorageCipher } from './secret-store';
import { installMenu } from './menu';
import { saveDialogLocation } from './save-dialog';
import { createMainWindow, defaultPaths, rendererUrl } from './window';

/** The Electron shell: lifecycle, window, menu and IPC. Everything else is in plain-Node services. */
const log = createLogger('electron');
const paths = defaultPaths(dirname(fileURLToPath(import.meta.url)));

// Tests and portable setups may point the app at another user-data folder.
if (process.env.KAFKA_EXPLORER_USER_DATA) app.setPath('userData', process.env.KAFKA_EXPLORER_USER_DATA);
if (!app.requestSingleInstanceLock()) app.quit();

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(() => {
  // No permission (camera, notifications, geolocation…) is ever granted to the renderer.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  const services = createMainServices({
    log,
    app: { version: app.getVersion(), runtime: 'electron', userDataDir: app.getPath('userData'), autoConnect: process.env.KAFKA_EXPLORER_AUTOCONNECT, autoConnectRegistry: process.env.KAFKA_EXPLORER_AUTOCONNECT_REGISTRY, autoConnectConnect: process.env.KAFKA_EXPLORER_AUTOCONNECT_CONNECT },
    secretCipher: safeStorageCipher(),
    saveLocation: saveDialogLocation(),
    // Lag alerts as OS notifications, from main: the window itself may not notify (see above).
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
  });
  registerIpc(services.host, rendererUrl(paths));
  createMainWindow(paths);
  // Each window is its own RPC client in main, so it opens and owns its own connections.
  installMenu({ newWindow: () => void createMainWindow(paths) });

  app.on('second-instance', () => {
    const target = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? createMainWindow(paths);
    if (target.isMinimized()) target.restore();
    target.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(paths);
  });
  app.on('before-quit', () => {
    void services.dispose();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
