import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc/contract';
import { REPORT_PDF_OPTIONS } from '../../electron/ipc-handlers';
import {
  APP_INFO,
  FROM_APP,
  PDF_BYTES,
  documents,
  folder,
  setup,
  useIpcTempFolders,
  userData,
} from '../helpers/ipc-harness';

useIpcTempFolders();

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
      kind: 'csv',
      suggestedName: 'chargeback-2024-08.csv',
      bytes,
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
    await invoke('dialog:save-file', {
      kind: 'csv',
      suggestedName: '../../.bashrc',
      bytes: new Uint8Array(),
    });
    expect(showSaveDialog.mock.calls[0]?.[1].defaultPath).toBe('bashrc.csv');
  });

  it('reports { saved: false } when the dialog is cancelled', async () => {
    const { invoke } = setup();
    const result = await invoke('dialog:save-file', {
      kind: 'csv',
      suggestedName: 'x.csv',
      bytes: new Uint8Array([1]),
    });
    expect(result).toStrictEqual({ saved: false });
  });
});

describe('dialog:save-file takes only the app’s own kinds of file', () => {
  it.each([
    ['csv', 'chargeback.csv', 'chargeback.csv', { name: 'CSV', extensions: ['csv'] }],
    ['xlsx', 'inventory.xlsx', 'inventory.xlsx', { name: 'Excel workbook', extensions: ['xlsx'] }],
    ['ics', 'renewals.ics', 'renewals.ics', { name: 'Calendar', extensions: ['ics'] }],
    [
      'temdesk',
      'backup.temdesk',
      'backup.temdesk',
      { name: 'TEM Desk backup', extensions: ['temdesk'] },
    ],
    ['csv', 'payload.exe', 'payload.exe.csv', { name: 'CSV', extensions: ['csv'] }],
    ['csv', 'C:\\Windows\\evil.bat', 'evil.bat.csv', { name: 'CSV', extensions: ['csv'] }],
    ['xlsx', 'report.csv', 'report.csv.xlsx', { name: 'Excel workbook', extensions: ['xlsx'] }],
    [
      'kept-file',
      'Signed MSA.PDF',
      'Signed MSA.PDF',
      expect.objectContaining({ name: 'Kept file' }),
    ],
    ['kept-file', 'bill.zip', 'bill.zip', expect.objectContaining({ name: 'Kept file' })],
    ['kept-file', 'setup.exe', 'setup.exe.bin', expect.objectContaining({ name: 'Kept file' })],
    ['kept-file', 'page.html', 'page.html.bin', expect.objectContaining({ name: 'Kept file' })],
  ])(
    'a %s named %j is proposed as %j, with the kind’s filter',
    async (kind, name, proposed, filter) => {
      const { invoke, showSaveDialog } = setup();
      await invoke('dialog:save-file', { kind, suggestedName: name, bytes: new Uint8Array([1]) });
      expect(showSaveDialog).toHaveBeenCalledExactlyOnceWith(FROM_APP, {
        defaultPath: proposed,
        filters: [filter],
      });
    },
  );

  it('refuses a file over the size limit with a sentence, before any dialog', async () => {
    const { invoke, showSaveDialog } = setup({ maxSaveFileBytes: 4 * 1024 * 1024 });
    const bytes = new Uint8Array(5 * 1024 * 1024);
    await expect(
      invoke('dialog:save-file', { kind: 'csv', suggestedName: 'big.csv', bytes }),
    ).rejects.toThrow('big.csv is 5 MB; TEM Desk saves files up to 4 MB.');
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it('saves a file at the size limit', async () => {
    const target = join(folder, 'limit.csv');
    const { invoke, showSaveDialog } = setup({ maxSaveFileBytes: 1024 });
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const bytes = new Uint8Array(1024);
    await expect(
      invoke('dialog:save-file', { kind: 'csv', suggestedName: 'limit.csv', bytes }),
    ).resolves.toStrictEqual({ saved: true, path: target });
  });
});

describe('report:save-pdf', () => {
  it('prints the sender to a Letter PDF and writes its bytes where the user chose', async () => {
    await mkdir(documents);
    const target = join(documents, 'October report.pdf');
    const { invoke, showSaveDialog, printToPdf } = setup();
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });

    const result = await invoke('report:save-pdf', {
      suggestedName: 'TEM Desk report 2026-10.pdf',
    });

    expect(result).toStrictEqual({ saved: true, path: target });
    expect(new Uint8Array(await readFile(target))).toStrictEqual(PDF_BYTES);
    expect(printToPdf).toHaveBeenCalledExactlyOnceWith(FROM_APP, {
      pageSize: 'Letter',
      printBackground: true,
      landscape: false,
      margins: { top: 0.5, bottom: 0.5, left: 0.5, right: 0.5 },
    });
    expect(printToPdf.mock.calls[0]?.[1]).toStrictEqual(REPORT_PDF_OPTIONS);
    expect(showSaveDialog).toHaveBeenCalledExactlyOnceWith(FROM_APP, {
      title: 'Save the report as PDF',
      defaultPath: join(documents, 'TEM Desk report 2026-10.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
  });

  it('reports { saved: false } and writes nothing when the dialog is cancelled', async () => {
    const { invoke, showSaveDialog } = setup();
    showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: join(folder, 'x.pdf') });
    expect(await invoke('report:save-pdf', { suggestedName: 'x.pdf' })).toStrictEqual({
      saved: false,
    });
    expect(await readdir(folder)).toStrictEqual([]);
  });

  it('reports { saved: false } when the dialog returns no path', async () => {
    const { invoke, showSaveDialog } = setup();
    showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '' });
    expect(await invoke('report:save-pdf', { suggestedName: 'x.pdf' })).toStrictEqual({
      saved: false,
    });
    expect(await readdir(folder)).toStrictEqual([]);
  });

  it('proposes a name in the Documents folder only, never a folder chosen by the page', async () => {
    const { invoke, showSaveDialog } = setup();
    await invoke('report:save-pdf', { suggestedName: '../../../etc/cron.d/evil' });
    await invoke('report:save-pdf', { suggestedName: '..\\..\\Startup\\run.bat' });
    await invoke('report:save-pdf', { suggestedName: '/home/someone/.bashrc' });
    expect(showSaveDialog.mock.calls.map(([, options]) => options.defaultPath)).toStrictEqual([
      join(documents, 'evil.pdf'),
      join(documents, 'run.bat.pdf'),
      join(documents, 'bashrc.pdf'),
    ]);
  });

  it('rejects, and asks for no path, when printing fails', async () => {
    const { invoke, showSaveDialog, printToPdf } = setup();
    printToPdf.mockRejectedValueOnce(new Error('Failed to generate PDF'));
    await expect(invoke('report:save-pdf', { suggestedName: 'x.pdf' })).rejects.toThrow(
      'Failed to generate PDF',
    );
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it('rejects when the chosen file cannot be written', async () => {
    const { invoke, showSaveDialog } = setup();
    showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: join(folder, 'no-such-folder', 'x.pdf'),
    });
    await expect(invoke('report:save-pdf', { suggestedName: 'x.pdf' })).rejects.toThrow('ENOENT');
  });
});

