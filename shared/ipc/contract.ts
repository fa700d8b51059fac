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

/** What the Save dialog offers for one kind of file, and the type a browser download gets. */
export interface SaveFileKindSpec {
  /** The Save dialog's filter name, e.g. `CSV`. */
  filterName: string;
  /** Extensions allowed (no dot); the first is added to a name that has none of them. */
  extensions: readonly string[];
  mediaType: string;
}

/**
 * The only kinds of file the page may save through `dialog:save-file`: the main process takes the
 * kind, never a filter or an extension chosen by the page (which parses untrusted bills).
 * `kept-file` is a file the user gave TEM Desk earlier (an original bill file, a contract's signed
 * document), saved back under its own name when that name ends in a document, spreadsheet,
 * picture, e-mail, text or archive extension.
 */
export const SAVE_FILE_KINDS = {
  csv: { filterName: 'CSV', extensions: ['csv'], mediaType: 'text/csv' },
  xlsx: {
    filterName: 'Excel workbook',
    extensions: ['xlsx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  ics: { filterName: 'Calendar', extensions: ['ics'], mediaType: 'text/calendar' },
  'column-mappings': {
    filterName: 'TEM Desk column mappings',
    extensions: ['json'],
    mediaType: 'application/json',
  },
  temdesk: {
    filterName: 'TEM Desk backup',
    extensions: ['temdesk'],
    mediaType: 'application/octet-stream',
  },
  'kept-file': {
    filterName: 'Kept file',
    extensions: [
      'bin',
      'csv',
      'tsv',
      'psv',
      'txt',
      'dat',
      'edi',
      'x12',
      'zip',
      'xlsx',
      'xls',
      'ods',
      'pdf',
      'doc',
      'docx',
      'odt',
      'rtf',
      'png',
      'jpg',
      'jpeg',
      'gif',
      'tif',
      'tiff',
      'msg',
      'eml',
    ],
    mediaType: 'application/octet-stream',
  },
} as const satisfies Record<string, SaveFileKindSpec>;

export type SaveFileKind = keyof typeof SAVE_FILE_KINDS;

/** Largest file `dialog:save-file` writes: what `dialog:open-files` can read back. */
export const MAX_SAVE_FILE_BYTES = 500 * 1024 * 1024;

/** Longest `suggestedName` that `dialog:save-file` accepts. */
export const MAX_SAVE_NAME_LENGTH = 200;

export interface SaveFileRequest {
  /** What is saved; decides the extension and the Save dialog's filter. */
  kind: SaveFileKind;
  /**
   * Proposed file name, e.g. `chargeback-2024-08.xlsx`, at most {@link MAX_SAVE_NAME_LENGTH}
   * characters: the main process keeps the name only and gives it an extension of the kind.
   */
  suggestedName: string;
  /** At most {@link MAX_SAVE_FILE_BYTES}. */
  bytes: Uint8Array;
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

/** `backup:write`: one `.temdesk` file to put in the backup folder. */
export interface WriteBackupRequest {
  /** File name without a folder, ending `.temdesk`, e.g. `temdesk-2024-08-31T17-05-00.temdesk`. */
  fileName: string;
  bytes: Uint8Array;
  /** How many `.temdesk` files to keep in the folder, this one included: an integer, 1–100. */
  keep: number;
}

export interface WriteBackupResult {
  /** Full path of the file written. */
  path: string;
  /** Names of the older backups deleted to stay within `keep`. */
  removed: string[];
}

/** One `.temdesk` file in the backup folder. */
export interface BackupFileInfo {
  /** File name without its folder. */
  name: string;
  /** Size in bytes. */
  size: number;
  /** Last modification, ISO 8601 in UTC (`2024-08-31T17:05:00.000Z`). */
  modifiedAt: string;
}

export interface BackupList {
  /** Full path of the backup folder (it may not exist yet: it is created by the first backup). */
  folder: string;
  /** The `.temdesk` files in it, newest first. */
  files: BackupFileInfo[];
}

/** `backup:read`: a backup named as `backup:list` reported it (a name, never a path). */
export interface ReadBackupRequest {
  name: string;
}

export type ChooseBackupFolderResult = { folder: string } | { cancelled: true };

/**
 * `report:save-pdf`: the main process prints the calling page to PDF (print CSS applies) and saves
 * it where the user chooses in a native Save dialog, proposed in their Documents folder.
 */
export interface SaveReportPdfRequest {
  /**
   * Proposed file name, e.g. `TEM Desk report 2026-10.pdf`: at most `MAX_PDF_NAME_LENGTH`
   * characters. Only a name: the main process drops any folder and forces the `.pdf` extension.
   */
  suggestedName: string;
}

/** Longest `suggestedName` that `report:save-pdf` accepts. */
export const MAX_PDF_NAME_LENGTH = 200;

/** Request/response channels (renderer → main, `ipcRenderer.invoke` / `ipcMain.handle`). */
export interface InvokeChannels {
  'dialog:open-files': { request: OpenFilesRequest; response: PickedFile[] };
  'dialog:save-file': { request: SaveFileRequest; response: SaveFileResult };
  'app:info': { request: undefined; response: AppInfo };
  'backup:write': { request: WriteBackupRequest; response: WriteBackupResult };
  'backup:list': { request: undefined; response: BackupList };
  'backup:read': { request: ReadBackupRequest; response: Uint8Array };
  'backup:choose-folder': { request: undefined; response: ChooseBackupFolderResult };
  /** `{ saved: false }` when the user cancels the Save dialog; a failure rejects. */
  'report:save-pdf': { request: SaveReportPdfRequest; response: SaveFileResult };
}

export type InvokeChannel = keyof InvokeChannels;

/** Commands the native menu sends to the renderer (main → renderer). */
export type MenuCommand = 'import-bills' | 'enter-invoice' | 'export' | 'open-settings';

/** Event channels (main → renderer, `webContents.send`). */
export interface EventChannels {
  'menu:command': MenuCommand;
}

export const INVOKE_CHANNELS = [
  'dialog:open-files',
  'dialog:save-file',
  'app:info',
  'backup:write',
  'backup:list',
  'backup:read',
  'backup:choose-folder',
  'report:save-pdf',
] as const satisfies readonly InvokeChannel[];

export const MENU_COMMAND_CHANNEL = 'menu:command' satisfies keyof EventChannels;

/** What the preload puts on `window.temDesk`. The preload object `satisfies` this type. */
export interface TemDeskBridge {
  openFiles(request: OpenFilesRequest): Promise<PickedFile[]>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  appInfo(): Promise<AppInfo>;
  /** Writes a backup into the backup folder atomically, then deletes the oldest beyond `keep`. */
  writeBackup(request: WriteBackupRequest): Promise<WriteBackupResult>;
  /** The backup folder and its `.temdesk` files, newest first. */
  listBackups(): Promise<BackupList>;
  /** The bytes of one backup of the backup folder. */
  readBackup(request: ReadBackupRequest): Promise<Uint8Array>;
  /** Lets the user pick another backup folder (remembered across runs). */
  chooseBackupFolder(): Promise<ChooseBackupFolderResult>;
  /** Prints the calling page to PDF and saves it where the user chooses. */
  saveReportPdf(request: SaveReportPdfRequest): Promise<SaveFileResult>;
  /** Subscribe to native-menu commands; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** The global name the preload exposes the bridge under. */
export const BRIDGE_GLOBAL = 'temDesk';
