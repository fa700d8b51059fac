/** The renderer's "Save as PDF": the Electron bridge's `saveReportPdf`, absent in a browser. */
import { describe, expect, it, vi } from 'vitest';
import type { SaveFileResult, TemDeskBridge } from '../../shared/ipc/contract';
import { browserPlatform } from '../../renderer/platform/browser';
import { electronPlatform } from '../../renderer/platform/electron';

function fakeBridge(result: Promise<SaveFileResult>) {
  const saveReportPdf = vi.fn<TemDeskBridge['saveReportPdf']>(() => result);
  const unused = async (): Promise<never> => {
    throw new Error('not used');
  };
  const bridge: TemDeskBridge = {
    openFiles: unused,
    saveFile: unused,
    appInfo: unused,
    writeBackup: unused,
    listBackups: unused,
    readBackup: unused,
    chooseBackupFolder: unused,
    saveReportPdf,
    onMenuCommand: () => () => undefined,
  };
  return { bridge, saveReportPdf };
}

describe('platform savePagePdf', () => {
  it('in Electron, asks the bridge to save the page under the suggested name', async () => {
    const { bridge, saveReportPdf } = fakeBridge(
      Promise.resolve({ saved: true, path: '/home/me/Documents/TEM Desk report 2026-10.pdf' }),
    );
    const savePagePdf = electronPlatform(bridge).savePagePdf;
    if (!savePagePdf) throw new Error('Electron must offer savePagePdf');

    expect(await savePagePdf('TEM Desk report 2026-10.pdf')).toStrictEqual({
      saved: true,
      path: '/home/me/Documents/TEM Desk report 2026-10.pdf',
    });
    expect(saveReportPdf).toHaveBeenCalledExactlyOnceWith({
      suggestedName: 'TEM Desk report 2026-10.pdf',
    });
  });

  it('in Electron, passes a cancel and a failure through', async () => {
    const cancelled = fakeBridge(Promise.resolve({ saved: false }));
    expect(await electronPlatform(cancelled.bridge).savePagePdf?.('x.pdf')).toStrictEqual({
      saved: false,
    });
    const failed = fakeBridge(Promise.reject(new Error('disk full')));
    await expect(electronPlatform(failed.bridge).savePagePdf?.('x.pdf')).rejects.toThrow(
      'disk full',
    );
  });

  it('in a browser, there is none (the UI opens the print dialog instead)', () => {
    expect(browserPlatform().savePagePdf).toBeUndefined();
  });
});
