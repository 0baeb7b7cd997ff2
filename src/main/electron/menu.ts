import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  /** File → New Window: another window with its own connections (ownership is per window). */
  newWindow(): void;
}

/** The application menu: standard roles, File → New Window, and a Help entry. */
export function installMenu(actions: MenuActions): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Window', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newWindow() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Apache Kafka documentation', click: () => void shell.openExternal('https://kafka.apache.org/documentation/') },
        { label: `Kafka Explorer ${app.getVersion()}`, enabled: false },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
