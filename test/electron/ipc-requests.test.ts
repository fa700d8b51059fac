import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc/contract';
import { IpcRefusedError, safePdfName } from '../../electron/ipc-handlers';
import type { SenderEvent } from '../../electron/ipc-handlers';
import { documents, folder, setup, useIpcTempFolders, userData } from '../helpers/ipc-harness';

useIpcTempFolders();

describe('safePdfName', () => {
  it.each([
    ['TEM Desk report 2026-10.pdf', 'TEM Desk report 2026-10.pdf'],
    ['TEM Desk report 2026-10', 'TEM Desk report 2026-10.pdf'],
    ['Report.PDF', 'Report.pdf'],
    ['a/b/c.pdf', 'c.pdf'],
    ['C:\\Users\\me\\x.pdf', 'x.pdf'],
    ['C:report.pdf', 'C-report.pdf'],
    ['what? <now> | "then" *.pdf', 'what- -now- - -then- -.pdf'],
    ['tab\there\u0000.pdf', 'tab-here-.pdf'],
    ['.hidden', 'hidden.pdf'],
    ['trailing. . ', 'trailing.pdf'],
    ['', ''],
    ['..', ''],
    ['../', ''],
    ['.pdf', ''],
    ['   ', ''],
  ])('%j becomes %j', (suggested, expected) => {
    expect(safePdfName(suggested)).toBe(expected);
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
    const { invoke, showOpenDialog, showSaveDialog, printToPdf } = setup();
    await mkdir(join(userData, 'backups'), { recursive: true });
    await writeFile(join(userData, 'backups', 'kept.temdesk'), 'secret workspace');
    // Valid payloads, so the refusal can only come from the sender check.
    const validPayloads: Record<(typeof INVOKE_CHANNELS)[number], unknown> = {
      'dialog:open-files': {},
      'dialog:save-file': { kind: 'csv', suggestedName: 'x', bytes: new Uint8Array() },
      'app:info': undefined,
      'backup:write': { fileName: 'x.temdesk', bytes: new Uint8Array([1]), keep: 1 },
      'backup:list': undefined,
      'backup:read': { name: 'kept.temdesk' },
      'backup:choose-folder': undefined,
      'report:save-pdf': { suggestedName: 'report.pdf' },
    };
    for (const channel of INVOKE_CHANNELS) {
      await expect(invoke(channel, validPayloads[channel], event)).rejects.toBeInstanceOf(
        IpcRefusedError,
      );
    }
    expect(showOpenDialog).not.toHaveBeenCalled();
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(printToPdf).not.toHaveBeenCalled();
    // Nothing written, nothing pruned, no folder remembered.
    expect(await readdir(userData)).toStrictEqual(['backups']);
    expect(await readdir(join(userData, 'backups'))).toStrictEqual(['kept.temdesk']);
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
    ['bytes as a list of numbers', { kind: 'csv', suggestedName: 'x.csv', bytes: [1, 2, 3] }],
    ['bytes as text', { kind: 'csv', suggestedName: 'x.csv', bytes: 'a,b,c' }],
    ['bytes as an ArrayBuffer', { kind: 'csv', suggestedName: 'x.csv', bytes: new ArrayBuffer(3) }],
    ['no bytes', { kind: 'csv', suggestedName: 'x.csv' }],
    ['a numeric name', { kind: 'csv', suggestedName: 7, bytes: new Uint8Array() }],
    ['an empty name', { kind: 'csv', suggestedName: '  ', bytes: new Uint8Array() }],
    [
      'a name too long',
      { kind: 'csv', suggestedName: `${'a'.repeat(300)}.csv`, bytes: new Uint8Array() },
    ],
    ['no kind', { suggestedName: 'x.csv', bytes: new Uint8Array() }],
    ['a kind of its own', { kind: 'exe', suggestedName: 'x.exe', bytes: new Uint8Array() }],
    ['an inherited kind', { kind: 'toString', suggestedName: 'x', bytes: new Uint8Array() }],
    [
      'its own filter',
      {
        kind: 'csv',
        suggestedName: 'x.csv',
        bytes: new Uint8Array(),
        filters: [{ name: 'All files', extensions: ['*'] }],
      },
    ],
    [
      'a folder',
      { kind: 'csv', suggestedName: 'x.csv', bytes: new Uint8Array(), defaultPath: '/' },
    ],
  ])('dialog:save-file refuses %s', async (_label, payload) => {
    const { invoke, showSaveDialog } = setup();
    await expect(invoke('dialog:save-file', payload)).rejects.toBeInstanceOf(IpcRefusedError);
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it.each([
    ['nothing', undefined],
    ['a bare name', 'report.pdf'],
    ['no name', {}],
    ['a numeric name', { suggestedName: 7 }],
    ['a list of names', { suggestedName: ['a.pdf'] }],
    ['an empty name', { suggestedName: '' }],
    ['a blank name', { suggestedName: '   ' }],
    ['a parent folder only', { suggestedName: '..' }],
    ['a folder only', { suggestedName: 'reports/' }],
    ['a name of 201 characters', { suggestedName: `${'x'.repeat(197)}.pdf` }],
  ])('report:save-pdf refuses %s', async (_label, payload) => {
    const { invoke, showSaveDialog, printToPdf } = setup();
    await expect(invoke('report:save-pdf', payload)).rejects.toBeInstanceOf(IpcRefusedError);
    expect(printToPdf).not.toHaveBeenCalled();
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it('report:save-pdf accepts a name of 200 characters', async () => {
    const { invoke, showSaveDialog } = setup();
    const name = `${'x'.repeat(196)}.pdf`;
    await invoke('report:save-pdf', { suggestedName: name });
    expect(showSaveDialog.mock.calls[0]?.[1].defaultPath).toBe(join(documents, name));
  });

  const bytes = new Uint8Array([1, 2, 3]);
  it.each([
    ['nothing', undefined],
    ['not an object', 'a.temdesk'],
    ['no file name', { bytes, keep: 5 }],
    ['a numeric file name', { fileName: 7, bytes, keep: 5 }],
    ['a parent-folder name', { fileName: '../a.temdesk', bytes, keep: 5 }],
    ['a path', { fileName: '/tmp/a.temdesk', bytes, keep: 5 }],
    ['a Windows path', { fileName: 'C:\\Users\\a.temdesk', bytes, keep: 5 }],
    ['another extension', { fileName: 'a.exe', bytes, keep: 5 }],
    ['bytes as a list of numbers', { fileName: 'a.temdesk', bytes: [1, 2, 3], keep: 5 }],
    ['bytes as text', { fileName: 'a.temdesk', bytes: 'PK', keep: 5 }],
    ['bytes as an ArrayBuffer', { fileName: 'a.temdesk', bytes: new ArrayBuffer(3), keep: 5 }],
    ['no keep', { fileName: 'a.temdesk', bytes }],
    ['keep as text', { fileName: 'a.temdesk', bytes, keep: '5' }],
    ['keep 0', { fileName: 'a.temdesk', bytes, keep: 0 }],
    ['keep 101', { fileName: 'a.temdesk', bytes, keep: 101 }],
    ['a fractional keep', { fileName: 'a.temdesk', bytes, keep: 2.5 }],
    ['keep NaN', { fileName: 'a.temdesk', bytes, keep: Number.NaN }],
    ['keep Infinity', { fileName: 'a.temdesk', bytes, keep: Number.POSITIVE_INFINITY }],
  ])('backup:write refuses %s', async (_label, payload) => {
    const { invoke } = setup();
    await expect(invoke('backup:write', payload)).rejects.toBeInstanceOf(IpcRefusedError);
    await expect(readdir(folder)).resolves.toStrictEqual([]);
  });

  it.each([
    ['nothing', undefined],
    ['a bare name', 'a.temdesk'],
    ['no name', {}],
    ['a numeric name', { name: 1 }],
    ['a parent-folder name', { name: '../backup-settings.temdesk' }],
    ['a nested traversal', { name: 'x/../../../etc/passwd.temdesk' }],
    ['a Windows traversal', { name: '..\\..\\a.temdesk' }],
    ['the settings file', { name: 'backup-settings.json' }],
    ['a partial file', { name: 'a.temdesk.partial' }],
  ])('backup:read refuses %s', async (_label, payload) => {
    const { invoke } = setup();
    await expect(invoke('backup:read', payload)).rejects.toBeInstanceOf(IpcRefusedError);
  });
});
