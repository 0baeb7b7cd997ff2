import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';

/** The application menu: standard roles plus a Help entry; nothing app-specific lives here. */
export function installMenu(): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
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
