/** The renderer's view of backups on disk: present through the Electron bridge, absent in a browser. */
import { describe, expect, it, vi } from 'vitest';
import type { TemDeskBridge } from '../../shared/ipc/contract';
import { browserPlatform } from '../../renderer/platform/browser';
import { electronPlatform } from '../../renderer/platform/electron';

function fakeBridge(): TemDeskBridge {
  return {
    openFiles: vi.fn(async () => []),
    saveFile: vi.fn(async () => ({ saved: false as const })),
    appInfo: vi.fn(async () => {
      throw new Error('not used');
    }),
    writeBackup: vi.fn(async () => ({ path: '/b/a.temdesk', removed: ['old.temdesk'] })),
    listBackups: vi.fn(async () => ({ folder: '/b', files: [] })),
    readBackup: vi.fn(async () => new Uint8Array([7])),
    chooseBackupFolder: vi.fn(async () => ({ cancelled: true as const })),
    saveReportPdf: vi.fn(async () => ({ saved: false as const })),
    onMenuCommand: vi.fn(() => () => undefined),
  };
}

describe('platform backups', () => {
  it('in Electron, calls the bridge with contract requests', async () => {
    const bridge = fakeBridge();
    const backups = electronPlatform(bridge).backups;
    if (!backups) throw new Error('Electron must offer backups');
    const bytes = new Uint8Array([1, 2]);

    expect(await backups.write('a.temdesk', bytes, 10)).toStrictEqual({
      path: '/b/a.temdesk',
      removed: ['old.temdesk'],
    });
    expect(await backups.list()).toStrictEqual({ folder: '/b', files: [] });
    expect(await backups.read('a.temdesk')).toStrictEqual(new Uint8Array([7]));
    expect(await backups.chooseFolder()).toStrictEqual({ cancelled: true });

    expect(bridge.writeBackup).toHaveBeenCalledExactlyOnceWith({
      fileName: 'a.temdesk',
      bytes,
      keep: 10,
    });
    expect(bridge.readBackup).toHaveBeenCalledExactlyOnceWith({ name: 'a.temdesk' });
  });

  it('in a browser, there are none (the UI reminds the user to download backups)', () => {
    expect(browserPlatform().backups).toBeUndefined();
  });
});
