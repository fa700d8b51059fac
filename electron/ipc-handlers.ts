/**
 * Main-process side of the IPC contract (`shared/ipc/contract.ts`). Every channel of
 * `InvokeChannels` has exactly one handler here, typed from the contract.
 *
 * Two checks run before any handler, because the renderer parses untrusted bill files:
 * - the sender: only frames served from the app's own `app://` origin may call (VS Code's
 *   `validateIPC` habit) — an iframe or a page navigated elsewhere is refused;
 * - the payload: its shape is checked at run time; TypeScript types do not cross the process line.
 */
import { lstat, readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type {
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import type {
  AppInfo,
  FileFilter,
  InvokeChannel,
  InvokeChannels,
  OpenFilesRequest,
  PickedFile,
  SaveFileRequest,
} from '../shared/ipc/contract';
import { isAppUrl } from './security';

/** Largest file `dialog:open-files` reads into memory. */
export const MAX_OPEN_FILE_BYTES = 500 * 1024 * 1024;

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
  appInfo(): AppInfo;
  /** Defaults to MAX_OPEN_FILE_BYTES; tests lower it. */
  maxOpenFileBytes?: number;
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

/** Checks the shape of a `SaveFileRequest` coming from the renderer. */
export function parseSaveFileRequest(payload: unknown): SaveFileRequest {
  const channel = 'dialog:save-file';
  if (!isRecord(payload)) throw new IpcRefusedError(`${channel}: the request must be an object.`);
  const { suggestedName, bytes, filters } = payload;
  if (typeof suggestedName !== 'string' || suggestedName.trim() === '') {
    throw new IpcRefusedError(`${channel}: "suggestedName" must be a file name.`);
  }
  if (!(bytes instanceof Uint8Array)) {
    throw new IpcRefusedError(`${channel}: "bytes" must be a Uint8Array.`);
  }
  const request: SaveFileRequest = { suggestedName, bytes };
  const parsedFilters = parseFilters(filters, channel);
  if (parsedFilters !== undefined) request.filters = parsedFilters;
  return request;
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

  handle('dialog:save-file', parseSaveFileRequest, async (request, event) => {
    // Only a name is proposed: the renderer never chooses a folder.
    const options: SaveDialogOptions = { defaultPath: basename(request.suggestedName) };
    if (request.filters !== undefined) options.filters = request.filters;
    const result = await deps.showSaveDialog(event, options);
    if (result.canceled || result.filePath === undefined || result.filePath === '') {
      return { saved: false };
    }
    await writeFile(result.filePath, request.bytes);
    return { saved: true, path: result.filePath };
  });

  handle(
    'app:info',
    () => undefined,
    async () => deps.appInfo(),
  );

  return registered;
}
