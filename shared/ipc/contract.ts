/**
 * The one IPC contract between the Electron main process and the renderer.
 *
 * Main-process handlers and the preload derive their types from these maps, so a renamed channel
 * or a changed payload is a compile error on both sides. The preload exposes named functions only
 * (`TemDeskBridge`), never `ipcRenderer` itself.
 */

/** A file the user picked in a native dialog, read whole by the main process. */
export interface PickedFile {
  /** File name without its folder, e.g. `verizon-2024-08.zip`. */
  name: string;
  /** The raw bytes, exactly as on disk. */
  bytes: Uint8Array;
}

/** A file-type filter for native dialogs, e.g. `{ name: 'Bills', extensions: ['csv', 'zip'] }`. */
export interface FileFilter {
  name: string;
  /** Extensions without the dot. */
  extensions: string[];
}

export interface OpenFilesRequest {
  title?: string;
  filters?: FileFilter[];
  /** Allow picking several files at once (default true). */
  multiple?: boolean;
}

export interface SaveFileRequest {
  /** Proposed file name, e.g. `chargeback-2024-08.xlsx`. */
  suggestedName: string;
  bytes: Uint8Array;
  filters?: FileFilter[];
}

export type SaveFileResult = { saved: true; path: string } | { saved: false };

export interface AppInfo {
  name: string;
  version: string;
  /** `process.platform` of the main process: `win32`, `darwin`, `linux`. */
  platform: string;
  electronVersion: string;
  /** Folder where the app keeps its own files (window state, backups). */
  userDataPath: string;
}

/** Request/response channels (renderer → main, `ipcRenderer.invoke` / `ipcMain.handle`). */
export interface InvokeChannels {
  'dialog:open-files': { request: OpenFilesRequest; response: PickedFile[] };
  'dialog:save-file': { request: SaveFileRequest; response: SaveFileResult };
  'app:info': { request: undefined; response: AppInfo };
}

export type InvokeChannel = keyof InvokeChannels;

/** Commands the native menu sends to the renderer (main → renderer). */
export type MenuCommand = 'import-bills' | 'export' | 'open-settings';

/** Event channels (main → renderer, `webContents.send`). */
export interface EventChannels {
  'menu:command': MenuCommand;
}

export const INVOKE_CHANNELS = [
  'dialog:open-files',
  'dialog:save-file',
  'app:info',
] as const satisfies readonly InvokeChannel[];

export const MENU_COMMAND_CHANNEL = 'menu:command' satisfies keyof EventChannels;

/** What the preload puts on `window.temDesk`. The preload object `satisfies` this type. */
export interface TemDeskBridge {
  openFiles(request: OpenFilesRequest): Promise<PickedFile[]>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  appInfo(): Promise<AppInfo>;
  /** Subscribe to native-menu commands; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** The global name the preload exposes the bridge under. */
export const BRIDGE_GLOBAL = 'temDesk';
