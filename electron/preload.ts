/**
 * The preload: the only code with a foot in both worlds. It exposes `window.temDesk`, a handful
 * of named functions typed by the contract, and nothing else — never `ipcRenderer` itself, never
 * an Electron event object.
 *
 * It runs sandboxed, where `require` knows only 'electron', 'events', 'timers' and 'url'; so it is
 * bundled to CommonJS by scripts/build-electron.mjs with shared/ inlined, and imports no Node
 * built-in (test/electron/build-electron.test.ts checks the bundle).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, MENU_COMMAND_CHANNEL } from '../shared/ipc/contract';
import type {
  AppInfo,
  BackupList,
  ChooseBackupFolderResult,
  InvokeChannel,
  InvokeChannels,
  MenuCommand,
  OpenFilesRequest,
  PickedFile,
  ReadBackupRequest,
  SaveFileRequest,
  SaveFileResult,
  SaveReportPdfRequest,
  TemDeskBridge,
  WriteBackupRequest,
  WriteBackupResult,
} from '../shared/ipc/contract';

function invoke<C extends InvokeChannel>(
  channel: C,
  request: InvokeChannels[C]['request'],
): Promise<InvokeChannels[C]['response']> {
  return ipcRenderer.invoke(channel, request);
}

function openFiles(request: OpenFilesRequest): Promise<PickedFile[]> {
  return invoke('dialog:open-files', request);
}

function saveFile(request: SaveFileRequest): Promise<SaveFileResult> {
  return invoke('dialog:save-file', request);
}

function appInfo(): Promise<AppInfo> {
  return invoke('app:info', undefined);
}

function writeBackup(request: WriteBackupRequest): Promise<WriteBackupResult> {
  return invoke('backup:write', request);
}

function listBackups(): Promise<BackupList> {
  return invoke('backup:list', undefined);
}

function readBackup(request: ReadBackupRequest): Promise<Uint8Array> {
  return invoke('backup:read', request);
}

function chooseBackupFolder(): Promise<ChooseBackupFolderResult> {
  return invoke('backup:choose-folder', undefined);
}

function saveReportPdf(request: SaveReportPdfRequest): Promise<SaveFileResult> {
  return invoke('report:save-pdf', request);
}

/** Menu commands sent before the page listens (its code still loading): delivered when it does. */
const PENDING_COMMANDS_KEPT = 8;
const menuListeners = new Set<(command: MenuCommand) => void>();
const pendingCommands: MenuCommand[] = [];

// One IPC listener for the page's lifetime. The page gets the command only: the IpcRendererEvent
// (which holds `sender`, i.e. ipcRenderer) must never cross the bridge.
ipcRenderer.on(MENU_COMMAND_CHANNEL, (_event: IpcRendererEvent, command: MenuCommand): void => {
  if (menuListeners.size === 0) {
    // The window shows before the app's code has loaded and subscribed: keep the command.
    pendingCommands.push(command);
    if (pendingCommands.length > PENDING_COMMANDS_KEPT) pendingCommands.shift();
    return;
  }
  for (const listener of menuListeners) listener(command);
});

function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  menuListeners.add(listener);
  for (const command of pendingCommands.splice(0)) listener(command);
  return () => {
    menuListeners.delete(listener);
  };
}

const bridge = {
  openFiles,
  saveFile,
  appInfo,
  writeBackup,
  listBackups,
  readBackup,
  chooseBackupFolder,
  saveReportPdf,
  onMenuCommand,
} satisfies TemDeskBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
