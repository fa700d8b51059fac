/**
 * Wiring of electron/main.ts, with the whole `electron` module replaced by recording fakes:
 * what happens before `ready`, what happens after, and that the pieces are the secure ones.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY, secureWebPreferences } from '../../electron/security';
import { bringToFront, claimSingleInstance } from '../../electron/single-instance';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    hasLock: true,
    appPath: '',
    userData: '',
    documents: '',
    resolveReady: (): void => undefined,
  };
  const appListeners = new Map<string, Listener>();
  const windows: FakeBrowserWindow[] = [];

  class FakeBrowserWindow {
    static fromWebContents = vi.fn((_contents: unknown): FakeBrowserWindow | null => null);
    static getFocusedWindow = vi.fn(() => null);
    readonly webContents = { send: vi.fn() };
    readonly listeners = new Map<string, Listener>();
    readonly loadURL = vi.fn(async () => undefined);
    readonly show = vi.fn();
    readonly maximize = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1280, height: 800 };
    }
    isMaximized() {
      return false;
    }
  }

  const permissionHandlers: { request?: Listener; check?: Listener } = {};
  const webRequest: { beforeRequest?: Listener; headersReceived?: Listener } = {};

  const electron = {
    app: {
      requestSingleInstanceLock: vi.fn(() => state.hasLock),
      quit: vi.fn(),
      on: vi.fn((event: string, listener: Listener) => appListeners.set(event, listener)),
      whenReady: vi.fn(
        () =>
          new Promise<void>((resolve) => {
            state.resolveReady = resolve;
          }),
      ),
      isReady: vi.fn(() => true),
      getAppPath: vi.fn(() => state.appPath),
      getPath: vi.fn((name: string) => (name === 'documents' ? state.documents : state.userData)),
      getVersion: vi.fn(() => '1.2.3'),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn((h: Listener) => (permissionHandlers.request = h)),
        setPermissionCheckHandler: vi.fn((h: Listener) => (permissionHandlers.check = h)),
        webRequest: {
          onBeforeRequest: vi.fn((l: Listener) => (webRequest.beforeRequest = l)),
          onHeadersReceived: vi.fn((l: Listener) => (webRequest.headersReceived = l)),
        },
      },
    },
    ipcMain: { handle: vi.fn() },
    Menu: {
      setApplicationMenu: vi.fn(),
      buildFromTemplate: vi.fn((template: unknown) => template),
    },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn() },
    screen: {
      getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]),
    },
    BrowserWindow: FakeBrowserWindow,
  };
  return { state, electron, appListeners, windows, permissionHandlers, webRequest };
});

vi.mock('electron', () => fake.electron);

let appPath: string;

beforeEach(async () => {
  vi.resetModules();
  vi.clearAllMocks();
  fake.appListeners.clear();
  fake.windows.length = 0;
  fake.state.hasLock = true;
  appPath = await mkdtemp(join(tmpdir(), 'temdesk-main-'));
  await mkdir(join(appPath, 'dist', 'renderer'), { recursive: true });
  await writeFile(join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html>');
  fake.state.appPath = appPath;
  fake.state.userData = join(appPath, 'user-data');
  fake.state.documents = join(appPath, 'Documents');
});

afterEach(async () => {
  await rm(appPath, { recursive: true, force: true });
});

/** Imports main.ts (which starts itself), then lets `ready` fire and its handler finish. */
async function startAndBecomeReady(): Promise<void> {
  await import('../../electron/main');
  fake.state.resolveReady();
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
}

describe('before ready', () => {
  it('registers the privileged app:// scheme and creates nothing yet', async () => {
    await import('../../electron/main');
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.electron.protocol.handle).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
    expect(fake.appListeners.has('web-contents-created')).toBe(true);
  });
});

