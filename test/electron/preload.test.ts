import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, MENU_COMMAND_CHANNEL } from '../../shared/ipc/contract';
import type { TemDeskBridge } from '../../shared/ipc/contract';

type RendererListener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>() },
  ipcRenderer: {
    invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined),
    on: vi.fn<(channel: string, listener: RendererListener) => void>(),
    removeListener: vi.fn<(channel: string, listener: RendererListener) => void>(),
  },
}));
vi.mock('electron', () => electron);

await import('../../electron/preload');

/** Every member of TemDeskBridge; the type below fails to compile if one is missing here. */
const BRIDGE_MEMBERS = [
  'appInfo',
  'chooseBackupFolder',
  'listBackups',
  'onMenuCommand',
  'openFiles',
  'readBackup',
  'saveFile',
  'saveReportPdf',
  'writeBackup',
] as const satisfies readonly (keyof TemDeskBridge)[];
type Missing = Exclude<keyof TemDeskBridge, (typeof BRIDGE_MEMBERS)[number]>;
const everyMemberListed: [Missing] extends [never] ? true : false = true;

function exposed(): Record<string, unknown> {
  const call = electron.contextBridge.exposeInMainWorld.mock.calls[0];
  if (!call) throw new Error('nothing was exposed');
  const [, api] = call;
  if (typeof api !== 'object' || api === null) throw new Error('the bridge is not an object');
  return { ...api };
}

function bridge(): TemDeskBridge {
  // Checked member by member by the first test; this is how the renderer sees it.
  return exposed() as unknown as TemDeskBridge;
}

describe('the preload', () => {
  it('exposes exactly the named functions of TemDeskBridge under window.temDesk', () => {
    expect(everyMemberListed).toBe(true);
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(electron.contextBridge.exposeInMainWorld.mock.calls[0]?.[0]).toBe(BRIDGE_GLOBAL);
    const api = exposed();
    expect(Object.keys(api).sort()).toStrictEqual([...BRIDGE_MEMBERS]);
    for (const member of BRIDGE_MEMBERS) expect(typeof api[member]).toBe('function');
  });

  it('never hands out ipcRenderer or its methods', () => {
    const values = Object.values(exposed());
    expect(values).not.toContain(electron.ipcRenderer);
    expect(values).not.toContain(electron.ipcRenderer.invoke);
    expect(values).not.toContain(electron.ipcRenderer.on);
  });

  it('invokes the contract channels', async () => {
    const request = { kind: 'csv' as const, suggestedName: 'a.csv', bytes: new Uint8Array([1]) };
    await bridge().openFiles({ multiple: false });
    await bridge().saveFile(request);
    await bridge().appInfo();
    const backup = { fileName: 'a.temdesk', bytes: new Uint8Array([2]), keep: 10 };
    await bridge().writeBackup(backup);
    await bridge().listBackups();
    await bridge().readBackup({ name: 'a.temdesk' });
    await bridge().chooseBackupFolder();
    await bridge().saveReportPdf({ suggestedName: 'TEM Desk report 2026-10.pdf' });
    expect(electron.ipcRenderer.invoke.mock.calls).toStrictEqual([
      ['dialog:open-files', { multiple: false }],
      ['dialog:save-file', request],
      ['app:info', undefined],
      ['backup:write', backup],
      ['backup:list', undefined],
      ['backup:read', { name: 'a.temdesk' }],
      ['backup:choose-folder', undefined],
      ['report:save-pdf', { suggestedName: 'TEM Desk report 2026-10.pdf' }],
    ]);
  });

  it('keeps a menu command sent before the page listens, and hands it to the first listener', () => {
    const [channel, receive] = electron.ipcRenderer.on.mock.calls[0] ?? [];
    expect(channel).toBe(MENU_COMMAND_CHANNEL);
    if (!receive) throw new Error('no IPC listener registered');
    receive({ sender: electron.ipcRenderer }, 'enter-invoice');
    const listener = vi.fn();
    const unsubscribe = bridge().onMenuCommand(listener);
    expect(listener).toHaveBeenCalledExactlyOnceWith('enter-invoice');
    unsubscribe();
    // Handed over once: a later listener does not get it again.
    const later = vi.fn();
    bridge().onMenuCommand(later)();
    expect(later).not.toHaveBeenCalled();
  });

  it('passes menu commands without the IPC event, and unsubscribes', () => {
    const [, receive] = electron.ipcRenderer.on.mock.calls[0] ?? [];
    if (!receive) throw new Error('no IPC listener registered');
    const listener = vi.fn();
    const unsubscribe = bridge().onMenuCommand(listener);
    receive({ sender: electron.ipcRenderer }, 'import-bills');
    expect(listener).toHaveBeenCalledExactlyOnceWith('import-bills');

    unsubscribe();
    receive({ sender: electron.ipcRenderer }, 'import-bills');
    expect(listener).toHaveBeenCalledOnce();
    // One IPC listener for the page's lifetime: the bridge never adds or removes its own.
    expect(electron.ipcRenderer.on).toHaveBeenCalledOnce();
    expect(electron.ipcRenderer.removeListener).not.toHaveBeenCalled();
  });
});
