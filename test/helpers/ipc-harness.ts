/**
 * The main-process IPC handlers on a fake `ipcMain`, with Electron's dialogs and printing as
 * mocks and a fresh temporary folder per test (call {@link useIpcTempFolders} in the test file).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import type {
  OpenDialogOptions,
  OpenDialogReturnValue,
  PrintToPDFOptions,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import type { AppInfo } from '../../shared/ipc/contract';
import { registerIpcHandlers } from '../../electron/ipc-handlers';
import type { IpcHandlerDeps, SenderEvent } from '../../electron/ipc-handlers';

export const APP_INFO: AppInfo = {
  name: 'TEM Desk',
  version: '1.2.3',
  platform: 'linux',
  electronVersion: '45.5.0',
  userDataPath: '/home/me/.config/TEM Desk',
};

/** An invoke from the app's own page. */
export const FROM_APP: SenderEvent = { senderFrame: { url: 'app://bundle/index.html' } };

/** This test's temporary folder (a live binding, set before each test). */
export let folder: string;
/** A stand-in for `app.getPath('userData')`, inside `folder`. */
export let userData: string;
/** A stand-in for `app.getPath('documents')`, inside `folder`. */
export let documents: string;

/** What the fake `webContents.printToPDF` returns: the start of a real PDF. */
export const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n%fake report\n%%EOF\n');

/** Gives each test of the calling file its own `folder`, removed afterwards. */
export function useIpcTempFolders(): void {
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'temdesk-ipc-'));
    userData = join(folder, 'user-data');
    documents = join(folder, 'Documents');
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });
}

/** Registers the handlers on a fake ipcMain; `invoke` calls one as the renderer would. */
export function setup(overrides: Partial<IpcHandlerDeps<SenderEvent>> = {}) {
  const handlers = new Map<string, (event: SenderEvent, payload: unknown) => Promise<unknown>>();
  const showOpenDialog = vi.fn<
    (event: SenderEvent, options: OpenDialogOptions) => Promise<OpenDialogReturnValue>
  >(async () => ({ canceled: true, filePaths: [] }));
  const showSaveDialog = vi.fn<
    (event: SenderEvent, options: SaveDialogOptions) => Promise<SaveDialogReturnValue>
  >(async () => ({ canceled: true, filePath: '' }));
  const printToPdf = vi.fn<(event: SenderEvent, options: PrintToPDFOptions) => Promise<Uint8Array>>(
    async () => PDF_BYTES,
  );
  const registered = registerIpcHandlers(
    { handle: (channel, listener) => handlers.set(channel, listener) },
    {
      showOpenDialog,
      showSaveDialog,
      printToPdf,
      documentsPath: () => documents,
      appInfo: () => APP_INFO,
      userDataPath: userData,
      ...overrides,
    },
  );
  function invoke(channel: string, payload?: unknown, event: SenderEvent = FROM_APP) {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, payload);
  }
  return { registered, handlers, invoke, showOpenDialog, showSaveDialog, printToPdf };
}