describe('after ready', () => {
  it('creates the window with exactly the secure web preferences and loads app://', async () => {
    await startAndBecomeReady();
    const window = fake.windows[0];
    expect(window?.options.webPreferences).toStrictEqual(
      secureWebPreferences(join(appPath, 'dist-electron', 'preload.cjs')),
    );
    expect(window?.loadURL).toHaveBeenCalledWith('app://bundle/index.html');
    expect(window?.options.show).toBe(false);
  });

  it('serves dist/renderer through app:// with the CSP header', async () => {
    await startAndBecomeReady();
    const [scheme, handler] = fake.electron.protocol.handle.mock.calls[0] ?? [];
    expect(scheme).toBe('app');
    const serve = handler as (request: Request) => Promise<Response>;
    const response = await serve(new Request('app://bundle/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html>');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    const escape = await serve(new Request('app://bundle/..%2f..%2fetc%2fpasswd'));
    expect(escape.status).toBe(404);
  });

  it('denies permissions and cancels non-app requests on the default session', async () => {
    await startAndBecomeReady();
    const callback = vi.fn();
    fake.permissionHandlers.request?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(fake.permissionHandlers.check?.()).toBe(false);
    const requestCallback = vi.fn();
    fake.webRequest.beforeRequest?.({ url: 'https://example.com/' }, requestCallback);
    expect(requestCallback).toHaveBeenCalledWith({ cancel: true });
  });

  it('hardens every webContents that is created', async () => {
    await startAndBecomeReady();
    const listeners = new Map<string, Listener>();
    const setWindowOpenHandler = vi.fn();
    const contents = {
      on: (event: string, listener: Listener) => listeners.set(event, listener),
      setWindowOpenHandler,
    };
    fake.appListeners.get('web-contents-created')?.({}, contents);
    const preventDefault = vi.fn();
    listeners.get('will-navigate')?.({ preventDefault }, 'https://example.com/');
    expect(preventDefault).toHaveBeenCalled();
    const openHandler = setWindowOpenHandler.mock.calls[0]?.[0] as (() => unknown) | undefined;
    expect(openHandler?.()).toStrictEqual({ action: 'deny' });
  });

  it('registers every IPC channel and installs the menu', async () => {
    await startAndBecomeReady();
    const channels = fake.electron.ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect([...channels].sort()).toStrictEqual([...INVOKE_CHANNELS].sort());
    expect(fake.electron.Menu.setApplicationMenu).toHaveBeenCalledOnce();
  });

  it('saves the report PDF from the sender webContents through a Save dialog on its window', async () => {
    await startAndBecomeReady();
    const handler = fake.electron.ipcMain.handle.mock.calls.find(
      ([channel]) => channel === 'report:save-pdf',
    )?.[1] as ((event: unknown, payload: unknown) => Promise<unknown>) | undefined;
    if (!handler) throw new Error('report:save-pdf is not registered');
    const window = fake.windows[0];
    const pdf = Buffer.from('%PDF-1.7 report');
    const sender = { printToPDF: vi.fn(async () => pdf) };
    const target = join(appPath, 'report.pdf');
    fake.electron.BrowserWindow.fromWebContents.mockImplementationOnce((contents) =>
      contents === sender ? (window ?? null) : null,
    );
    fake.electron.dialog.showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: target,
    });

    const result = await handler(
      { sender, senderFrame: { url: 'app://bundle/index.html' } },
      { suggestedName: 'TEM Desk report 2026-10.pdf' },
    );

    expect(result).toStrictEqual({ saved: true, path: target });
    expect(sender.printToPDF).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ pageSize: 'Letter', printBackground: true }),
    );
    expect(fake.electron.dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(
      window,
      expect.objectContaining({
        defaultPath: join(appPath, 'Documents', 'TEM Desk report 2026-10.pdf'),
      }),
    );
    expect(await readFile(target)).toStrictEqual(pdf);
  });

  it('sends menu commands to the main window', async () => {
    await startAndBecomeReady();
    const template = fake.electron.Menu.buildFromTemplate.mock.calls[0]?.[0] as {
      label?: string;
      submenu?: { label?: string; click?: () => void }[];
    }[];
    const file = template.find((menu) => menu.label === 'File');
    file?.submenu?.find((item) => item.label === 'Import bills…')?.click?.();
    expect(fake.windows[0]?.webContents.send).toHaveBeenCalledWith('menu:command', 'import-bills');
  });
});

describe('single instance', () => {
  it('quits, and builds nothing, when another TEM Desk holds the lock', async () => {
    fake.state.hasLock = false;
    await import('../../electron/main');
    expect(fake.electron.app.quit).toHaveBeenCalledOnce();
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled();
    expect(fake.electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
  });

  it('brings the first window to the front when a second instance starts', async () => {
    await startAndBecomeReady();
    expect(fake.electron.app.quit).not.toHaveBeenCalled();
    expect(fake.appListeners.has('second-instance')).toBe(true);
  });

  it('claimSingleInstance focuses the existing window on second-instance', () => {
    let onSecond: (() => void) | undefined;
    const focus = vi.fn();
    const app = {
      requestSingleInstanceLock: () => true,
      quit: vi.fn(),
      on: (_event: 'second-instance', listener: () => void) => (onSecond = listener),
    };
    expect(claimSingleInstance(app, focus)).toBe(true);
    onSecond?.();
    expect(focus).toHaveBeenCalledOnce();
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('bringToFront restores a minimized window', () => {
    const window = {
      isMinimized: () => true,
      restore: vi.fn(),
      show: vi.fn(),
      focus: vi.fn(),
    };
    bringToFront(window);
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(() => bringToFront(null)).not.toThrow();
  });
});
