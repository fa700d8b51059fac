/** The renderer's saveFile in Electron: the kind of file travels to the main process. */
import { describe, expect, it, vi } from 'vitest';
import type { TemDeskBridge } from '../../shared/ipc/contract';
import { electronPlatform } from '../../renderer/platform/electron';

describe('platform saveFile in Electron', () => {
  it('passes the kind, the name and the bytes, and nothing else', async () => {
    const saveFile = vi.fn<TemDeskBridge['saveFile']>(async () => ({ saved: false }));
    const bridge = { saveFile } as Partial<TemDeskBridge> as TemDeskBridge;
    const bytes = new Uint8Array([1, 2]);
    await electronPlatform(bridge).saveFile('renewals.ics', bytes, 'ics');
    expect(saveFile).toHaveBeenCalledExactlyOnceWith({
      kind: 'ics',
      suggestedName: 'renewals.ics',
      bytes,
    });
  });
});
