import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import { INVOKE_CHANNELS } from '../../shared/ipc/contract';
import type { AppInfo } from '../../shared/ipc/contract';
import { IpcRefusedError, registerIpcHandlers } from '../../electron/ipc-handlers';
import type { IpcHandlerDeps, SenderEvent } from '../../electron/ipc-handlers';

const APP_INFO: AppInfo = {
  name: 'TEM Desk',
  version: '1.2.3',
  platform: 'linux',
  electronVersion: '45.5.0',
  userDataPath: '/home/me/.config/TEM Desk',
};

const FROM_APP: SenderEvent = { senderFrame: { url: 'app://bundle/index.html' } };

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'temdesk-ipc-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Registers the handlers on a fake ipcMain; `invoke` calls one as the renderer would. */
function setup(overrides: Partial<IpcHandlerDeps<SenderEvent>> = {}) {
  const handlers = new Map<string, (event: SenderEvent, payload: unknown) => Promise<unknown>>();
  const showOpenDialog = vi.fn<
    (event: SenderEvent, options: OpenDialogOptions) => Promise<OpenDialogReturnValue>
  >(async () => ({ canceled: true, filePaths: [] }));
  const showSaveDialog = vi.fn<
    (event: SenderEvent, options: SaveDialogOptions) => Promise<SaveDialogReturnValue>
  >(async () => ({ canceled: true, filePath: '' }));
  const registered = registerIpcHandlers(
    { handle: (channel, listener) => handlers.set(channel, listener) },
    { showOpenDialog, showSaveDialog, appInfo: () => APP_INFO, ...overrides },
  );
  function invoke(channel: string, payload?: unknown, event: SenderEvent = FROM_APP) {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, payload);
  }
  return { registered, handlers, invoke, showOpenDialog, showSaveDialog };
}

describe('registerIpcHandlers', () => {
  it('handles every channel of the contract, and only those', () => {
    const { registered, handlers } = setup();
    expect([...registered].sort()).toStrictEqual([...INVOKE_CHANNELS].sort());
    expect([...handlers.keys()].sort()).toStrictEqual([...INVOKE_CHANNELS].sort());
  });
});

describe('dialog:open-files', () => {
  it('returns the name and bytes of each picked file', async () => {
    const first = join(folder, 'verizon-2024-08.csv');
    const second = join(folder, 'att-2024-08.txt');
    await writeFile(first, 'Account,Amount\n123,45.00\n');
    await writeFile(second, new Uint8Array([0xef, 0xbb, 0xbf, 0x41]));
    const { invoke, showOpenDialog } = setup();
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [first, second] });

    const files = await invoke('dialog:open-files', {
      title: 'Import bills',
      filters: [{ name: 'Bills', extensions: ['csv', 'txt'] }],
    });

    expect(showOpenDialog).toHaveBeenCalledExactlyOnceWith(FROM_APP, {
      title: 'Import bills',
      filters: [{ name: 'Bills', extensions: ['csv', 'txt'] }],
      properties: ['openFile', 'multiSelections'],
    });
    expect(files).toStrictEqual([
      {
        name: 'verizon-2024-08.csv',
        bytes: new TextEncoder().encode('Account,Amount\n123,45.00\n'),
      },
      { name: 'att-2024-08.txt', bytes: new Uint8Array([0xef, 0xbb, 0xbf, 0x41]) },
    ]);
    expect(Array.isArray(files) && files[0].bytes).toBeInstanceOf(Uint8Array);
  });

  it('picks one file when multiple is false', async () => {
    const { invoke, showOpenDialog } = setup();
    await invoke('dialog:open-files', { multiple: false });
    expect(showOpenDialog.mock.calls[0]?.[1].properties).toStrictEqual(['openFile']);
  });

  it('returns [] when the dialog is cancelled', async () => {
    const { invoke } = setup();
    expect(await invoke('dialog:open-files', {})).toStrictEqual([]);
  });

  it('refuses a file over the size limit with a clear message', async () => {
    const big = join(folder, 'huge-export.csv');
    await writeFile(big, 'x'.repeat(2 * 1024 * 1024));
    const { invoke, showOpenDialog } = setup({ maxOpenFileBytes: 1024 * 1024 });
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [big] });
    await expect(invoke('dialog:open-files', {})).rejects.toThrow(
      'huge-export.csv is 2 MB; TEM Desk opens files up to 1 MB.',
    );
  });

  it('refuses a folder', async () => {
    const { invoke, showOpenDialog } = setup();
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
    await expect(invoke('dialog:open-files', {})).rejects.toThrow('is not a file');
  });
});

