/**
 * Main-process entry (bundled to dist-electron/main.cjs). It only wires the small modules next to
 * it together; each of them is unit-tested with the `electron` module replaced.
 *
 * Order matters: the single-instance lock and the privileged scheme are set up synchronously at
 * start-up (the scheme must be registered before `ready`); everything else waits for `ready`.
 */
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, screen, session } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { MENU_COMMAND_CHANNEL } from '../shared/ipc/contract';
import type { MenuCommand } from '../shared/ipc/contract';
import { resolveAppPaths } from './app-paths';
import { createAppProtocolHandler, registerAppScheme } from './app-protocol';
import { registerIpcHandlers } from './ipc-handlers';
import { createMainWindow } from './main-window';
import { buildMenuTemplate } from './menu';
import { APP_ORIGIN, APP_SCHEME, applySessionPolicy, hardenWebContents } from './security';
import { bringToFront, claimSingleInstance } from './single-instance';
import { windowStatePath } from './window-state';

const APP_NAME = 'TEM Desk';
let mainWindow: BrowserWindow | null = null;

function parentOf(contents: WebContents): BrowserWindow | null {
  return BrowserWindow.fromWebContents(contents);
}

function sendMenuCommand(command: MenuCommand): void {
  const target = mainWindow ?? BrowserWindow.getFocusedWindow();
  target?.webContents.send(MENU_COMMAND_CHANNEL, command);
}

function openMainWindow(): void {
  const { preloadPath } = resolveAppPaths(app.getAppPath());
  mainWindow = createMainWindow({
    title: APP_NAME,
    preloadPath,
    windowStatePath: windowStatePath(app.getPath('userData')),
    displays: screen.getAllDisplays().map((display) => display.workArea),
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function onReady(): Promise<void> {
  const { rendererDir } = resolveAppPaths(app.getAppPath());
  applySessionPolicy(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));

  registerIpcHandlers<IpcMainInvokeEvent>(ipcMain, {
    showOpenDialog: (event, options) => {
      const parent = parentOf(event.sender);
      return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
    },
    showSaveDialog: (event, options) => {
      const parent = parentOf(event.sender);
      return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
    },
    printToPdf: (event, options) => event.sender.printToPDF(options),
    documentsPath: () => app.getPath('documents'),
    appInfo: () => ({
      name: APP_NAME,
      version: app.getVersion(),
      platform: process.platform,
      electronVersion: process.versions.electron ?? 'unknown',
      userDataPath: app.getPath('userData'),
    }),
    userDataPath: app.getPath('userData'),
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        appName: APP_NAME,
        version: app.getVersion(),
        isMac: process.platform === 'darwin',
        send: sendMenuCommand,
      }),
    ),
  );

  openMainWindow();
}

export function startMainProcess(): void {
  if (!claimSingleInstance(app, () => bringToFront(mainWindow))) return;

  registerAppScheme(protocol);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, APP_ORIGIN));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (mainWindow === null && app.isReady()) openMainWindow();
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      console.error('TEM Desk could not start:', error);
      app.quit();
    });
}

startMainProcess();
