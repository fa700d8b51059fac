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
import {
  MAX_PDF_NAME_LENGTH,
  MAX_SAVE_FILE_BYTES,
  MAX_SAVE_NAME_LENGTH,
  SAVE_FILE_KINDS,
} from '../shared/ipc/contract';
import type {
  AppInfo,
  FileFilter,
  InvokeChannel,
  InvokeChannels,
  OpenFilesRequest,
  PickedFile,
  ReadBackupRequest,
  SaveFileKind,
  SaveFileRequest,
  SaveReportPdfRequest,
  WriteBackupRequest,
} from '../shared/ipc/contract';
import {
  MAX_BACKUPS_KEPT,
  MIN_BACKUPS_KEPT,
  NODE_BACKUP_FS,
  isSafeBackupName,
  listBackupFiles,
  prepareBackupFolder,
  readBackupFile,
  readBackupFolder,
  saveBackupFolder,
  writeBackupFile,
} from './backups';
import type { BackupFs } from './backups';
import { isAppUrl } from './security';

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

/** Thrown for a refused call; the renderer's `invoke` rejects with its message. */
export class IpcRefusedError extends Error {
  override name = 'IpcRefusedError';
}

function assertTrustedSender(event: SenderEvent, channel: InvokeChannel): void {
  const url = event.senderFrame?.url ?? '';
  if (!isAppUrl(url)) {
    throw new IpcRefusedError(
      `Refused ${channel} from a page that is not TEM Desk (${url || 'unknown frame'}).`,
    );
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFilters(value: unknown, channel: InvokeChannel): FileFilter[] | undefined {
  if (value === undefined) return undefined;
  if (
    !Array.isArray(value) ||
    !value.every(
      (filter: unknown) =>
        isRecord(filter) &&
        typeof filter.name === 'string' &&
        Array.isArray(filter.extensions) &&
        filter.extensions.every((extension: unknown) => typeof extension === 'string'),
    )
  ) {
    throw new IpcRefusedError(`${channel}: "filters" must be a list of { name, extensions[] }.`);
  }
  return (value as FileFilter[]).map(({ name, extensions }) => ({
    name,
    extensions: [...extensions],
  }));
}

function optionalString(value: unknown, field: string, channel: InvokeChannel): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw new IpcRefusedError(`${channel}: "${field}" must be text.`);
}

/** Checks the shape of an `OpenFilesRequest` coming from the renderer. */
export function parseOpenFilesRequest(payload: unknown): OpenFilesRequest {
  const channel = 'dialog:open-files';
  if (payload === undefined) return {};
  if (!isRecord(payload)) throw new IpcRefusedError(`${channel}: the request must be an object.`);
  const { title, filters, multiple } = payload;
  if (multiple !== undefined && typeof multiple !== 'boolean') {
    throw new IpcRefusedError(`${channel}: "multiple" must be true or false.`);
  }
  const request: OpenFilesRequest = {};
  const parsedTitle = optionalString(title, 'title', channel);
  if (parsedTitle !== undefined) request.title = parsedTitle;
  const parsedFilters = parseFilters(filters, channel);
  if (parsedFilters !== undefined) request.filters = parsedFilters;
  if (multiple !== undefined) request.multiple = multiple;
  return request;
}

/** Characters Windows refuses in a file name, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME_CHARACTERS = /[<>:"|?*\u0000-\u001f\u007f]/g;

/**
 * What is left of a proposed name as a plain file name: whatever precedes the last `/` or `\`
 * (on any system) is dropped, and characters Windows refuses become `-`.
 */
function plainFileName(suggested: string): string {
  return (suggested.split(/[/\\]/).at(-1) ?? '').replace(UNSAFE_NAME_CHARACTERS, '-');
}

/** Leading dots would hide the file; trailing dots and spaces are dropped by Windows. */
function trimDotsAndSpaces(name: string): string {
  return name.replace(/^[\s.]+|[\s.]+$/g, '');
}

/**
 * A proposed name reduced to a plain file name (see {@link plainFileName}) that ends in one of
 * `extensions`; the first is added when it ends in none of them (`invoice.exe` → `invoice.exe.csv`).
 * Returns '' when no name is left.
 */
export function safeFileName(suggested: string, extensions: readonly string[]): string {
  const name = trimDotsAndSpaces(plainFileName(suggested));
  if (name === '') return '';
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return extensions.includes(extension) ? name : `${name}.${extensions[0] ?? 'bin'}`;
}

function isSaveFileKind(value: unknown): value is SaveFileKind {
  return typeof value === 'string' && Object.hasOwn(SAVE_FILE_KINDS, value);
}

/**
 * Checks a `SaveFileRequest` coming from the renderer: a known kind, a name of at most
 * MAX_SAVE_NAME_LENGTH characters (returned as a safe name with an extension of the kind), bytes
 * within `maxBytes`, and nothing else (a page cannot pass a filter or a folder).
 */
export function parseSaveFileRequest(
  payload: unknown,
  maxBytes: number = MAX_SAVE_FILE_BYTES,
): SaveFileRequest {
  const channel = 'dialog:save-file';
  if (!isRecord(payload)) throw new IpcRefusedError(`${channel}: the request must be an object.`);
  const { kind, suggestedName, bytes, ...rest } = payload;
  const extra = Object.keys(rest);
  if (extra.length > 0) {
    throw new IpcRefusedError(`${channel}: unexpected field "${extra.join('", "')}".`);
  }
  if (!isSaveFileKind(kind)) {
    throw new IpcRefusedError(
      `${channel}: "kind" must be one of ${Object.keys(SAVE_FILE_KINDS).join(', ')}.`,
    );
  }
  if (typeof suggestedName !== 'string' || suggestedName.length > MAX_SAVE_NAME_LENGTH) {
    throw new IpcRefusedError(
      `${channel}: "suggestedName" must be a file name of at most ${MAX_SAVE_NAME_LENGTH} characters.`,
    );
  }
  const name = safeFileName(suggestedName, SAVE_FILE_KINDS[kind].extensions);
  if (name === '') throw new IpcRefusedError(`${channel}: "suggestedName" must be a file name.`);
  if (!(bytes instanceof Uint8Array)) {
    throw new IpcRefusedError(`${channel}: "bytes" must be a Uint8Array.`);
  }
  if (bytes.byteLength > maxBytes) {
    throw new IpcRefusedError(
      `${name} is ${formatMegabytes(bytes.byteLength)}; TEM Desk saves files up to ${formatMegabytes(maxBytes)}.`,
    );
  }
  return { kind, suggestedName: name, bytes };
}

/**
 * A proposed PDF name reduced to a plain file name (see {@link plainFileName}) ending in `.pdf`.
 * Returns '' when no name is left.
 */
export function safePdfName(suggested: string): string {
  const stem = trimDotsAndSpaces(plainFileName(suggested).replace(/\.pdf$/i, ''));
  return stem === '' ? '' : `${stem}.pdf`;
}

/** Checks the shape of a `SaveReportPdfRequest` coming from the renderer; returns a safe name. */
export function parseSaveReportPdfRequest(payload: unknown): SaveReportPdfRequest {
  const channel = 'report:save-pdf';
  if (!isRecord(payload)) throw new IpcRefusedError(`${channel}: the request must be an object.`);
  const { suggestedName } = payload;
  if (typeof suggestedName !== 'string' || suggestedName.length > MAX_PDF_NAME_LENGTH) {
    throw new IpcRefusedError(
      `${channel}: "suggestedName" must be a file name of at most ${MAX_PDF_NAME_LENGTH} characters.`,
    );
  }
  const name = safePdfName(suggestedName);
  if (name === '') throw new IpcRefusedError(`${channel}: "suggestedName" must be a file name.`);
  return { suggestedName: name };
}

function parseBackupName(value: unknown, field: string, channel: InvokeChannel): string {
  if (typeof value !== 'string' || !isSafeBackupName(value)) {
    throw new IpcRefusedError(
      `${channel}: "${field}" must be the name of a .temdesk file, without a folder.`,
    );
  }
  return value;
}

/** Checks the shape of a `WriteBackupRequest` coming from the renderer. */
export function parseWriteBackupRequest(payload: unknown): WriteBackupRequest {
  const channel = 'backup:write';
  if (!isRecord(payload)) throw new IpcRefusedError(`${channel}: the request must be an object.`);
  const { fileName, bytes, keep } = payload;
  const name = parseBackupName(fileName, 'fileName', channel);
  if (!(bytes instanceof Uint8Array)) {
    throw new IpcRefusedError(`${channel}: "bytes" must be a Uint8Array.`);
  }
  if (
    typeof keep !== 'number' ||
    !Number.isInteger(keep) ||
    keep < MIN_BACKUPS_KEPT ||
    keep > MAX_BACKUPS_KEPT
  ) {
    throw new IpcRefusedError(
      `${channel}: "keep" must be a whole number from ${MIN_BACKUPS_KEPT} to ${MAX_BACKUPS_KEPT}.`,
    );
  }
  return { fileName: name, bytes, keep };
}

/** Checks the shape of a `ReadBackupRequest` coming from the renderer. */
export function parseReadBackupRequest(payload: unknown): ReadBackupRequest {
  const channel = 'backup:read';
  if (!isRecord(payload)) throw new IpcRefusedError(`${channel}: the request must be an object.`);
  return { name: parseBackupName(payload.name, 'name', channel) };
}

function formatMegabytes(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024))} MB`;
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