describe('dialog:save-file', () => {
  it('writes the bytes where the user chose and reports the path', async () => {
    const target = join(folder, 'chargeback-2024-08.csv');
    const { invoke, showSaveDialog } = setup();
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const bytes = new TextEncoder().encode('Cost center,Amount\nIT,120.30\n');

    const result = await invoke('dialog:save-file', {
      suggestedName: 'chargeback-2024-08.csv',
      bytes,
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });

    expect(result).toStrictEqual({ saved: true, path: target });
    expect(new Uint8Array(await readFile(target))).toStrictEqual(bytes);
    expect(showSaveDialog).toHaveBeenCalledExactlyOnceWith(FROM_APP, {
      defaultPath: 'chargeback-2024-08.csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
  });

  it('proposes a name only, never a folder chosen by the page', async () => {
    const { invoke, showSaveDialog } = setup();
    await invoke('dialog:save-file', { suggestedName: '../../.bashrc', bytes: new Uint8Array() });
    expect(showSaveDialog.mock.calls[0]?.[1].defaultPath).toBe('.bashrc');
  });

  it('reports { saved: false } when the dialog is cancelled', async () => {
    const { invoke } = setup();
    const result = await invoke('dialog:save-file', {
      suggestedName: 'x.csv',
      bytes: new Uint8Array([1]),
    });
    expect(result).toStrictEqual({ saved: false });
  });
});

describe('app:info', () => {
  it('returns the app info', async () => {
    const { invoke } = setup();
    expect(await invoke('app:info')).toStrictEqual(APP_INFO);
  });
});

describe('sender validation', () => {
  it.each([
    ['a website', { senderFrame: { url: 'https://evil.example/' } }],
    ['a local file', { senderFrame: { url: 'file:///tmp/bill.html' } }],
    ['another app:// host', { senderFrame: { url: 'app://evil/index.html' } }],
    ['a dev server', { senderFrame: { url: 'http://localhost:5173/' } }],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses every channel called from %s', async (_label, event: SenderEvent) => {
    const { invoke, showOpenDialog, showSaveDialog } = setup();
    for (const channel of INVOKE_CHANNELS) {
      const payload =
        channel === 'dialog:save-file' ? { suggestedName: 'x', bytes: new Uint8Array() } : {};
      await expect(invoke(channel, payload, event)).rejects.toBeInstanceOf(IpcRefusedError);
    }
    expect(showOpenDialog).not.toHaveBeenCalled();
    expect(showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('payload validation', () => {
  it.each([
    ['not an object', 'bills.csv'],
    ['a text "multiple"', { multiple: 'yes' }],
    ['a numeric title', { title: 42 }],
    ['filters that are not a list', { filters: 'csv' }],
    ['filters without extensions', { filters: [{ name: 'Bills' }] }],
    ['numeric extensions', { filters: [{ name: 'Bills', extensions: [1] }] }],
  ])('dialog:open-files refuses %s', async (_label, payload) => {
    const { invoke, showOpenDialog } = setup();
    await expect(invoke('dialog:open-files', payload)).rejects.toBeInstanceOf(IpcRefusedError);
    expect(showOpenDialog).not.toHaveBeenCalled();
  });

  it.each([
    ['nothing', undefined],
    ['bytes as a list of numbers', { suggestedName: 'x.csv', bytes: [1, 2, 3] }],
    ['bytes as text', { suggestedName: 'x.csv', bytes: 'a,b,c' }],
    ['bytes as an ArrayBuffer', { suggestedName: 'x.csv', bytes: new ArrayBuffer(3) }],
    ['no bytes', { suggestedName: 'x.csv' }],
    ['a numeric name', { suggestedName: 7, bytes: new Uint8Array() }],
    ['an empty name', { suggestedName: '  ', bytes: new Uint8Array() }],
    ['bad filters', { suggestedName: 'x.csv', bytes: new Uint8Array(), filters: [null] }],
  ])('dialog:save-file refuses %s', async (_label, payload) => {
    const { invoke, showSaveDialog } = setup();
    await expect(invoke('dialog:save-file', payload)).rejects.toBeInstanceOf(IpcRefusedError);
    expect(showSaveDialog).not.toHaveBeenCalled();
  });
});