describe('app:info', () => {
  it('returns the app info', async () => {
    const { invoke } = setup();
    expect(await invoke('app:info')).toStrictEqual(APP_INFO);
  });
});

describe('backups', () => {
  const backup = (fileName: string, text: string, keep = 10) => ({
    fileName,
    bytes: new TextEncoder().encode(text),
    keep,
  });

  it('writes into <userData>/backups, lists newest first, prunes, and reads back', async () => {
    const { invoke } = setup();
    expect(await invoke('backup:list')).toStrictEqual({
      folder: join(userData, 'backups'),
      files: [],
    });

    const first = await invoke('backup:write', backup('b-2024-08-01.temdesk', 'first'));
    expect(first).toStrictEqual({
      path: join(userData, 'backups', 'b-2024-08-01.temdesk'),
      removed: [],
    });
    await invoke('backup:write', backup('b-2024-08-02.temdesk', 'second'));
    const third = await invoke('backup:write', backup('b-2024-08-03.temdesk', 'third', 2));
    expect(third).toStrictEqual({
      path: join(userData, 'backups', 'b-2024-08-03.temdesk'),
      removed: ['b-2024-08-01.temdesk'],
    });

    const list = await invoke('backup:list');
    expect(list).toMatchObject({
      folder: join(userData, 'backups'),
      files: [
        { name: 'b-2024-08-03.temdesk', size: 5 },
        { name: 'b-2024-08-02.temdesk', size: 6 },
      ],
    });
    const read = await invoke('backup:read', { name: 'b-2024-08-02.temdesk' });
    expect(read).toStrictEqual(new TextEncoder().encode('second'));
    expect(read).toBeInstanceOf(Uint8Array);
  });

  it('runs concurrent writes one at a time, so keep holds', async () => {
    const { invoke } = setup();
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((name) =>
        invoke('backup:write', backup(`${name}.temdesk`, name, 1)),
      ),
    );
    expect(await readdir(join(userData, 'backups'))).toHaveLength(1);
  });

  it('chooses a folder in a native dialog, remembers it, and backs up there', async () => {
    const chosen = join(folder, 'usb-drive');
    await mkdir(chosen);
    const { invoke, showOpenDialog } = setup();
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [chosen] });

    expect(await invoke('backup:choose-folder')).toStrictEqual({ folder: chosen });
    expect(showOpenDialog).toHaveBeenCalledExactlyOnceWith(FROM_APP, {
      title: 'Choose the backup folder',
      defaultPath: join(userData, 'backups'),
      properties: ['openDirectory', 'createDirectory'],
    });
    expect(
      JSON.parse(await readFile(join(userData, 'backup-settings.json'), 'utf8')),
    ).toStrictEqual({ folder: chosen });

    // A later run (new handlers, same userData) still uses it.
    const later = setup();
    await later.invoke('backup:write', backup('x.temdesk', 'x'));
    expect(await readdir(chosen)).toStrictEqual(['x.temdesk']);
    expect(await later.invoke('backup:list')).toMatchObject({ folder: chosen });
    expect(await later.invoke('backup:read', { name: 'x.temdesk' })).toStrictEqual(
      new TextEncoder().encode('x'),
    );
  });

  it('reports { cancelled: true } and keeps the folder when the dialog is cancelled', async () => {
    const { invoke } = setup();
    expect(await invoke('backup:choose-folder')).toStrictEqual({ cancelled: true });
    expect(await invoke('backup:list')).toMatchObject({ folder: join(userData, 'backups') });
  });

  it('refuses to back up into a chosen folder that is gone, instead of re-creating it', async () => {
    const chosen = join(folder, 'unplugged');
    await mkdir(chosen);
    const { invoke, showOpenDialog } = setup();
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [chosen] });
    await invoke('backup:choose-folder');
    await rm(chosen, { recursive: true });
    await expect(invoke('backup:write', backup('x.temdesk', 'x'))).rejects.toThrow('is missing');
    expect(await readdir(folder)).not.toContain('unplugged');
  });

  it('falls back to <userData>/backups when the settings file is corrupt', async () => {
    await mkdir(userData, { recursive: true });
    await writeFile(join(userData, 'backup-settings.json'), '{"folder": "/mnt/ba');
    const { invoke } = setup();
    await invoke('backup:write', backup('x.temdesk', 'x'));
    expect(await readdir(join(userData, 'backups'))).toStrictEqual(['x.temdesk']);
  });
});
