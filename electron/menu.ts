/**
 * The native menu. Commands that belong to the UI (import, export, settings) are sent to the
 * renderer as `menu:command` events; everything else is a built-in role. The About box is a
 * native dialog with the version: the app has no website links anywhere.
 */
import { dialog } from 'electron';
import type { BaseWindow, MenuItemConstructorOptions, MessageBoxOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc/contract';

export interface MenuOptions {
  appName: string;
  version: string;
  isMac: boolean;
  /** Delivers a command to the renderer (`webContents.send(MENU_COMMAND_CHANNEL, command)`). */
  send: (command: MenuCommand) => void;
}

/** The About box's options, shown by `dialog.showMessageBox`. */
export function aboutBoxOptions(appName: string, version: string): MessageBoxOptions {
  return {
    type: 'info',
    title: `About ${appName}`,
    message: `${appName} ${version}`,
    detail:
      'Offline Telecom Expense Management. Your data stays on this computer; the app makes no network connections.',
    buttons: ['OK'],
  };
}

function showAbout(window: BaseWindow | undefined, appName: string, version: string): void {
  const options = aboutBoxOptions(appName, version);
  const shown = window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
  shown.catch((error: unknown) => console.error('TEM Desk could not show the About box:', error));
}

export function buildMenuTemplate({
  appName,
  version,
  isMac,
  send,
}: MenuOptions): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = {
    label: `About ${appName}`,
    click: (_item, window) => showAbout(window, appName, version),
  };
  const settings: MenuItemConstructorOptions = {
    label: 'Settings…',
    accelerator: 'CmdOrCtrl+,',
    click: () => send('open-settings'),
  };

  // macOS convention: the app menu holds About, Settings and Quit; File ends with Close Window.
  const macAppMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: appName,
          submenu: [
            about,
            { type: 'separator' },
            settings,
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit', label: `Quit ${appName}` },
          ],
        },
      ]
    : [];

  return [
    ...macAppMenu,
    {
      label: 'File',
      submenu: [
        { label: 'Import bills…', accelerator: 'CmdOrCtrl+O', click: () => send('import-bills') },
        { label: 'Enter an invoice…', click: () => send('enter-invoice') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => send('export') },
        ...(isMac ? [] : [{ type: 'separator' } as const, settings]),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Help',
      role: 'help',
      submenu: [about],
    },
  ];
}
