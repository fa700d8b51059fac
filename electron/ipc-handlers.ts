/**
 * Main-process side of the IPC contract (`shared/ipc/contract.ts`). Every channel of
 * `InvokeChannels` has exactly one handler here, typed from the contract.
 *
 * Two checks run before any handler, because the renderer parses untrusted bill files:
 * - the sender: only frames served from the app's own `app://` origin may call (VS Code's
 *   `validateIPC` habit) — an iframe or a page navigated elsewhere is refused;
 * - the payload: its shape is checked at run time; TypeScript types do not cross the process line.
 *
 * The backup channels name files, never paths: the folder is the main process's business
 * (electron/backups.ts), and names are checked by `isSafeBackupName`. Likewise `report:save-pdf`
 * takes a proposed file name only; the path comes from the user, through the native Save dialog.
 */
import { lstat, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type {
  OpenDialogOptions,
  OpenDialogReturnValue,
  PrintToPDFOptions,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import { MAX_SAVE_FILE_BYTES, SAVE_FILE_KINDS } from '../shared/ipc/contract';
import type { AppInfo, InvokeChannel, InvokeChannels, PickedFile } from '../shared/ipc/contract';
import {
  NODE_BACKUP_FS,
  listBackupFiles,
  prepareBackupFolder,
  readBackupFile,
  readBackupFolder,
  saveBackupFolder,
  writeBackupFile,
} from './backups';
import type { BackupFs } from './backups';
import {
  IpcRefusedError,
  formatMegabytes,
  parseOpenFilesRequest,
  parseReadBackupRequest,
  parseSaveFileRequest,
  parseSaveReportPdfRequest,
  parseWriteBackupRequest,
} from './ipc-requests';
import { isAppUrl } from './security';

export {
  IpcRefusedError,
  parseOpenFilesRequest,
  parseReadBackupRequest,
  parseSaveFileRequest,
  parseSaveReportPdfRequest,
  parseWriteBackupRequest,
  safeFileName,
  safePdfName,
} from './ipc-requests';

/** Largest file `dialog:open-files` reads into memory. */
export const MAX_OPEN_FILE_BYTES = 500 * 1024 * 1024;

/**
 * How `report:save-pdf` prints: US Letter, backgrounds kept (tiles and table stripes), half-inch
 * margins. The page's `@media print` rules apply, so buttons and navigation are left out.
 */
export const REPORT_PDF_OPTIONS = {
  pageSize: 'Letter',
  printBackground: true,
  landscape: false,
  margins: { top: 0.5, bottom: 0.5, left: 0.5, right: 0.5 },
} as const satisfies PrintToPDFOptions;

/** What the handlers read from an invoke event (`IpcMainInvokeEvent` has it). */
export interface SenderEvent {
  readonly senderFrame: { readonly url: string } | null;
}

/** The part of `ipcMain` used here. */
export interface IpcMainLike<E extends SenderEvent> {
  handle(channel: string, listener: (event: E, payload: unknown) => Promise<unknown>): void;
}

/** What the handlers need from the outside world; main.ts passes Electron's, tests pass fakes. */
export interface IpcHandlerDeps<E extends SenderEvent> {
  /** `dialog.showOpenDialog`, parented to the window of the event's sender. */
  showOpenDialog(event: E, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  /** `dialog.showSaveDialog`, parented to the window of the event's sender. */
  showSaveDialog(event: E, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  /** `event.sender.printToPDF(options)`: the PDF bytes of the page that made the call. */
  printToPdf(event: E, options: PrintToPDFOptions): Promise<Uint8Array>;
  /** `app.getPath('documents')`: where `report:save-pdf` proposes to save (asked when needed). */
  documentsPath(): string;
  appInfo(): AppInfo;
  /** `app.getPath('userData')`: holds the default backup folder and the backup settings. */
  userDataPath: string;
  /** Defaults to MAX_OPEN_FILE_BYTES; tests lower it. */
  maxOpenFileBytes?: number;
  /** Defaults to MAX_SAVE_FILE_BYTES; tests lower it. */
  maxSaveFileBytes?: number;
  /** Defaults to `node:fs/promises`; tests simulate crashes with it. */
  backupFs?: BackupFs;
}

function assertTrustedSender(event: SenderEvent, channel: InvokeChannel): void {
  const url = event.senderFrame?.url ?? '';
  if (!isAppUrl(url)) {
    throw new IpcRefusedError(
      `Refused ${channel} from a page that is not TEM Desk (${url || 'unknown frame'}).`,
    );
  }
}

async function readPickedFile(filePath: string, maxBytes: number): Promise<PickedFile> {
  const name = basename(filePath);
  const info = await lstat(filePath);
  if (!info.isFile()) throw new Error(`${name} is not a file.`);
  if (info.size > maxBytes) {
    throw new Error(
      `${name} is ${formatMegabytes(info.size)}; TEM Desk opens files up to ${formatMegabytes(maxBytes)}.`,
    );
  }
  const buffer = await readFile(filePath);
  // A plain Uint8Array view (no copy): Buffer is a subclass, but the contract promises Uint8Array.
  return { name, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
}

/** Registers one handler per contract channel; returns the channels registered. */
export function registerIpcHandlers<E extends SenderEvent>(
  ipcMain: IpcMainLike<E>,
  deps: IpcHandlerDeps<E>,
): InvokeChannel[] {
  const registered: InvokeChannel[] = [];
  const maxOpenFileBytes = deps.maxOpenFileBytes ?? MAX_OPEN_FILE_BYTES;
  const backupFs = deps.backupFs ?? NODE_BACKUP_FS;
  /**
   * Backup writes and folder changes run one at a time, so two writes' prunes never interleave
   * and a write never lands in a folder being replaced.
   */
  let backupQueue: Promise<unknown> = Promise.resolve();
  function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
    const run = backupQueue.then(task, task);
    backupQueue = run.catch(() => undefined);
    return run;
  }

  /** One channel: sender check, then payload check, then the typed handler. */
  function handle<C extends InvokeChannel>(
    channel: C,
    parse: (payload: unknown) => InvokeChannels[C]['request'],
    fn: (request: InvokeChannels[C]['request'], event: E) => Promise<InvokeChannels[C]['response']>,
  ): void {
    ipcMain.handle(channel, async (event, payload) => {
      assertTrustedSender(event, channel);
      return fn(parse(payload), event);
    });
    registered.push(channel);
  }

  handle('dialog:open-files', parseOpenFilesRequest, async (request, event) => {
    const options: OpenDialogOptions = {
      properties: request.multiple === false ? ['openFile'] : ['openFile', 'multiSelections'],
    };
    if (request.title !== undefined) options.title = request.title;
    if (request.filters !== undefined) options.filters = request.filters;
    const result = await deps.showOpenDialog(event, options);
    if (result.canceled) return [];
    const files: PickedFile[] = [];
    for (const filePath of result.filePaths) {
      files.push(await readPickedFile(filePath, maxOpenFileBytes));
    }
    return files;
  });

  const maxSaveFileBytes = deps.maxSaveFileBytes ?? MAX_SAVE_FILE_BYTES;
  const parseSave = (payload: unknown) => parseSaveFileRequest(payload, maxSaveFileBytes);
  handle('dialog:save-file', parseSave, async (request, event) => {
    // Only a name is proposed (the renderer never chooses a folder), and the filter is the kind's.
    const { filterName, extensions } = SAVE_FILE_KINDS[request.kind];
    const options: SaveDialogOptions = {
      defaultPath: request.suggestedName,
      filters: [{ name: filterName, extensions: [...extensions] }],
    };
    const result = await deps.showSaveDialog(event, options);
    if (result.canceled || result.filePath === undefined || result.filePath === '') {
      return { saved: false };
    }
    await writeFile(result.filePath, request.bytes);
    return { saved: true, path: result.filePath };
  });

  handle('report:save-pdf', parseSaveReportPdfRequest, async (request, event) => {
    // Print first: the PDF shows the page as it was when the user asked, and a failure to print
    // does not ask for a place to save first.
    const pdf = await deps.printToPdf(event, { ...REPORT_PDF_OPTIONS });
    const result = await deps.showSaveDialog(event, {
      title: 'Save the report as PDF',
      defaultPath: join(deps.documentsPath(), request.suggestedName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (result.canceled || result.filePath === undefined || result.filePath === '') {
      return { saved: false };
    }
    await writeFile(result.filePath, pdf);
    return { saved: true, path: result.filePath };
  });

  handle(
    'app:info',
    () => undefined,
    async () => deps.appInfo(),
  );

  handle('backup:write', parseWriteBackupRequest, (request) =>
    oneAtATime(async () => {
      const current = await readBackupFolder(deps.userDataPath, backupFs);
      await prepareBackupFolder(current, backupFs);
      return writeBackupFile(
        current.folder,
        request.fileName,
        request.bytes,
        request.keep,
        backupFs,
      );
    }),
  );

  handle(
    'backup:list',
    () => undefined,
    async () => {
      const { folder } = await readBackupFolder(deps.userDataPath, backupFs);
      return listBackupFiles(folder, backupFs);
    },
  );

  handle('backup:read', parseReadBackupRequest, async (request) => {
    const { folder } = await readBackupFolder(deps.userDataPath, backupFs);
    return readBackupFile(folder, request.name, backupFs);
  });

  handle(
    'backup:choose-folder',
    () => undefined,
    async (_request, event) => {
      const current = await readBackupFolder(deps.userDataPath, backupFs);
      // The dialog stays outside the queue: an automatic backup must not wait for the user.
      const result = await deps.showOpenDialog(event, {
        title: 'Choose the backup folder',
        defaultPath: current.folder,
        properties: ['openDirectory', 'createDirectory'],
      });
      const folder = result.filePaths[0];
      if (result.canceled || folder === undefined || folder === '') return { cancelled: true };
      return {
        folder: await oneAtATime(() => saveBackupFolder(deps.userDataPath, folder, backupFs)),
      };
    },
  );

  return registered;
}
